import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { englishLabels, UploadQueue } from "../src/index.js";
import { createFixedUploader, statuses } from "./fixedUploader.js";
import "./states.css";

/** Every `UploadStatus` side by side, styled only through data attributes (states.css). */
function States() {
  return (
    <UploadQueue.Root uploader={createFixedUploader()}>
      <ul data-states-grid="">
        {statuses.map((status) => (
          <UploadQueue.Item key={status} id={status}>
            <UploadQueue.ItemName />
            <UploadQueue.ItemSize />
            <UploadQueue.Progress />
            <UploadQueue.ItemSpeed />
            <UploadQueue.ItemStatus />
            <UploadQueue.Cancel />
            <UploadQueue.Retry />
            <UploadQueue.Remove />
          </UploadQueue.Item>
        ))}
      </ul>
    </UploadQueue.Root>
  );
}

const meta = { title: "States", component: States } satisfies Meta<typeof States>;
export default meta;

export const AllStatuses: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const status of statuses) {
      const item = canvasElement.querySelector(`[data-part="item"][data-state="${status}"]`);
      await expect(item).not.toBeNull();
      await expect(item?.querySelector('[data-part="progress"]')).toHaveAttribute(
        "data-state",
        status,
      );
    }
    await expect(canvas.getByText("Uploaded. Video id: 12345")).toBeVisible();
    await expect(
      canvas.getByText("Failed: The server answered with an error. HTTP 503. Service unavailable"),
    ).toBeVisible();
    await expect(canvas.getByText(/^Not added: rejected\.mp4 is 48 MB/)).toBeVisible();
    await expect(canvas.getByText(/^3\.2 MB\/s, \d+ sec left$/)).toBeVisible();
    await expect(
      canvas.getByRole("progressbar", { name: "Upload of uploading.mp4" }),
    ).toHaveAttribute("aria-valuenow", "42");
    await expect(canvas.getByRole("button", { name: "Retry failed.mp4" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Cancel uploading.mp4" })).toBeVisible();
    await expect(canvas.queryByRole("button", { name: "Cancel succeeded.mp4" })).toBeNull();
    // Styled only through data attributes: nothing carries a class or a style attribute.
    await expect(canvasElement.querySelector("[class]")).toBeNull();
    await expect(canvasElement.querySelector("[style]")).toBeNull();
    await expect(englishLabels.status.paused).toBe("Paused: offline");
  },
};
