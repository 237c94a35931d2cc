import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  createMockTokenSource,
  createMockTransport,
  danishLabels,
  UploadForm,
} from "../src/index.js";
import "../src/styles.css";
import { chooseFiles, emulatorTokenUrl, emulatorUrl, sampleFile } from "./storyHelpers.js";

const meta = {
  title: "Components/UploadForm",
  component: UploadForm,
  args: { site: emulatorUrl(), token: emulatorTokenUrl() },
} satisfies Meta<typeof UploadForm>;
export default meta;
type Story = StoryObj<typeof meta>;

async function waitForToken(canvasElement: HTMLElement) {
  await waitFor(
    () => expect(canvasElement.querySelector('input[name="upload_token"]')).not.toBeNull(),
    { timeout: 10_000 },
  );
}

/** The seed's form, enhanced: choose a file, press Upload video, watch it go to the emulator. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForToken(canvasElement);
    chooseFiles(canvas.getByLabelText<HTMLInputElement>("Video file"), sampleFile());
    await userEvent.click(canvas.getByRole("button", { name: "Upload video" }));
    await waitFor(() => expect(canvas.getByText(/^Uploaded\. Video id: \d+$/)).toBeVisible(), {
      timeout: 15_000,
    });
    expect(canvasElement.querySelector("form")).toHaveAttribute("data-state", "succeeded");
  },
};

/** Title and description: once the token exists, edits go to update-upload-token. */
export const WithMetadata: Story = {
  args: { titleField: true, descriptionField: true, metadataDebounceMs: 300 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForToken(canvasElement);
    await userEvent.type(canvas.getByLabelText("Title"), "Summer trip");
    chooseFiles(canvas.getByLabelText<HTMLInputElement>("Video file"), sampleFile());
    await userEvent.click(canvas.getByRole("button", { name: "Upload video" }));
    await waitFor(() => expect(canvas.getByText(/^Uploaded\./)).toBeVisible(), { timeout: 15_000 });
  },
};

/** Starts as soon as a file is chosen. */
export const StartOnSelect: Story = {
  args: { startOnSelect: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForToken(canvasElement);
    chooseFiles(canvas.getByLabelText<HTMLInputElement>("Video file"), sampleFile());
    await waitFor(() => expect(canvas.getByText(/^Uploaded\./)).toBeVisible(), { timeout: 15_000 });
  },
};

/** A failing upload (mock transport, no retries): the reason, then Retry. */
export const Failure: Story = {
  args: {
    site: "videos.example.com",
    token: createMockTokenSource(),
    transport: createMockTransport({ failures: [{ kind: "network" }], durationMs: 300 }),
    retry: false,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    chooseFiles(canvas.getByLabelText<HTMLInputElement>("Video file"), sampleFile());
    await userEvent.click(canvas.getByRole("button", { name: "Upload video" }));
    await waitFor(() => expect(canvas.getByText("Failed: The connection failed.")).toBeVisible());
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(canvas.getByText(/^Uploaded\./)).toBeVisible());
  },
};

/**
 * From the keyboard: Enter on "Upload video" moves focus to Cancel (the button is disabled while
 * uploading), and when the upload fails, to Retry; focus never drops to the page.
 */
export const KeyboardFocus: Story = {
  args: {
    site: "videos.example.com",
    token: createMockTokenSource(),
    transport: createMockTransport({ failures: [{ kind: "network" }], durationMs: 600 }),
    retry: false,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    chooseFiles(canvas.getByLabelText<HTMLInputElement>("Video file"), sampleFile());
    canvas.getByRole("button", { name: "Upload video" }).focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(canvas.getByRole("button", { name: "Cancel" })).toHaveFocus());
    await waitFor(() => expect(canvas.getByRole("button", { name: "Retry" })).toHaveFocus());
  },
};

/** Dansk: `labels={danishLabels}`. */
export const Danish: Story = {
  args: { labels: danishLabels, titleField: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getByLabelText("Videofil")).toBeVisible();
    expect(canvas.getByLabelText("Titel")).toBeVisible();
  },
};
