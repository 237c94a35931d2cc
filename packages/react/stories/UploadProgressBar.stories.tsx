import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { englishLabels, UploadProgressBar } from "../src/index.js";
import "../src/styles.css";

const meta = {
  title: "Components/UploadProgressBar",
  component: UploadProgressBar,
  args: { label: "Upload of clip.mov", labels: englishLabels, progress: null },
  decorators: [(Story) => <div data-twentythree-upload="">{Story()}</div>],
} satisfies Meta<typeof UploadProgressBar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Determinate: Story = {
  args: {
    state: "uploading",
    progress: {
      loaded: 4_200_000,
      total: 10_000_000,
      fraction: 0.42,
      bytesPerSecond: 2e6,
      secondsRemaining: 3,
    },
  },
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole("progressbar", { name: "Upload of clip.mov" });
    await expect(bar).toHaveAttribute("aria-valuenow", "42");
    await expect(bar).toHaveAttribute("aria-valuetext", "42% (4.2 MB of 10 MB)");
  },
};

/** The iframe fallback cannot measure bytes. */
export const Indeterminate: Story = {
  args: { state: "uploading" },
  play: async ({ canvasElement }) => {
    const bar = within(canvasElement).getByRole("progressbar");
    await expect(bar).toHaveAttribute("data-indeterminate");
    await expect(bar).not.toHaveAttribute("aria-valuenow");
  },
};
