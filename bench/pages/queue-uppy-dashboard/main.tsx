// Uppy with its Dashboard (rendered by Preact inside the React wrapper) and XHRUpload.
import "../shared/commitCounter.js";
import "@uppy/core/css/style.min.css";
import "@uppy/dashboard/css/style.min.css";
import Uppy from "@uppy/core";
import Dashboard from "@uppy/react/dashboard";
import XHRUpload from "@uppy/xhr-upload";
import { createRoot } from "react-dom/client";
import { exposeQueue } from "../shared/queueHarness.js";

exposeQueue((target) => {
  const uppy = new Uppy({ autoProceed: false, meta: { upload_token: target.token } }).use(
    XHRUpload,
    {
      endpoint: target.redeemUrl,
      fieldName: "file",
      formData: true,
      limit: 6,
      allowedMetaFields: ["upload_token"],
    },
  );
  createRoot(document.querySelector("#root") as HTMLElement).render(
    <Dashboard uppy={uppy} width="100%" height={640} proudlyDisplayPoweredByUppy={false} />,
  );
  return {
    reactRendered: false,
    add: (files) => {
      uppy.addFiles(
        files.map((file) => ({ name: file.name, type: file.type, data: file, source: "Local" })),
      );
    },
    isRendered: (count) =>
      uppy.getFiles().length === count &&
      document.querySelector(".uppy-Dashboard-Item") !== null &&
      (document.querySelector(".uppy-DashboardContent-title")?.textContent ?? "").includes(
        String(count),
      ),
    startUploads: () => {
      void uppy.upload();
    },
  };
});
