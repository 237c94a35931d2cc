// The upload-token endpoint as a Fetch API handler, `(request: Request) => Promise<Response>`, so
// that the same code serves Next.js route handlers, Hono, Bun, Deno and Node (through
// nodeAdapter.ts). It holds TwentyThree's write credentials; the browser only ever receives a
// single-use upload token bound to the return URL chosen here.
import { checkCsrf } from "./checkCsrf.js";
import { fetchUploadToken } from "./fetchUploadToken.js";
import { readJsonBody } from "./readJsonBody.js";
import { type Refusal, jsonResponse, refusalResponse } from "./refusal.js";
import { toApiParams } from "./toApiParams.js";
import {
  type IssuedToken,
  type TokenHandlerOptions,
  resolveTokenHandlerOptions,
} from "./tokenHandlerOptions.js";
import type { TokenLogEntry } from "./tokenLog.js";
import { type ValidatedTokenRequest, validateTokenRequest } from "./validateTokenRequest.js";

/** The token's own values where TwentyThree gave them, else what was asked for. */
function issuedToken(
  token: Record<string, unknown>,
  asked: ValidatedTokenRequest,
  validMinutes: number,
): IssuedToken {
  const maxUploads = Number(token.max_uploads);
  const validUntil = Number(token.valid_until);
  return {
    uploadToken: String(token.upload_token),
    validUntil: new Date(
      Number.isFinite(validUntil) && validUntil > 0
        ? validUntil * 1000
        : Date.now() + validMinutes * 60_000,
    ),
    maxUploads: Number.isSafeInteger(maxUploads) && maxUploads > 0 ? maxUploads : asked.maxUploads,
    returnUrl: typeof token.return_url === "string" ? token.return_url : asked.returnUrl,
  };
}

/** A Fetch API request handler. */
export type TokenHandler = (request: Request) => Promise<Response>;

/**
 * Creates the upload-token endpoint. Answers:
 * - 200 with TwentyThree's JSON (`{ status: "ok", uploadtoken | data: {...} }`), `no-store`;
 * - 405 (+ `Allow: POST`) for other methods, 403 for cross-site or header-less requests, 401 when
 *   `authorize` says no, 415 unless JSON, 413 for bodies over `maxBodyBytes`, 400 for malformed
 *   JSON, 422 naming the invalid field, 502 when TwentyThree fails or refuses;
 * - every refusal as `{ error: "<code>", message: "<sentence>", field? }`.
 *
 * @throws TokenHandlerConfigError at creation when an option is wrong (e.g. a `javascript:` or
 *   foreign return URL), so a misconfigured server never starts.
 */
export function createTokenHandler(options: TokenHandlerOptions): TokenHandler {
  const config = resolveTokenHandlerOptions(options);

  function log(entry: Omit<TokenLogEntry, "event" | "durationMs">, started: number): void {
    try {
      config.logger({
        event: "upload-token",
        ...entry,
        durationMs: Math.round(performance.now() - started),
      });
    } catch {
      // A broken logger must not turn an answer into a 500.
    }
  }

  function refuse(
    request: Request,
    refusal: Refusal,
    started: number,
    extra: Partial<TokenLogEntry> = {},
  ): Response {
    log(
      {
        method: request.method,
        outcome:
          refusal.status === 502
            ? "upstream-error"
            : refusal.status === 500
              ? "internal-error"
              : "refused",
        status: refusal.status,
        code: refusal.error,
        ...(refusal.field === undefined ? {} : { field: refusal.field }),
        ...extra,
      },
      started,
    );
    return refusalResponse(refusal);
  }

  async function handle(request: Request, started: number): Promise<Response> {
    if (request.method !== "POST") {
      return refuse(
        request,
        {
          status: 405,
          error: "method_not_allowed",
          message: "Use POST to request an upload token.",
        },
        started,
      );
    }
    const csrf = checkCsrf(request, config.allowedOrigins);
    if (csrf) return refuse(request, csrf, started);
    if (config.authorize && !(await config.authorize(request))) {
      return refuse(
        request,
        { status: 401, error: "unauthorized", message: "Sign in to upload." },
        started,
      );
    }

    const body = await readJsonBody(request, config.maxBodyBytes);
    if (!body.ok) return refuse(request, body.refusal, started);
    const validated = validateTokenRequest(body.value, config);
    if (!validated.ok) return refuse(request, validated.refusal, started);

    const { request: fields } = validated;
    const sizes = {
      maxUploads: fields.maxUploads,
      ...(fields.fileSize === undefined ? {} : { fileSize: fields.fileSize }),
    };
    const params = toApiParams(fields, config);
    const upstream = await fetchUploadToken(config, params, request.signal);
    if (!upstream.ok) {
      return refuse(request, upstream.refusal, started, {
        ...sizes,
        ...(upstream.upstreamCode === undefined ? {} : { upstreamCode: upstream.upstreamCode }),
        ...(upstream.redirectOrigin === undefined
          ? {}
          : { redirectOrigin: upstream.redirectOrigin }),
      });
    }
    if (config.onIssued) {
      await config.onIssued(issuedToken(upstream.token, fields, config.validMinutes), request);
    }
    log({ method: request.method, outcome: "issued", status: 200, ...sizes }, started);
    return jsonResponse(200, upstream.body);
  }

  return async (request) => {
    const started = performance.now();
    try {
      return await handle(request, started);
    } catch (error) {
      // Only the error's class is logged: its message could quote a request or response that
      // holds a token.
      return refuse(
        request,
        { status: 500, error: "internal_error", message: "The upload token could not be issued." },
        started,
        { errorName: error instanceof Error ? error.name : typeof error },
      );
    }
  };
}
