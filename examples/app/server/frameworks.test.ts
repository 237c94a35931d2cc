// The forms the guide (docs/guides/token-endpoint.md) tells users to copy, run for real: the
// Next.js route handler snippet itself, and the Express mounting it shows.
import { readFileSync, readdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { parseUploadToken } from "@twentythree-upload/core";
import { type Emulator, createEmulator } from "@twentythree-upload/emulator";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "./config.js";
import { createTokenHandler } from "./createTokenHandler.js";
import { toNodeListener } from "./nodeAdapter.js";

const APP = "http://127.0.0.1:5173";
const headers = {
  "Content-Type": "application/json",
  "X-Requested-With": "twentythree-upload",
  Origin: APP,
  "Sec-Fetch-Site": "same-origin",
  Cookie: "session=ok",
};

// The snippets' `declare function isSignedIn`: the app's own user check, here a global.
const isSignedIn = async (request: Request) => request.headers.get("cookie") === "session=ok";
(globalThis as { isSignedIn?: typeof isSignedIn }).isSignedIn = isSignedIn;

let emulator: Emulator;
const savedEnv = { ...process.env };

beforeAll(async () => {
  emulator = await createEmulator({ quiet: true });
  // What a deployment would set; the Next.js snippet reads process.env on its first request.
  process.env.TWENTYTHREE_SITE = emulator.url;
  process.env.APP_ORIGIN = APP;
  delete process.env.RETURN_URL;
});
afterAll(async () => {
  process.env = savedEnv;
  delete (globalThis as { isSignedIn?: typeof isSignedIn }).isSignedIn;
  await emulator?.close();
});

describe("Next.js App Router route handler (docs/snippets/token-endpoint-next.ts)", () => {
  it("issues a token from POST(request) and refuses a foreign origin", async () => {
    const route = await import("../../../docs/snippets/token-endpoint-next.js");
    expect(route.runtime).toBe("nodejs");
    const response = await route.POST(
      new Request(`${APP}/api/upload-token`, {
        method: "POST",
        headers,
        body: JSON.stringify({ title: "From Next" }),
      }),
    );
    expect(response.status).toBe(200);
    const token = await parseUploadToken(await response.text());
    expect(token.title).toBe("From Next");
    expect(token.returnUrl).toBe(`${APP}/upload/callback`);

    const foreign = await route.POST(
      new Request(`${APP}/api/upload-token`, {
        method: "POST",
        headers: { ...headers, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
        body: "{}",
      }),
    );
    expect(foreign.status).toBe(403);

    const { Cookie: _cookie, ...signedOut } = headers;
    const anonymous = await route.POST(
      new Request(`${APP}/api/upload-token`, { method: "POST", headers: signedOut, body: "{}" }),
    );
    expect(anonymous.status).toBe(401);
  });
});

describe("Express (as in docs/snippets/token-endpoint-express.ts)", () => {
  it("serves the handler before express.json(), with its own 405 for other methods", async () => {
    const app = express();
    app.all(
      "/api/upload-token",
      toNodeListener(
        createTokenHandler({ ...readConfig(process.env).token, authorize: isSignedIn }),
      ),
    );
    app.use(express.json());
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/upload-token`;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ title: "From Express", maxUploads: 2 }),
      });
      expect(response.status).toBe(200);
      expect((await parseUploadToken(await response.text())).maxUploads).toBe(2);
      const { Cookie: _cookie, ...signedOut } = headers;
      expect((await fetch(url, { method: "POST", headers: signedOut, body: "{}" })).status).toBe(
        401,
      );

      const get = await fetch(url);
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
      const tooBig = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify({ description: "x".repeat(20_000) }),
      });
      expect(tooBig.status).toBe(413);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("the files the guide tells users to copy", () => {
  // What docs/guides/token-endpoint.md and docs/quick-start.md list. A copied file may import only
  // other copied files, node built-ins, oauth-1.0a and @twentythree-upload/react (the one package
  // the installation page adds; it re-exports core, which pnpm's strict layout would not resolve).
  const required = [
    "createTokenHandler",
    "checkCsrf",
    "fetchUploadToken",
    "readJsonBody",
    "refusal",
    "signRequest",
    "toApiParams",
    "tokenHandlerOptions",
    "tokenLog",
    "validateTokenRequest",
  ];
  const optional = ["config", "nodeAdapter", "allowReturnPageRead"];
  // startAppServer needs sirv; contentSecurityPolicy goes with it. Not for copying: the rest.
  const exampleOnly = [
    "startAppServer",
    "contentSecurityPolicy",
    "checkBuiltSite",
    "dev",
    "main",
    "tokenEndpointFixture",
  ];
  const dir = new URL("./", import.meta.url);
  const read = (name: string) => readFileSync(new URL(name, dir), "utf8");
  const imports = (name: string) =>
    [...read(`${name}.ts`).matchAll(/(?:from|import)\s+"([^"]+)"/g)].map((match) => match[1] ?? "");

  it("classifies every server file", () => {
    const files = readdirSync(dir)
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .map((file) => file.slice(0, -3));
    expect(files.sort()).toEqual([...required, ...optional, ...exampleOnly].sort());
  });

  it.each([...required, ...optional])(
    "%s.ts imports only copied files and the documented packages",
    (name) => {
      const allowedFiles = required.includes(name) ? required : [...required, ...optional];
      for (const specifier of imports(name)) {
        if (specifier.startsWith("./")) {
          expect(allowedFiles).toContain(specifier.slice(2).replace(/\.js$/, ""));
        } else {
          expect(specifier).toMatch(/^(node:.+|oauth-1\.0a|@twentythree-upload\/react)$/);
        }
      }
    },
  );

  it.each(["docs/guides/token-endpoint.md", "docs/quick-start.md"])("%s lists them", (page) => {
    const text = readFileSync(new URL(`../../../${page}`, import.meta.url), "utf8");
    for (const name of [...required, ...optional]) expect(text).toContain(`\`${name}.ts\``);
    expect(text).toMatch(/`startAppServer\.ts`[^.]*sirv/);
  });
});
