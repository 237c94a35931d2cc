// Our API as the bench pages use it.
import { parseUploadToken, type UploadToken } from "@twentythree-upload/core";
import type { RawToken } from "./tokens.js";

export {
  createChunkedTransport,
  createUploader,
  createXhrTransport,
  probeCors,
} from "@twentythree-upload/core";

/** Turns the emulator's v2 token answer into the parsed token our transports take. */
export function toUploadToken(raw: RawToken): Promise<UploadToken> {
  return parseUploadToken(raw);
}
