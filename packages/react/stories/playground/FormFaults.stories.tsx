import type { Meta, StoryObj } from "@storybook/react-vite";
import { StrictMode } from "react";
import { expect, userEvent, within } from "storybook/test";
import "../../src/styles.css";
import { defaultPlaygroundArgs } from "./faultScenarios.js";
import { FaultPlayground } from "./FaultPlayground.js";
import { generateFile, putFiles } from "./generatedFile.js";
import { playgroundArgTypes } from "./playgroundArgTypes.js";
import "./playground.css";
import {
  expectStoredOnce,
  fileInput,
  readyEmulator,
  settledForm,
  uploadRequests,
} from "./playSteps.js";

/**
 * The same faults against `<UploadForm>`, the seed's one-file form progressively enhanced: pick
 * a file (or "Add a generated file"), press Upload video, and watch the emulator's record.
 */
const meta = {
  title: "Playground/Form faults",
  component: FaultPlayground,
  args: { ...defaultPlaygroundArgs, ui: "form" },
  argTypes: playgroundArgTypes,
  // StrictMode runs effects twice: the instance, the fault and the uploader must cope.
  decorators: [
    (Story) => (
      <StrictMode>
        <Story />
      </StrictMode>
    ),
  ],
} satisfies Meta<typeof FaultPlayground>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Picks a generated file in the form, submits it and waits for the form to settle. */
async function submitOne(canvasElement: HTMLElement, name: string, sizeKiB: number) {
  const emulator = await readyEmulator(canvasElement);
  const generated = await generateFile(name, sizeKiB * 1024);
  // A real FileList: the form's file input is `required`, and native validation must see it.
  putFiles(fileInput(canvasElement), [generated.file]);
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole("button", { name: "Upload video" }));
  const form = await settledForm(canvasElement);
  return { emulator, form, ...generated };
}

/** The form against a site without CORS: the upload goes through the hidden iframe. */
export const CorsOffIframeFallback: Story = {
  args: { fault: "cors-off", fileSizeKiB: 128 },
  play: async ({ canvasElement, args }) => {
    const run = await submitOne(canvasElement, "form-no-cors.mp4", args.fileSizeKiB);
    await expect(run.form).toHaveAttribute("data-state", "succeeded");
    const stored = await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    await expect(within(run.form).getByText(`Uploaded. Video id: ${stored.photoId}`)).toBeVisible();
    const callback = new URL(stored.callback?.url ?? "about:blank");
    await expect(callback.origin).toBe(window.location.origin);
  },
};

/** The form survives a 503: retried with a fresh token and stored once. */
export const ServiceUnavailableThenSuccess: Story = {
  args: { fault: "http-503", fileSizeKiB: 128 },
  play: async ({ canvasElement, args }) => {
    const run = await submitOne(canvasElement, "form-503.mp4", args.fileSizeKiB);
    await expect(run.form).toHaveAttribute("data-state", "succeeded");
    await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    const uploads = await uploadRequests(run.emulator);
    await expect(uploads.map((request) => request.status)).toEqual([503, 301]);
  },
};

/** The form's own token (fetched when it mounts) has expired by the time it is used. */
export const ExpiredToken: Story = {
  args: { fault: "expired-token", fileSizeKiB: 128 },
  play: async ({ canvasElement, args }) => {
    const run = await submitOne(canvasElement, "form-expired.mp4", args.fileSizeKiB);
    await expect(run.form).toHaveAttribute("data-state", "succeeded");
    await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    const tokens = await run.emulator.tokens();
    await expect(tokens[0]?.state).toBe("expired");
  },
};
