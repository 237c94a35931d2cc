// Fake upload tokens for tests and stories, to pair with `createMockTransport`.
import { abortedError } from "./abortedError.js";
import type { TokenRequestContext, UploadToken, UploadTokenRequest } from "./types.js";

/** Options of {@link createMockTokenSource}. */
export interface MockTokenSourceOptions {
  /** Lifetime of each token. Default: `180` minutes (TwentyThree's legacy default). */
  readonly validMinutes?: number;
  /** Wait before answering. Default: `0` ms. */
  readonly delayMs?: number;
}

/** A token function with a record of the requests it answered. */
export interface MockTokenSource {
  (request: UploadTokenRequest, context: TokenRequestContext): Promise<UploadToken>;
  /** Every request, in order. */
  readonly requests: readonly UploadTokenRequest[];
  /** Every token handed out, in order. */
  readonly tokens: readonly UploadToken[];
}

/**
 * A token source that makes up tokens (`mock-token-1`, `mock-token-2`, …) with the request's
 * metadata and `maxUploads`. Use it with {@link createMockTransport}; a real app passes its
 * token endpoint's URL instead.
 *
 * @example
 * const uploader = createUploader({ site: "example.com", token: createMockTokenSource(), transport: createMockTransport() });
 */
export function createMockTokenSource(options: MockTokenSourceOptions = {}): MockTokenSource {
  const validMinutes = options.validMinutes ?? 180;
  const requests: UploadTokenRequest[] = [];
  const tokens: UploadToken[] = [];
  const source = async (request: UploadTokenRequest, context: TokenRequestContext) => {
    requests.push(request);
    if ((options.delayMs ?? 0) > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, options.delayMs);
        context.signal.addEventListener("abort", () => {
          clearTimeout(timer);
          reject(abortedError(context.signal));
        });
      });
    }
    const token: UploadToken = {
      uploadToken: `mock-token-${tokens.length + 1}`,
      title: request.title ?? "",
      description: request.description ?? "",
      publish: request.publish ?? true,
      tags: request.tags ?? "",
      userId: null,
      albumId: request.albumId ?? null,
      maxUploads: request.maxUploads ?? 1,
      validMinutes,
      validUntil: new Date(Date.now() + validMinutes * 60_000),
      returnUrl: null,
      backgroundReturn: false,
      extra: { ...request.extra },
    };
    tokens.push(token);
    return token;
  };
  return Object.assign(source, { requests, tokens });
}
