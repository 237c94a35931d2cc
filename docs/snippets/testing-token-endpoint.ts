// server/tokenEndpoint.test.ts: your token endpoint against the emulator, over real HTTP and with
// real OAuth signatures (the emulator checks them with its default credentials).
import { parseUploadToken } from "@twentythree-upload/core";
import { createEmulator, DEFAULT_CREDENTIALS, type Emulator } from "@twentythree-upload/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTokenHandler } from "../../examples/app/server/createTokenHandler.js";

const app = "http://127.0.0.1:5173";
let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ quiet: true });
});
afterAll(() => emulator.close());

function tokenRequest(body: object, headers: Record<string, string> = {}) {
  return new Request(`${app}/api/upload-token`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Requested-With": "twentythree-upload",
      Origin: app,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

it("issues a token for the app's callback page, and refuses other sites", async () => {
  const handler = createTokenHandler({
    site: emulator.url,
    credentials: DEFAULT_CREDENTIALS,
    returnUrl: `${app}/upload/callback`,
    allowedOrigins: [app],
    logger: () => {},
  });

  const issued = await handler(tokenRequest({ title: "Holiday", fileSize: 52_428_800 }));
  expect(issued.status).toBe(200);
  const token = await parseUploadToken(await issued.text());
  const record = emulator.tokens().find((t) => t.uploadToken === token.uploadToken);
  expect(record).toMatchObject({ title: "Holiday", returnUrl: `${app}/upload/callback` });

  const refused = await handler(tokenRequest({}, { Origin: "https://evil.example" }));
  expect(refused.status).toBe(403);
  expect(await refused.json()).toMatchObject({ error: "origin_not_allowed" });
});
