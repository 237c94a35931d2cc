// Ours: <UploadQueue> (virtualized rows) over an uploader made with createUploader.
import "../shared/commitCounter.js";
import { UploadQueue } from "@twentythree-upload/react";
import { createRoot } from "react-dom/client";
import { createUploader } from "../shared/ours.js";
import { exposeQueue } from "../shared/queueHarness.js";

exposeQueue((target) => {
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
});
