// The token endpoint against the emulator's get-upload-token (real OAuth 1.0a verification) over
// real HTTP: tokens the browser library can parse, on both API generations, and failures that
// say what happened without leaking a secret or a token.
import { type RequestListener, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseUploadToken, requestUploadToken } from "@twentythree-upload/core";
import { type Emulator, createEmulator } from "@twentythree-upload/emulator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EMULATOR_CREDENTIALS } from "./config.js";
import { createTokenHandler } from "./createTokenHandler.js";
import { startAppServer } from "./startAppServer.js";
import type { IssuedToken } from "./tokenHandlerOptions.js";
import {
  APP_ORIGIN,
  RETURN_URL,
  type TokenEndpointFixture,
  startTokenEndpoint,
} from "./tokenEndpointFixture.js";

const SECRETS = [EMULATOR_CREDENTIALS.consumerSecret, EMULATOR_CREDENTIALS.accessTokenSecret];
const request = {
  title: "Holiday in Skagen",
  description: "<p>Sand and <b>wind</b></p>\nSecond line",
  tags: "beach summer",
  publish: false,
  fileName: "holiday.mp4",
  fileSize: 10_485_760,
  fileType: "video/mp4",
  extra: { theme: "green" },
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ quiet: true });
});
afterAll(async () => {
  await emulator?.close();
});

function withEndpoint(
  run: (endpoint: TokenEndpointFixture) => Promise<void>,
  ...args: Parameters<typeof startTokenEndpoint> extends [string, ...infer Rest] ? Rest : never
): () => Promise<void> {
  return async () => {
    const endpoint = await startTokenEndpoint(emulator.url, ...args);
    try {
      await run(endpoint);
    } finally {
      await endpoint.close();
    }
  };
}

describe.each(["legacy", "v2"] as const)("issuing a token (%s API)", (apiVersion) => {
  it(
    "returns TwentyThree's token, uncacheable, bound to the server's return URL",
    withEndpoint(
      async (endpoint) => {
        const response = await endpoint.post({ ...request, maxUploads: 2 });
        expect(response.status).toBe(200);
        expect(response.headers.get("cache-control")).toBe("no-store");
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        const body = (await response.json()) as Record<string, unknown>;
        expect(Object.keys(body)).toContain(apiVersion === "v2" ? "data" : "uploadtoken");
        expect(body.status).toBe("ok");

        const token = await parseUploadToken(body);
        expect(token.uploadToken).toMatch(/^\S{16,}$/);
        expect(token.title).toBe(request.title);
        expect(token.maxUploads).toBe(2);
        expect(token.validMinutes).toBe(180);
        expect(token.publish).toBe(false);
        expect(token.returnUrl).toBe(RETURN_URL);
        expect(token.validUntil.getTime()).toBeGreaterThan(Date.now());
        expect(endpoint.upstreamCalls()).toBe(1);
      },
      { apiVersion },
    ),
  );

  it(
    "works with the browser library's own client (requestUploadToken)",
    withEndpoint(
      async (endpoint) => {
        const token = await requestUploadToken(endpoint.endpoint, {
          title: "From core",
          fileSize: 1,
        });
        expect(token.title).toBe("From core");
        expect(token.maxUploads).toBe(1);
        expect(token.returnUrl).toBe(RETURN_URL);
      },
      { apiVersion },
    ),
  );

  it(
    "clamps maxUploads to maxUploadsCap instead of refusing, so a shared-token queue fetches again",
    withEndpoint(
      async (endpoint) => {
        const response = await endpoint.post({ ...request, maxUploads: 25 });
        expect(response.status).toBe(200);
        const token = await parseUploadToken(await response.text());
        expect(token.maxUploads).toBe(10);
        expect(endpoint.logs.at(-1)).toMatchObject({ outcome: "issued", maxUploads: 10 });
        // At or under the cap, the request is followed as it is.
        const exact = await parseUploadToken(
          await (await endpoint.post({ ...request, maxUploads: 10 })).text(),
        );
        expect(exact.maxUploads).toBe(10);
      },
      { apiVersion },
    ),
  );

  it(
    "answers 502 without the secret when TwentyThree refuses the signature",
    withEndpoint(
      async (endpoint) => {
        const response = await endpoint.post(request);
        const text = await response.text();
        expect(response.status).toBe(502);
        expect(JSON.parse(text)).toMatchObject({ error: "upstream_error" });
        expect(JSON.parse(text).message).toMatch(/TwentyThree refused/);
        const everything = text + JSON.stringify(endpoint.logs);
        for (const secret of ["wrong-secret-d41d8", ...SECRETS])
          expect(everything).not.toContain(secret);
        expect(everything).not.toMatch(/oauth_signature|Authorization/i);
        expect(endpoint.logs.at(-1)).toMatchObject({
          outcome: "upstream-error",
          status: 502,
          code: "upstream_error",
        });
        expect(endpoint.logs.at(-1)?.upstreamCode).toMatch(/^[a-z_0-9]+$/);
      },
      {
        apiVersion,
        credentials: { ...EMULATOR_CREDENTIALS, consumerSecret: "wrong-secret-d41d8" },
      },
    ),
  );
});

