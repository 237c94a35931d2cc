import { randomBytes } from "node:crypto";
import type {
  ApiGeneration,
  EndpointName,
  RequestRecord,
  ReturnRecord,
  TokenRecord,
  UploadRecord,
} from "./controlTypes.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A token as stored (mutable; `state` is computed when it is read). */
export type StoredToken = Mutable<Omit<TokenRecord, "state">> & {
  expiredByControl: boolean;
  deleted: boolean;
};
export type StoredUpload = Mutable<UploadRecord>;
export type StoredRequest = Mutable<RequestRecord>;

/** Why a token cannot be redeemed right now. */
export type TokenProblem = "invalid" | "expired" | "consumed";

const MAX_LOG = 2000;
const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Random alphanumeric string (rejection sampling keeps it unbiased). */
export function randomAlnum(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALNUM[byte % 62];
    }
  }
  return out;
}

/** Everything one emulator remembers; `reset()` forgets it all. */
export class EmulatorState {
  readonly tokens = new Map<string, StoredToken>();
  readonly uploads: StoredUpload[] = [];
  readonly requests: StoredRequest[] = [];
  readonly returns: ReturnRecord[] = [];
  private nextPhotoId = 1_000_001;
  private nextTreeId = 97_531;
  private nextRequestId = 1;

  reset(): void {
    this.tokens.clear();
    this.uploads.length = 0;
    this.requests.length = 0;
    this.returns.length = 0;
  }

  /** A new token string: 40 hex characters on legacy (as in the seed), 64 alphanumerics on v2. */
  newUploadToken(api: ApiGeneration): string {
    return api === "legacy" ? randomBytes(20).toString("hex") : randomAlnum(64);
  }

  newPhotoIds(): { photoId: string; treeId: string; token: string } {
    const photoId = String(this.nextPhotoId++);
    const treeId = String(this.nextTreeId++);
    return { photoId, treeId, token: randomAlnum(32) };
  }

  tokenState(token: StoredToken, nowMs = Date.now()): TokenRecord["state"] {
    if (token.deleted) return "deleted";
    if (token.expiredByControl || token.validUntil * 1000 <= nowMs) return "expired";
    if (token.uploadsUsed >= token.maxUploads) return "consumed";
    return "valid";
  }

  /** `null` when the token may be redeemed now. */
  tokenProblem(uploadToken: string | undefined): TokenProblem | null {
    const token = uploadToken === undefined ? undefined : this.tokens.get(uploadToken);
    if (!token) return "invalid";
    const state = this.tokenState(token);
    if (state === "deleted") return "invalid";
    if (state === "expired") return "expired";
    if (state === "consumed") return "consumed";
    return null;
  }

  tokenRecord(token: StoredToken): TokenRecord {
    const { expiredByControl: _e, deleted: _d, ...rest } = token;
    return { ...rest, extra: { ...rest.extra }, state: this.tokenState(token) };
  }

  startRequest(
    method: string,
    path: string,
    endpoint: EndpointName,
    api: ApiGeneration | null,
  ): StoredRequest {
    const record: StoredRequest = {
      id: this.nextRequestId++,
      at: new Date().toISOString(),
      method,
      path,
      endpoint,
      api,
      status: null,
      aborted: false,
      bytesReceived: 0,
      fault: null,
      probe: false,
      uploadToken: null,
      chunk: null,
      done: false,
      endedAt: null,
    };
    this.requests.push(record);
    if (this.requests.length > MAX_LOG) this.requests.splice(0, this.requests.length - MAX_LOG);
    return record;
  }

  recordReturn(record: ReturnRecord): void {
    this.returns.push(record);
    if (this.returns.length > MAX_LOG) this.returns.splice(0, this.returns.length - MAX_LOG);
  }

  uploadsForToken(uploadToken: string): StoredUpload[] {
    return this.uploads.filter((u) => u.uploadToken === uploadToken && !u.deleted);
  }
}
