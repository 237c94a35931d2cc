// react-filepond: FilePond's own view engine renders the list; React only mounts it.
import "../shared/commitCounter.js";
import "filepond/dist/filepond.min.css";
import type { FilePond as FilePondInstance } from "filepond";
import { createRoot } from "react-dom/client";
import { FilePond } from "react-filepond";
import { exposeQueue, type QueueAdapter } from "../shared/queueHarness.js";

exposeQueue(
  (target) =>
    new Promise<QueueAdapter>((resolve) => {
      const onInit = (pond: FilePondInstance) => {
        resolve({
          reactRendered: false,
          add: (files) => {
            void pond.addFiles(files);
          },
          isRendered: (count) =>
            pond.getFiles().length === count &&
            document.querySelectorAll(".filepond--item").length === count,
          startUploads: () => {
            void pond.processFiles();
          },
        });
      };
      let pondRef: FilePondInstance | null = null;
      createRoot(document.querySelector("#root") as HTMLElement).render(
        <FilePond
          ref={(instance) => {
            pondRef = instance as unknown as FilePondInstance | null;
          }}
          oninit={() => {
            if (pondRef) {
              onInit(pondRef);
            }
          }}
          allowMultiple
          maxFiles={null}
          instantUpload={false}
          maxParallelUploads={6}
          name="file"
          server={{
            url: target.site,
            process: {
              url: new URL(target.redeemUrl).pathname,
              method: "POST",
              // TwentyThree reads upload_token before the file; FilePond appends metadata under
              // the file's field name, so rebuild the form with the token first.
              ondata: (form: FormData) => {
                const ordered = new FormData();
                ordered.append("upload_token", target.token);
                for (const [key, value] of form.entries()) {
                  if (value instanceof Blob) {
                    ordered.append(key, value, (value as File).name);
                  }
                }
                return ordered;
              },
            },
          }}
        />,
      );
    }),
);
