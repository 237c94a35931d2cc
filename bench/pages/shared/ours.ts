// Our API as the bench uses it. Pieces that have not landed yet are read through the namespace,
// so that a page still builds and type-checks: it then reports the scenario as pending.
import * as core from "@twentythree-upload/core";
import {
  parseUploadToken,
  type Uploader,
  type UploaderOptions,
  type UploadToken,
} from "@twentythree-upload/core";
import type { RawToken } from "./tokens.js";

export { createChunkedTransport, createXhrTransport } from "@twentythree-upload/core";

/** The factories of @twentythree-upload/core that may not have landed yet. */
export interface ExpectedCore {
  createUploader?: (options: UploaderOptions) => Uploader;
}

/** What core exports right now. */
export const ours: ExpectedCore = core as unknown as ExpectedCore;

/** Turns the emulator's v2 token answer into the parsed token our transports take. */
export function toUploadToken(raw: RawToken): Promise<UploadToken> {
  return parseUploadToken(raw);
}
