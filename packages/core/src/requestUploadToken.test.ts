import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ResponseFormatError,
  TokenRequestError,
  TwentyThreeApiError,
  UploadError,
} from "./errors.js";
import { parseUploadToken } from "./parseUploadToken.js";
import { requestUploadToken } from "./requestUploadToken.js";

const TOKEN = "022fe6e3fb42758d6147c539727c5358af3524b1";
const LEGACY_BODY = JSON.stringify({
  status: "ok",
  uploadtoken: { upload_token: TOKEN, valid_until: "1266713254", title: "From the endpoint" },
});

interface Seen {
  method: string;
  headers: IncomingMessage["headers"];
  body: string;
}

// A real token endpoint on loopback: each path answers one way.
let server: Server;
let base: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", headers: req.headers, body });
      switch (req.url) {
        case "/token":
          res.writeHead(200, { "Content-Type": "application/json" }).end(LEGACY_BODY);
          return;
        case "/xml":
          res
            .writeHead(200, { "Content-Type": "text/xml" })
            .end(
              `<response status="ok"><upload_token>${TOKEN}</upload_token><valid_until>1</valid_until></response>`,
            );
          return;
        case "/refuse":
          res
            .writeHead(403, { "Content-Type": "application/json" })
            .end(JSON.stringify({ error: "missing_csrf_header", message: "Send the header." }));
          return;
        case "/upstream":
          res.writeHead(401, { "Content-Type": "application/json" }).end(
            JSON.stringify({
              status: "error",
              code: "invalid_signature",
              message: "The API signature is invalid.",
            }),
          );
          return;
        case "/crash":
          res
            .writeHead(500, { "Content-Type": "text/html" })
            .end("<html>Internal Server Error</html>");
          return;
        case "/login":
          res
            .writeHead(200, { "Content-Type": "text/html" })
            .end("<!doctype html><title>Sign in</title>");
          return;
        case "/slow":
          setTimeout(() => res.writeHead(200).end(LEGACY_BODY), 5_000);
          return;
        default:
          res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("requestUploadToken with a URL", () => {
  it("POSTs the request as JSON with the CSRF header and parses the answer", async () => {
    seen.length = 0;
    const token = await requestUploadToken(
      `${base}/token`,
      { title: "Clip", fileName: "clip.mp4", fileSize: 10 },
      { headers: { "X-Custom": "1" } },
    );
    expect(token).toMatchObject({ uploadToken: TOKEN, title: "From the endpoint" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: "POST",
      body: JSON.stringify({ title: "Clip", fileName: "clip.mp4", fileSize: 10 }),
    });
    expect(seen[0]?.headers).toMatchObject({
      "content-type": "application/json",
      "x-requested-with": "twentythree-upload",
      "x-custom": "1",
    });
  });

  it("accepts a URL object and an XML answer", async () => {
    expect((await requestUploadToken(new URL(`${base}/xml`), {})).uploadToken).toBe(TOKEN);
  });

  it("turns an error status into a TokenRequestError with the endpoint's code and message", async () => {
    const error = await failure(requestUploadToken(`${base}/refuse`, {}));
    expect(error).toBeInstanceOf(TokenRequestError);
    expect(error).toMatchObject({
      code: "token_endpoint_error",
      status: 403,
      serverCode: "missing_csrf_header",
      serverMessage: "Send the header.",
      message: "The token endpoint answered with HTTP 403: Send the header.",
    });
    expect(await failure(requestUploadToken(`${base}/crash`, {}))).toMatchObject({
      code: "token_endpoint_error",
      status: 500,
      serverCode: null,
    });
  });

  it("passes TwentyThree's error envelope on as a TwentyThreeApiError", async () => {
    const error = await failure(requestUploadToken(`${base}/upstream`, {}));
    expect(error).toBeInstanceOf(TwentyThreeApiError);
    expect(error).toMatchObject({ code: "invalid_signature", status: 401 });
  });

  it("rejects a page that is not a token (e.g. a login redirect) with a ResponseFormatError", async () => {
    const error = await failure(requestUploadToken(`${base}/login`, {}));
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect((error as Error).message).toMatch(/HTML page/);
  });

  it("reports an unreachable endpoint", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/token`;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(requestUploadToken(url, {}));
    expect(error).toMatchObject({
      name: "TokenRequestError",
      code: "token_endpoint_unreachable",
      status: null,
    });
  });

  it("aborts through the signal with an UploadError of kind aborted", async () => {
    const controller = new AbortController();
    const pending = failure(requestUploadToken(`${base}/slow`, {}, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const error = await pending;
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ kind: "aborted" });
    controller.abort();
    expect(
      await failure(requestUploadToken(`${base}/token`, {}, { signal: controller.signal })),
    ).toMatchObject({
      kind: "aborted",
    });
  });
});

describe("requestUploadToken with timeoutMs", () => {
  it("gives up on an endpoint that does not answer in time: unreachable, status null", async () => {
    const error = await failure(requestUploadToken(`${base}/slow`, {}, { timeoutMs: 50 }));
    expect(error).toBeInstanceOf(TokenRequestError);
    expect(error).toMatchObject({
      code: "token_endpoint_unreachable",
      status: null,
      message: "The token endpoint did not answer within 0.05 s.",
    });
  });

  it("gives up on a function that never settles, even one that ignores its signal", async () => {
    vi.useFakeTimers();
    const pending = failure(
      requestUploadToken(() => new Promise(() => {}), {}, { timeoutMs: 1500 }),
    );
    await vi.advanceTimersByTimeAsync(1500);
    vi.useRealTimers();
    const error = await pending;
    expect(error).toMatchObject({
      name: "TokenRequestError",
      code: "token_source_failed",
      status: null,
      message: "The token function did not answer within 1.5 s.",
    });
  });

  it("reports the timeout, not `undefined`, where the browser drops abort reasons (Chrome < 98)", async () => {
    // AbortController as Chrome 93–97 and Firefox 92–96 have it: abort(reason) keeps no reason.
    class ReasonlessController extends AbortController {
      override abort() {
        super.abort();
      }
      override get signal() {
        const signal = super.signal;
        Object.defineProperty(signal, "reason", { value: undefined, configurable: true });
        return signal;
      }
    }
    vi.stubGlobal("AbortController", ReasonlessController);
    vi.useFakeTimers();
    try {
      const pending = failure(
        requestUploadToken(() => new Promise(() => {}), {}, { timeoutMs: 1500 }),
      );
      await vi.advanceTimersByTimeAsync(1500);
      expect(await pending).toMatchObject({
        name: "TokenRequestError",
        code: "token_source_failed",
        message: "The token function did not answer within 1.5 s.",
      });
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });

  it("still reports a cancel as aborted, and a quick answer as the token", async () => {
    const controller = new AbortController();
    const pending = failure(
      requestUploadToken(`${base}/slow`, {}, { signal: controller.signal, timeoutMs: 60_000 }),
    );
    controller.abort();
    expect(await pending).toMatchObject({ kind: "aborted" });
    const token = await requestUploadToken(`${base}/token`, {}, { timeoutMs: 60_000 });
    expect(token.uploadToken).toBe(TOKEN);
  });
});

describe("requestUploadToken with a function", () => {
  it("passes the request and signal, and parses a raw body", async () => {
    const controller = new AbortController();
    let received: unknown;
    const token = await requestUploadToken(
      (request, context) => {
        received = {
          request,
          aborted: context.signal.aborted,
          same: context.signal === controller.signal,
        };
        return Promise.resolve(LEGACY_BODY);
      },
      { title: "x" },
      { signal: controller.signal },
    );
    expect(token.uploadToken).toBe(TOKEN);
    expect(received).toEqual({ request: { title: "x" }, aborted: false, same: true });
  });

  it("validates an UploadToken object and a parsed object", async () => {
    const parsed = await parseUploadToken(LEGACY_BODY);
    expect(await requestUploadToken(() => Promise.resolve(parsed), {})).toEqual(parsed);
    expect(
      await requestUploadToken(() => Promise.resolve(JSON.parse(LEGACY_BODY) as object), {}),
    ).toEqual(parsed);
    await expect(
      requestUploadToken(() => Promise.resolve({ ...parsed, uploadToken: "" }), {}),
    ).rejects.toThrow(ResponseFormatError);
  });

  it("wraps a thrown error in a TokenRequestError, keeping it as cause", async () => {
    const cause = new Error("boom");
    const error = await failure(requestUploadToken(() => Promise.reject(cause), {}));
    expect(error).toMatchObject({ name: "TokenRequestError", code: "token_source_failed", cause });
  });

  it("reports an abort during the function as aborted, not as the function's error", async () => {
    const controller = new AbortController();
    const pending = failure(
      requestUploadToken(
        (_request, { signal }) =>
          new Promise((_resolve, reject) =>
            signal.addEventListener("abort", () => reject(new Error("stopped"))),
          ),
        {},
        { signal: controller.signal },
      ),
    );
    controller.abort();
    expect(await pending).toMatchObject({ kind: "aborted" });
  });
});
