// e2e/upload.spec.ts: the whole app in a real browser: token endpoint, upload, result.
import { expect, test, type Page } from "@playwright/test";
import { createEmulatorClient } from "@twentythree-upload/emulator/client";

const emulator = createEmulatorClient("http://127.0.0.1:8023");

async function uploadVideo(page: Page, name: string) {
  await page.goto("/");
  await page.locator('input[type="file"]').setInputFiles({
    name,
    mimeType: "video/mp4",
    buffer: Buffer.alloc(2 * 1024 * 1024, 7),
  });
  await expect(page.getByText(/^Uploaded\. Video id: \d+$/)).toBeVisible();
}

test.afterEach(() => emulator.clearFaults());

test("uploads a video and shows its id", async ({ page }) => {
  await uploadVideo(page, "first.mp4");
  const stored = (await emulator.uploads()).filter((upload) => upload.fileName === "first.mp4");
  expect(stored.map((upload) => upload.size)).toEqual([2 * 1024 * 1024]);
});

test("an answer lost after TwentyThree stored the file does not store it twice", async ({
  page,
}) => {
  // TwentyThree stores the file and uses the token, then the connection drops before the answer.
  await emulator.addFault({ endpoint: "redeem-upload-token", dropAnswer: true });
  await uploadVideo(page, "second.mp4");
  const stored = (await emulator.uploads()).filter((upload) => upload.fileName === "second.mp4");
  expect(stored).toHaveLength(1);
});
