import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { createMockTokenSource, createMockTransport, UploadQueue } from "../src/index.js";
import "../src/styles.css";
import { chooseFiles } from "./storyHelpers.js";

/**
 * Your own layout from the compound parts: a picker button instead of the drop zone, a compact
 * row, the total progress at the bottom. Every part renders one element with data attributes.
 */
function CustomQueue() {
  return (
    <UploadQueue.Root
      site="videos.example.com"
      token={createMockTokenSource()}
      transport={createMockTransport({ durationMs: 600 })}
      paste="document"
    >
      <UploadQueue.Trigger>Add videos…</UploadQueue.Trigger>
      <UploadQueue.List estimateSize={40}>
        {(id) => (
          <UploadQueue.Item id={id}>
            <UploadQueue.ItemName />
            <UploadQueue.Progress />
            <UploadQueue.ItemStatus />
            <UploadQueue.Cancel>×</UploadQueue.Cancel>
            <UploadQueue.Retry>↻</UploadQueue.Retry>
          </UploadQueue.Item>
        )}
      </UploadQueue.List>
      <UploadQueue.TotalProgress />
      <UploadQueue.Summary />
      <UploadQueue.Announcer />
    </UploadQueue.Root>
  );
}

const meta = { title: "Components/UploadQueue/Parts", component: CustomQueue } satisfies Meta<
  typeof CustomQueue
>;
export default meta;

export const CustomLayout: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvasElement.querySelector<HTMLInputElement>('input[type="file"]')!;
    chooseFiles(input, new File(["x"], "custom.mp4", { type: "video/mp4" }));
    await waitFor(() => expect(canvas.getByText("1 of 1 file uploaded")).toBeVisible());
    expect(canvas.getByRole("progressbar", { name: "All uploads" })).toHaveAttribute(
      "data-value",
      "100",
    );
  },
};
