// Uppy headless: @uppy/core + XHRUpload, the list rendered by React through useUppyState, as an
// app that brings its own UI would write it.
import "../shared/commitCounter.js";
import Uppy, { type UppyFile } from "@uppy/core";
import { useUppyState } from "@uppy/react";
import XHRUpload from "@uppy/xhr-upload";
import { createRoot } from "react-dom/client";
import { exposeQueue } from "../shared/queueHarness.js";

type TokenMeta = { upload_token: string };
type QueueFile = UppyFile<TokenMeta, Record<string, never>>;

function Row({ file }: { file: QueueFile }) {
  return (
    <li
      data-state={
        file.progress.uploadComplete ? "done" : file.progress.uploadStarted ? "uploading" : "queued"
      }
    >
      <span>{file.name}</span> <progress max={100} value={file.progress.percentage ?? 0} />
    </li>
  );
}

function FileList({ uppy }: { uppy: Uppy<TokenMeta, Record<string, never>> }) {
  const files = useUppyState(uppy, (state) => state.files);
  return (
    <ul className="files">
      {Object.values(files).map((file) => (
        <Row key={file.id} file={file} />
      ))}
    </ul>
  );
}

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
  createRoot(document.querySelector("#root") as HTMLElement).render(<FileList uppy={uppy} />);
  return {
    reactRendered: true,
    add: (files) => {
      uppy.addFiles(
        files.map((file) => ({ name: file.name, type: file.type, data: file, source: "Local" })),
      );
    },
    isRendered: (count) => document.querySelectorAll(".files > li").length === count,
    startUploads: () => {
      void uppy.upload();
    },
  };
});
