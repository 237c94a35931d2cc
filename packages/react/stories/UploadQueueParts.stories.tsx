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

/**
 * A drop whose entries add nothing still gets an answer: `UploadQueue.DropErrors` names a folder
 * with no file in it and a file the browser could not read (deleted mid-drag, no permission),
 * while the rest of the same drop becomes rows as usual. The announcer reads the same sentences.
 */
function QueueWithDropErrors() {
  return (
    <UploadQueue.Root
      site="videos.example.com"
      token={createMockTokenSource()}
      transport={createMockTransport({ durationMs: 600 })}
      autoStart={false}
    >
      <UploadQueue.DropZone />
      <UploadQueue.DropErrors />
      <UploadQueue.List estimateSize={40}>
        {(id) => (
          <UploadQueue.Item id={id}>
            <UploadQueue.ItemName />
            <UploadQueue.ItemStatus />
          </UploadQueue.Item>
        )}
      </UploadQueue.List>
      <UploadQueue.Announcer />
    </UploadQueue.Root>
  );
}

// A script cannot make the browser produce folder entries or failing ones (only a real drag from
// the operating system does), so two items of a real DataTransfer stand in for them while the
// drop is dispatched (the drop zone takes its entries synchronously).
const standIns: Record<string, object> = {
  Drafts: {
    isFile: false,
    isDirectory: true,
    name: "Drafts",
    createReader: () => ({
      readEntries: (resolve: (entries: never[]) => void) => setTimeout(() => resolve([])),
    }),
  },
  "gone.mp4": {
    isFile: true,
    isDirectory: false,
    name: "gone.mp4",
    file: (_resolve: unknown, reject: (error: Error) => void) =>
      setTimeout(() => reject(new DOMException("gone", "NotFoundError"))),
  },
};

function dropWithEmptyFolderAndUnreadableFile(zone: Element): void {
  const transfer = new DataTransfer();
  for (const name of ["kept.mp4", "Drafts", "gone.mp4"]) {
    transfer.items.add(new File(["x"], name, { type: "video/mp4" }));
  }
  const real = Object.getOwnPropertyDescriptor(DataTransferItem.prototype, "webkitGetAsEntry")!;
  const realGet = real.value as (this: DataTransferItem) => FileSystemEntry | null;
  Object.defineProperty(DataTransferItem.prototype, "webkitGetAsEntry", {
    ...real,
    value(this: DataTransferItem) {
      return standIns[this.getAsFile()?.name ?? ""] ?? realGet.call(this);
    },
  });
  try {
    for (const type of ["dragenter", "drop"]) {
      zone.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }
  } finally {
    Object.defineProperty(DataTransferItem.prototype, "webkitGetAsEntry", real);
  }
}

export const DropErrors: StoryObj<typeof meta> = {
  render: () => <QueueWithDropErrors />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const zone = canvasElement.querySelector('[data-part="drop-zone"]')!;
    dropWithEmptyFolderAndUnreadableFile(zone);
    const errors = canvasElement.querySelector('[data-part="drop-errors"]')!;
    await waitFor(() => expect(errors).toHaveAttribute("data-state", "rejected"));
    await waitFor(() =>
      expect(Array.from(errors.querySelectorAll("p"), (p) => p.textContent)).toEqual([
        "Drafts is an empty folder: there was nothing in it to add.",
        "gone.mp4 could not be read (NotFoundError) and was not added.",
      ]),
    );
    expect(canvas.getByText("kept.mp4")).toBeVisible();
  },
};