describe("v2 only", () => {
  it(
    "accepts publishDate",
    withEndpoint(
      async (endpoint) => {
        const response = await endpoint.post({ ...request, publishDate: "2030-11-01 09:00:00" });
        expect(response.status).toBe(200);
      },
      { apiVersion: "v2" },
    ),
  );
});

describe("return URL allow-list", () => {
  const allowedReturnUrls = [RETURN_URL, `${APP_ORIGIN}/upload/callback?theme=dark`];
  it(
    "uses the first by default and lets a request pick another listed one, exactly",
    withEndpoint(
      async (endpoint) => {
        const first = await parseUploadToken(await (await endpoint.post(request)).text());
        expect(first.returnUrl).toBe(allowedReturnUrls[0]);
        const picked = await endpoint.post({ ...request, returnUrl: allowedReturnUrls[1] });
        expect((await parseUploadToken(await picked.text())).returnUrl).toBe(allowedReturnUrls[1]);

        for (const returnUrl of [
          "https://evil.example/upload/callback",
          `${APP_ORIGIN}/upload/callback?theme=dark&x=1`,
          "javascript:alert(1)",
        ]) {
          const refused = await endpoint.post({ ...request, returnUrl });
          expect(refused.status).toBe(422);
          expect(await refused.json()).toMatchObject({
            error: "invalid_field",
            field: "returnUrl",
          });
        }
        expect(endpoint.upstreamCalls()).toBe(2);
      },
      { allowedReturnUrls },
    ),
  );
});

describe("onIssued", () => {
  it("is given each issued token and the request, and is awaited before the browser gets the token", async () => {
    const seen: { token: IssuedToken; cookie: string | null; recorded: boolean }[] = [];
    const endpoint = await startTokenEndpoint(emulator.url, {
      onIssued: async (token, incoming) => {
        const entry = { token, cookie: incoming.headers.get("cookie"), recorded: false };
        seen.push(entry);
        await new Promise((resolve) => setTimeout(resolve, 20));
        entry.recorded = true;
      },
    });
    try {
      const response = await endpoint.post(
        { ...request, maxUploads: 3 },
        { headers: { Cookie: "session=user-7" } },
      );
      expect(seen.map((entry) => entry.recorded)).toEqual([true]);
      const token = await parseUploadToken(await response.text());
      expect(seen[0]?.cookie).toBe("session=user-7");
      expect(seen[0]?.token).toEqual({
        uploadToken: token.uploadToken,
        validUntil: token.validUntil,
        maxUploads: 3,
        returnUrl: RETURN_URL,
      });
      expect(JSON.stringify(endpoint.logs)).not.toContain(token.uploadToken);
    } finally {
      await endpoint.close();
    }
  });

  it("answers 500 without the token when onIssued fails (nothing recorded, nothing handed out)", async () => {
    let issued = "";
    const endpoint = await startTokenEndpoint(emulator.url, {
      onIssued: (token) => {
        issued = token.uploadToken;
        throw new Error(`database down while storing ${token.uploadToken}`);
      },
    });
    try {
      const response = await endpoint.post(request);
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toMatchObject({ error: "internal_error" });
      expect(issued).not.toBe("");
      expect(text + JSON.stringify(endpoint.logs)).not.toContain(issued);
      expect(endpoint.logs.at(-1)).toMatchObject({ outcome: "internal-error", errorName: "Error" });
    } finally {
      await endpoint.close();
    }
  });
});

describe("log", () => {
  it(
    "records method, outcome, status, duration and sizes, and never the token or a secret",
    withEndpoint(async (endpoint) => {
      const response = await endpoint.post({ ...request, maxUploads: 3 });
      const token = await parseUploadToken(await response.text());
      expect(endpoint.logs).toEqual([
        {
          event: "upload-token",
          method: "POST",
          outcome: "issued",
          status: 200,
          fileSize: request.fileSize,
          maxUploads: 3,
          durationMs: expect.any(Number),
        },
      ]);
      const logged = JSON.stringify(endpoint.logs);
      for (const secret of [token.uploadToken, ...SECRETS, EMULATOR_CREDENTIALS.accessToken]) {
        expect(logged).not.toContain(secret);
      }
      expect(logged).not.toContain(request.fileName);
    }),
  );

  it("the default logger prints one JSON line per request, without the token", async () => {
    const lines: string[] = [];
    const spy = vi
      .spyOn(console, "log")
      .mockImplementation((line: string) => void lines.push(line));
    const server = await startAppServer({
      port: 0,
      tokenHandler: createTokenHandler({
        site: emulator.url,
        credentials: { ...EMULATOR_CREDENTIALS },
        returnUrl: RETURN_URL,
        allowedOrigins: [APP_ORIGIN],
      }),
    });
    try {
      const response = await fetch(`${server.url}/api/upload-token`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Requested-With": "twentythree-upload" },
        body: JSON.stringify(request),
      });
      const token = await parseUploadToken(await response.text());
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? "")).toMatchObject({ outcome: "issued", status: 200 });
      expect(lines.join("\n")).not.toContain(token.uploadToken);
    } finally {
      spy.mockRestore();
      await server.close();
    }
  });
});

