import type { Meta, StoryObj } from "@storybook/react-vite";
import { StrictMode } from "react";
import { expect, userEvent, within } from "storybook/test";
import "../../src/styles.css";
import { defaultPlaygroundArgs } from "./faultScenarios.js";
import { FaultPlayground } from "./FaultPlayground.js";
import { generateFile } from "./generatedFile.js";
import { playgroundArgTypes } from "./playgroundArgTypes.js";
import "./playground.css";
import {
  expectStoredOnce,
  pickFiles,
  readyEmulator,
  recordRowStates,
  settledRow,
  uploadRequests,
} from "./playSteps.js";

/**
 * A real `<UploadQueue>` uploading real bytes to its own emulator instance, which plays the fault
 * chosen in the controls. Press "Add a generated file" (or drop your own files), then watch the
 * row and the emulator's record: each file should be stored exactly once.
 */
const meta = {
  title: "Playground/Faults",
  component: FaultPlayground,
  args: defaultPlaygroundArgs,
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

/** Uploads one generated file named `name` through the queue; resolves with its row when settled. */
async function uploadOne(canvasElement: HTMLElement, name: string, sizeKiB: number) {
  const emulator = await readyEmulator(canvasElement);
  const generated = await generateFile(name, sizeKiB * 1024);
  const recorder = recordRowStates(canvasElement);
  pickFiles(canvasElement, [generated.file]);
  const row = await settledRow(canvasElement, name);
  return { emulator, row, states: recorder.states, ...generated };
}

/** Every control in one place. No fault: the file goes up once and the row shows the video id. */
export const Playground: Story = {
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "no-fault.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    const stored = await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    await expect(within(run.row).getByText(`Uploaded. Video id: ${stored.photoId}`)).toBeVisible();
    await expect(await uploadRequests(run.emulator)).toHaveLength(1);
  },
};

/** Slow network: the emulator reads the body at a throughput cap. */
export const SlowNetwork: Story = {
  args: { fault: "slow-network", fileSizeKiB: 256, throughputKiBps: 512 },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "slow.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    const [upload] = await uploadRequests(run.emulator);
    await expect(upload?.fault).toMatch(/throughput 524288B\/s/);
  },
};

/** 503 then success: the first upload request is refused, the retry stores the file once. */
export const ServiceUnavailableThenSuccess: Story = {
  args: { fault: "http-503", fileSizeKiB: 256 },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "503.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    const uploads = await uploadRequests(run.emulator);
    await expect(uploads.map((request) => request.status)).toEqual([503, 301]);
  },
};

/** 503 with retry off: the row fails with the reason; Retry sends it again, stored once. */
export const ServiceUnavailableWithoutRetry: Story = {
  args: { fault: "http-503", fileSizeKiB: 128, retry: false },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "manual.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "failed");
    await expect(within(run.row).getByText(/^Failed: /)).toBeVisible();
    await expect(await run.emulator.uploads()).toHaveLength(0);
    await userEvent.click(within(run.row).getByRole("button", { name: "Retry manual.mp4" }));
    const row = await settledRow(canvasElement, "manual.mp4");
    await expect(row).toHaveAttribute("data-state", "succeeded");
    await expectStoredOnce(canvasElement, run.emulator, run.sha256);
  },
};

/** 429 with Retry-After: 1: the row waits in retrying for at least that second, then succeeds. */
export const TooManyRequests: Story = {
  args: { fault: "http-429", fileSizeKiB: 128 },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "429.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    await expect([...run.states]).toContain("retrying");
    await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    const uploads = await uploadRequests(run.emulator);
    await expect(uploads.map((request) => request.status)).toEqual([429, 301]);
  },
};

/** Connection drop: the emulator cuts the connection partway through the body. */
export const ConnectionDrop: Story = {
  args: { fault: "connection-drop", fileSizeKiB: 512 },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "dropped.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    const cut = (await uploadRequests(run.emulator)).filter((request) => request.aborted);
    await expect(cut[0]?.fault).toMatch(/reset after 65536B/);
  },
};

/** Stall: the emulator stops reading; the (scaled-down) stall timeout aborts, the retry succeeds. */
export const Stall: Story = {
  args: { fault: "stall", fileSizeKiB: 2048, stallTimeoutMs: 1000, responseTimeoutMs: 3000 },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "stalled.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    const uploads = await uploadRequests(run.emulator);
    await expect(uploads[0]?.fault).toMatch(/stall after 65536B/);
    await expect(uploads.length).toBeGreaterThanOrEqual(2);
  },
};

