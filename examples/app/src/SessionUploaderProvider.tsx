import { useUploader } from "@twentythree-upload/react";
import type { ReactNode } from "react";
import { SessionUploaderContext } from "./sessionUploaderContext.js";

/**
 * One uploader for the whole app, above the router: the queue keeps uploading while the user
 * moves between pages, and the results page can list what finished.
 */
export function SessionUploaderProvider({ children }: { children: ReactNode }) {
  const uploader = useUploader({ concurrency: 2 });
  return (
    <SessionUploaderContext.Provider value={uploader}>{children}</SessionUploaderContext.Provider>
  );
}