describe("TwentyThree unavailable", () => {
  async function fakeSite(
    listener: RequestListener,
  ): Promise<{ url: string; close: () => Promise<void> }> {
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  async function expectUpstreamError(
    site: string,
    message: RegExp,
    timeoutMs?: number,
  ): Promise<void> {
    const endpoint = await startTokenEndpoint(
      site,
      timeoutMs ? { upstreamTimeoutMs: timeoutMs } : {},
    );
    try {
      const response = await endpoint.post(request);
      expect(response.status).toBe(502);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("upstream_error");
      expect(body.message).toMatch(message);
      expect(JSON.stringify(body)).not.toContain(site);
    } finally {
      await endpoint.close();
    }
  }

  it("answers 502 when the site cannot be reached", async () => {
    const closed = await fakeSite(() => undefined);
    await closed.close();
    await expectUpstreamError(closed.url, /Could not reach TwentyThree/);
  });

  it("answers 502 when the site does not answer before the deadline", async () => {
    const silent = await fakeSite(() => undefined);
    try {
      await expectUpstreamError(silent.url, /did not answer in time/, 200);
    } finally {
      await silent.close();
    }
  });

  it("answers 502 saying it timed out when the site stalls in the middle of its answer", async () => {
    const stalling = await fakeSite((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write('{"status":"ok","uploadtoken":{');
    });
    const endpoint = await startTokenEndpoint(stalling.url, { upstreamTimeoutMs: 300 });
    try {
      const response = await endpoint.post(request);
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({
        error: "upstream_error",
        message: "TwentyThree did not answer in time.",
      });
      expect(endpoint.logs.at(-1)).toMatchObject({ upstreamCode: "timeout" });
    } finally {
      await endpoint.close();
      await stalling.close();
    }
  });

  it("stops reading an answer that grows past 256 KiB, and says so", async () => {
    // No Content-Length and no end: only counting while reading can stop this.
    let closed = false;
    const endless = await fakeSite((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      const chunk = Buffer.alloc(16 * 1024, " ");
      response.on("close", () => (closed = true));
      const pump = () => {
        while (!closed && response.write(chunk));
        if (!closed) response.once("drain", pump);
      };
      pump();
    });
    // A deadline longer than the test's: reaching it would fail the test, not pass it.
    const endpoint = await startTokenEndpoint(endless.url, { upstreamTimeoutMs: 120_000 });
    try {
      const response = await endpoint.post(request);
      expect(response.status).toBe(502);
      const body = (await response.json()) as { error: string; message: string };
      expect(body).toEqual({ error: "upstream_error", message: expect.stringMatching(/256 KiB/) });
      expect(endpoint.logs.at(-1)).toMatchObject({ upstreamCode: "response_too_large" });
      await expect.poll(() => closed).toBe(true);
    } finally {
      await endpoint.close();
      await endless.close();
    }
  });

  it("answers 502 when the site answers something other than JSON", async () => {
    const html = await fakeSite((_request, response) => {
      response.writeHead(200, { "Content-Type": "text/html" });
      response.end("<html><body>Maintenance</body></html>");
    });
    try {
      await expectUpstreamError(html.url, /other than JSON/);
    } finally {
      await html.close();
    }
  });

  it.each([301, 302, 307, 308])(
    "answers 502 naming TWENTYTHREE_SITE when the site redirects (%i), logging only Location's origin",
    async (status) => {
      let hits = 0;
      const alias = await fakeSite((_request, response) => {
        hits += 1;
        response.writeHead(status, {
          Location: "https://videos.example.com/api/photo/get-upload-token?secret_marker=abc123",
        });
        response.end();
      });
      const endpoint = await startTokenEndpoint(alias.url);
      try {
        const response = await endpoint.post(request);
        expect(response.status).toBe(502);
        expect(await response.json()).toEqual({
          error: "upstream_error",
          message:
            "TwentyThree redirected the request; set TWENTYTHREE_SITE to the site's own domain.",
        });
        expect(hits).toBe(1);
        expect(endpoint.logs.at(-1)).toMatchObject({
          outcome: "upstream-error",
          status: 502,
          upstreamCode: "redirect",
          redirectOrigin: "https://videos.example.com",
        });
        expect(JSON.stringify(endpoint.logs)).not.toContain("secret_marker");
      } finally {
        await endpoint.close();
        await alias.close();
      }
    },
  );

  it("answers 502 when a JSON answer holds no upload token", async () => {
    const empty = await fakeSite((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ status: "ok", uploadtoken: {} }));
    });
    try {
      await expectUpstreamError(empty.url, /did not contain an upload token/);
    } finally {
      await empty.close();
    }
  });
});
