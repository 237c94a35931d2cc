// Storybook controls for the playground's args (shared by the queue and form fault stories).
import type { ArgTypes } from "@storybook/react-vite";
import { faultKinds, type PlaygroundArgs } from "./faultScenarios.js";

export const playgroundArgTypes: Partial<ArgTypes<PlaygroundArgs>> = {
  fault: { control: "select", options: [...faultKinds] },
  ui: { control: "inline-radio", options: ["queue", "form"] },
  transport: { control: "inline-radio", options: ["auto", "xhr", "chunked", "iframe"] },
  apiVersion: { control: "inline-radio", options: ["legacy", "v2"] },
  retry: { control: "boolean" },
  fileSizeKiB: { control: { type: "number", min: 1, step: 256 } },
  fileCount: { control: { type: "range", min: 1, max: 10, step: 1 } },
  concurrency: { control: { type: "range", min: 1, max: 6, step: 1 } },
  chunkSizeKiB: { control: { type: "number", min: 64, step: 64 } },
  throughputKiBps: { control: { type: "number", min: 16, step: 64 } },
  faultAfter: { control: { type: "number", min: 0, step: 1 } },
  stallTimeoutMs: { control: { type: "number", min: 250, step: 250 } },
  responseTimeoutMs: { control: { type: "number", min: 1000, step: 1000 } },
};
