// src/Uploads.browser.test.tsx: the real component, a real browser, real HTTP to the emulator.
import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { UploadQueue } from "@twentythree-upload/react";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";

// A private emulator for this file: its faults and uploads are nobody else's.
let emulator: SpawnedEmulatorClient;
beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn({ encodingDelayMs: 0 });
});
afterAll(() => emulator.close());

it("survives a 503 from TwentyThree and stores the file exactly once", async () => {
  await emulator.addFault({ endpoint: "redeem-upload-token", status: 503, retryAfter: 1 });
  const file = new File([crypto.getRandomValues(new Uint8Array(64 * 1024))], "clip.mp4", {
    type: "video/mp4",
  });
  const screen = await render(
    <UploadQueue
      site={emulator.url}
      // The emulator's stand-in token endpoint, with its echo page as return_url.
      token={emulator.tokenUrl({ return_url: emulator.returnUrl() })}
    />,
  );
  const input = screen.container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error("no file input");
  await userEvent.upload(page.elementLocator(input), file);

  await expect.element(screen.getByText(/^Uploaded\. Video id: \d+$/)).toBeVisible();
  const uploads = await emulator.uploads();
  expect(uploads.map((upload) => [upload.fileName, upload.size])).toEqual([
    ["clip.mp4", file.size],
  ]);
  const attempts = (await emulator.requests()).filter(
    (request) =>
      request.endpoint === "photo/redeem-upload-token" &&
      request.method === "POST" &&
      !request.probe,
  );
  expect(attempts.map((request) => request.status)).toEqual([503, 301]);
});