/** Slow processing after 100 %: the row sits in processing until the answer comes. */
export const SlowProcessing: Story = {
  args: { fault: "slow-processing", fileSizeKiB: 256 },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "processing.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    await expect([...run.states]).toContain("processing");
    await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    const uploads = await uploadRequests(run.emulator);
    await expect(uploads).toHaveLength(1);
    await expect(uploads[0]?.fault).toMatch(/processing 2500ms/);
  },
};

/** Answer lost after storing: the library looks the upload up instead of sending it twice. */
export const AnswerLost: Story = {
  args: { fault: "answer-lost", fileSizeKiB: 256 },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "lost.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    const stored = await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    await expect(within(run.row).getByText(`Uploaded. Video id: ${stored.photoId}`)).toBeVisible();
    // Chromium may resend a POST whose connection died (same token, refused as used); what
    // matters is that no second token was sent for this file, and that it was looked up.
    const tokens = new Set((await uploadRequests(run.emulator)).map((r) => r.uploadToken));
    await expect(tokens).toEqual(new Set([stored.uploadToken]));
    const lookups = (await run.emulator.requests()).filter((r) => r.endpoint === "photo/list");
    await expect(lookups.length).toBeGreaterThanOrEqual(1);
  },
};

/** Expired token (v2 API): TwentyThree refuses it; one fresh token, then success. */
export const ExpiredToken: Story = {
  args: { fault: "expired-token", apiVersion: "v2", fileSizeKiB: 128 },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "expired.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    const stored = await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    await expect(stored.api).toBe("v2");
    const tokens = await run.emulator.tokens();
    await expect(tokens.map((token) => token.state)).toEqual(["expired", "consumed"]);
    const uploads = await uploadRequests(run.emulator);
    await expect(uploads.map((request) => request.status)).toEqual([403, 301]);
  },
};

/** CORS off: the auto transport falls back to a hidden iframe form post, stored once. */
export const CorsOffIframeFallback: Story = {
  args: { fault: "cors-off", fileSizeKiB: 128 },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "no-cors.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    const stored = await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    await expect(within(run.row).getByText(`Uploaded. Video id: ${stored.photoId}`)).toBeVisible();
    await expect((await run.emulator.info()).cors).toBe("none");
    // TwentyThree redirected the hidden frame to the playground's own return page.
    const callback = new URL(stored.callback?.url ?? "about:blank");
    await expect(callback.origin).toBe(window.location.origin);
    await expect(callback.pathname).toMatch(/\/upload-callback\.html$/);
  },
};

/**
 * CORS off and the iframe post's answer lost after storing: fetch cannot read photo/list, so the
 * library looks the upload up through JSONP, and the file is stored once.
 */
export const CorsOffAnswerLost: Story = {
  args: { fault: "cors-off-answer-lost", fileSizeKiB: 128 },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "no-cors-lost.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    const stored = await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    await expect(within(run.row).getByText(`Uploaded. Video id: ${stored.photoId}`)).toBeVisible();
    await expect((await run.emulator.info()).cors).toBe("none");
    const tokens = new Set((await uploadRequests(run.emulator)).map((r) => r.uploadToken));
    await expect(tokens).toEqual(new Set([stored.uploadToken]));
    // One look-up by fetch (its answer unreadable without CORS), one as a script.
    const lookups = (await run.emulator.requests()).filter((r) => r.endpoint === "photo/list");
    await expect(lookups.length).toBeGreaterThanOrEqual(2);
  },
};

/**
 * Chunked upload, connection cut during the second chunk request to arrive (which chunk that is
 * depends on arrival order: three are sent at a time): that chunk is sent again, stored once.
 */
export const ChunkedConnectionDrop: Story = {
  args: {
    fault: "connection-drop",
    transport: "chunked",
    fileSizeKiB: 1024,
    chunkSizeKiB: 256,
    faultAfter: 1,
  },
  play: async ({ canvasElement, args }) => {
    const run = await uploadOne(canvasElement, "chunked.mp4", args.fileSizeKiB);
    await expect(run.row).toHaveAttribute("data-state", "succeeded");
    const stored = await expectStoredOnce(canvasElement, run.emulator, run.sha256);
    await expect(stored.chunks).toBe(4);
    const requests = await uploadRequests(run.emulator);
    const cut = requests.filter((request) => request.aborted);
    await expect(cut).toHaveLength(1);
    const [dropped] = cut;
    const resent = requests.filter(
      (request) =>
        !request.aborted &&
        request.chunk === dropped?.chunk &&
        request.id > (dropped?.id ?? Infinity),
    );
    await expect(resent).toHaveLength(1);
  },
};
