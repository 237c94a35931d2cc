import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import {
  createMockTokenSource,
  createMockTransport,
  useDropZone,
  useFilePicker,
  usePaste,
  useUploadQueue,
} from "../src/index.js";
import { chooseFiles } from "./storyHelpers.js";

const token = createMockTokenSource();
const transport = createMockTransport({ durationMs: 500 });

/**
 * A custom UI from the behaviour hooks (prop bags) and `useUploadQueue`: no components from the
 * library, just its state and behaviour.
 */
function CustomUploader() {
  const queue = useUploadQueue({ site: "videos.example.com", token, transport });
  const addFiles = (files: File[]) => void queue.add(files);
  const picker = useFilePicker({ onFiles: addFiles, accept: "video/*" });
  const { dropZoneProps, isDragOver } = useDropZone({
    onFiles: addFiles,
    open: picker.open,
    label: "Drop videos, or press Enter to choose",
  });
  usePaste({ onFiles: addFiles });
  return (
    <section>
      <input {...picker.inputProps} aria-label="Videos" />
      <div {...dropZoneProps} role="button" tabIndex={dropZoneProps.tabIndex}>
        {isDragOver ? "Release to upload" : "Drop videos here"}
      </div>
      <ol>
        {queue.items.map((item) => (
          <li key={item.id} data-state={item.status}>
            {item.name}: {item.status} {Math.round((item.progress.fraction ?? 0) * 100)}%
          </li>
        ))}
      </ol>
    </section>
  );
}

const meta = { title: "Hooks/Behaviour hooks", component: CustomUploader } satisfies Meta<
  typeof CustomUploader
>;
export default meta;

export const CustomUI: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    chooseFiles(
      canvasElement.querySelector<HTMLInputElement>('input[type="file"]')!,
      new File(["x"], "mine.mp4", { type: "video/mp4" }),
    );
    await waitFor(() => expect(canvas.getByText("mine.mp4: succeeded 100%")).toBeVisible());
    expect(
      canvas.getByRole("button", { name: "Drop videos, or press Enter to choose" }),
    ).toBeVisible();
  },
};
