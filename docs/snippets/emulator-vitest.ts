import {
  type SpawnedEmulatorClient,
  createEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { afterAll, beforeAll, expect, inject, it } from "vitest";

// A private emulator per test file: its own state, faults and CORS mode.
let emu: SpawnedEmulatorClient;
beforeAll(async () => {
  emu = await createEmulatorClient(inject("emulatorUrl")).spawn({
    cors: "full",
    encodingDelayMs: 0,
  });
});
afterAll(() => emu.close());

it("survives a 503 and stores the file exactly once", async () => {
  await emu.addFault({ endpoint: "redeem-upload-token", status: 503, retryAfter: 1 });
  const token = await emu.createToken(
    { title: "Clip" },
    { return_url: emu.returnUrl({ theme: "green" }) },
  );
  // ... run the code under test against emu.url with token.uploadToken ...
  const uploads = (await emu.uploads()).filter((u) => u.uploadToken === token.uploadToken);
  expect(uploads.length).toBeLessThanOrEqual(1);
  const log = await emu.requests();
  expect(log.every((r) => r.done)).toBe(true);
});
