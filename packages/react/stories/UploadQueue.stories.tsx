import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  createMockTokenSource,
  createMockTransport,
  createUploader,
  danishLabels,
  UploadQueue,
} from "../src/index.js";
import "../src/styles.css";
import { chooseFiles, emulatorTokenUrl, emulatorUrl, sampleFile } from "./storyHelpers.js";

const meta = {
  title: "Components/UploadQueue",
  component: UploadQueue,
  args: { site: emulatorUrl(), token: emulatorTokenUrl() },
} satisfies Meta<typeof UploadQueue>;
export default meta;
type Story = StoryObj<typeof meta>;

function fileInput(canvasElement: HTMLElement): HTMLInputElement {
  return canvasElement.querySelector<HTMLInputElement>('input[type="file"]')!;
}

/** Multi-file uploads to the emulator: drop files, paste them, or press Enter on the drop zone. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    chooseFiles(fileInput(canvasElement), [sampleFile("one.mp4"), sampleFile("two.mp4")]);
    await waitFor(() => expect(canvas.getByText("2 of 2 files uploaded")).toBeVisible(), {
      timeout: 15_000,
    });
    expect(canvas.getAllByText(/^Uploaded\. Video id: \d+$/)).toHaveLength(2);
    // The live region speaks after the summary has changed (announcements are batched).
    await waitFor(() => expect(canvas.getByRole("status")).toHaveTextContent(/uploaded/));
  },
};

/** Dansk: every string from `labels={danishLabels}`, sizes with a decimal comma. */
export const Danish: Story = {
  args: { labels: danishLabels },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getByRole("button", { name: /^Tilføj filer/ })).toBeVisible();
    chooseFiles(fileInput(canvasElement), sampleFile("ferie.mp4", 1_500_000));
    await waitFor(() => expect(canvas.getByText(/^Uploadet\. Video-id: \d+$/)).toBeVisible(), {
      timeout: 15_000,
    });
    expect(canvas.getByText("1,5 MB")).toBeVisible();
  },
};

/** Files that fail validation get a row with the reason, and are never sent. */
export const Validation: Story = {
  args: { maxSize: 100_000, maxFiles: 2 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    chooseFiles(fileInput(canvasElement), [
      sampleFile("big.mp4", 200_000),
      sampleFile("small.mp4", 10_000),
    ]);
    await waitFor(() => expect(canvas.getByText(/^Not added: .*big\.mp4/)).toBeVisible());
    await waitFor(() => expect(canvas.getByText(/^Uploaded\./)).toBeVisible(), { timeout: 15_000 });
  },
};

/**
 * Files dropped on the list (not only on the drop zone) are added too, so a drop that misses the
 * zone never makes the browser open the file and leave the page.
 */
export const DropOnTheList: Story = {
  render: () => <MockQueue />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    chooseFiles(fileInput(canvasElement), sampleFile("first.mp4"));
    await waitFor(() => expect(canvas.getByText("first.mp4")).toBeVisible());
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(sampleFile("dropped-on-the-list.mp4"));
    const list = canvasElement.querySelector('[data-part="list"]')!;
    const drop = new DragEvent("drop", { dataTransfer, bubbles: true, cancelable: true });
    list.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    await waitFor(() => expect(canvas.getByText("dropped-on-the-list.mp4")).toBeVisible());
  },
};

/** A queue on a mock transport (no network), with slow uploads. */
function MockQueue() {
  const [uploader] = useState(() =>
    createUploader({
      site: "videos.example.com",
      token: createMockTokenSource(),
      transport: createMockTransport({ durationMs: 4000, progressSteps: 40 }),
      concurrency: 1,
    }),
  );
  return <UploadQueue uploader={uploader} />;
}

/** A mock transport (no network): slow uploads to cancel, retry and remove. */
export const MockTransport: Story = {
  render: () => <MockQueue />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    chooseFiles(fileInput(canvasElement), [sampleFile("a.mp4"), sampleFile("b.mp4")]);
    await userEvent.click(await canvas.findByRole("button", { name: "Cancel a.mp4" }));
    await waitFor(() => expect(canvas.getByRole("button", { name: "Retry a.mp4" })).toHaveFocus());
    await userEvent.click(await canvas.findByRole("button", { name: "Cancel b.mp4" }));
    await userEvent.click(await canvas.findByRole("button", { name: "Remove b.mp4" }));
    await waitFor(() => expect(canvas.queryByText("b.mp4")).toBeNull());
    await userEvent.click(canvas.getByRole("button", { name: "Retry a.mp4" }));
    await waitFor(() => expect(canvas.getByRole("button", { name: "Cancel a.mp4" })).toBeVisible());
  },
};

/** 10,000 files waiting to start (mock transport). */
function LargeQueue() {
  const [uploader] = useState(() => {
    const created = createUploader({
      site: "videos.example.com",
      token: createMockTokenSource(),
      transport: createMockTransport(),
      autoStart: false,
    });
    created.add(
      Array.from(
        { length: 10_000 },
        (_, index) => new File(["x"], `clip-${index}.mp4`, { type: "video/mp4" }),
      ),
    );
    return created;
  });
  return <UploadQueue uploader={uploader} />;
}

/** 10,000 files: only the visible rows are rendered. */
export const TenThousandFiles: Story = {
  render: () => <LargeQueue />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText("0 of 10000 files uploaded")).toBeVisible());
    await waitFor(() => expect(canvas.getByText("clip-0.mp4")).toBeVisible());
    expect(canvasElement.querySelectorAll('[data-part="item"]').length).toBeLessThan(60);
  },
};
