// Ours: <UploadQueue> (virtualized rows) over an uploader made with createUploader.
import "../shared/commitCounter.js";
import * as react from "@twentythree-upload/react";
import type { Uploader } from "@twentythree-upload/core";
import type { ComponentType } from "react";
import { createRoot } from "react-dom/client";
import { ours } from "../shared/ours.js";
import { exposeQueue } from "../shared/queueHarness.js";

/** The component as the bench expects it (read from the namespace until it is exported). */
const UploadQueue = (react as Record<string, unknown>).UploadQueue as
  ComponentType<{ uploader: Uploader }> | undefined;

const missing = [
  ...(UploadQueue ? [] : ["UploadQueue from @twentythree-upload/react"]),
  ...(ours.createUploader ? [] : ["createUploader from @twentythree-upload/core"]),
];

exposeQueue(
  (target) => {
    const createUploader = ours.createUploader;
    if (!createUploader || !UploadQueue) {
      throw new Error(`not exported yet: ${missing.join(", ")}`);
    }
    const uploader = createUploader({
      site: target.site,
      apiVersion: "v2",
      // One token for the whole batch, fetched before the clock started, as for the peers.
      token: async () => target.rawToken,
      autoStart: false,
      concurrency: 6,
      retry: false,
    });
    createRoot(document.querySelector("#root") as HTMLElement).render(
      <UploadQueue uploader={uploader} />,
    );
    return {
      reactRendered: true,
      add: (files) => {
        uploader.add(files);
      },
      isRendered: (count) => {
        const summary = document.querySelector('[data-part="summary"]')?.textContent ?? "";
        return (
          uploader.getSnapshot().items.length === count &&
          document.querySelector('[data-part="item"]') !== null &&
          (summary.includes(String(count)) || summary.includes(count.toLocaleString("en-US")))
        );
      },
      startUploads: () => uploader.start(),
    };
  },
  missing.length > 0 ? `not exported yet: ${missing.join(", ")}` : null,
);
