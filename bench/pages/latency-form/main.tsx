// Start latency through the React component: <UploadForm startOnSelect>, which prefetches its
// token (useUploadToken) when it mounts, so a pick starts the upload at once.
import { UploadForm } from "@twentythree-upload/react";
import { createRoot } from "react-dom/client";
import { emulatorUrl, expose } from "../shared/protocol.js";
import { stampUploadSend } from "../shared/sendStamp.js";
import { tokenEndpoint } from "../shared/tokens.js";

const site = emulatorUrl();
const epoch = () => performance.timeOrigin + performance.now();
let changeAt: number | null = null;
// The harness's file is 1 MiB; the CORS probe's empty form does not count.
const stamp = stampUploadSend(1024);

// Capture phase on window: runs before React's own listener on the root.
window.addEventListener(
  "change",
  (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "file") {
      changeAt = epoch();
    }
  },
  { capture: true },
);

createRoot(document.querySelector("#root") as HTMLElement).render(
  <UploadForm
    site={site}
    apiVersion="v2"
    token={tokenEndpoint(site)}
    startOnSelect
    retry={false}
  />,
);

function waitFor(predicate: () => boolean, ms: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + ms;
    const check = () => {
      if (predicate()) {
        resolve();
      } else if (performance.now() > deadline) {
        reject(new Error(`${what} within ${ms} ms`));
      } else {
        setTimeout(check, 10);
      }
    };
    check();
  });
}

const form = () => document.querySelector<HTMLFormElement>('[data-twentythree-upload="form"]');

expose({
  /** Waits until the form holds its prefetched token (the hidden upload_token field). */
  prepare: async () => {
    await waitFor(
      () => form()?.querySelector('input[name="upload_token"]') != null,
      10_000,
      "no token",
    );
    // A person takes seconds to pick a file: the page has been idle at least once (when the
    // uploader's warm-up runs; idle callbacks run in the order they were asked for).
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
    return null;
  },
  ping: async () => {
    const sent = epoch();
    const response = await fetch(`${site}/__probe/ping`, { cache: "no-store" });
    const { arrivedAt } = (await response.json()) as { arrivedAt: number };
    const received = epoch();
    return { offset: arrivedAt - (sent + received) / 2, roundTrip: received - sent };
  },
  result: async () => {
    await waitFor(
      () => ["succeeded", "failed", "rejected"].includes(form()?.dataset.state ?? ""),
      30_000,
      "no answer",
    );
    if (form()?.dataset.state !== "succeeded") {
      throw new Error(`the upload ended ${form()?.dataset.state}`);
    }
    return { changeAt, sendAt: stamp.sendAt() };
  },
});
