import { UploadQueue, shallowEqual, useUploaderState } from "@twentythree-upload/react";
import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { useSessionUploader } from "../useSessionUploader.js";

/**
 * Several files through `<UploadQueue>`, on the app-wide uploader. When a batch started on this
 * page finishes without failures, the app moves on to the results page.
 */
export function QueuePage() {
  const uploader = useSessionUploader();
  const navigate = useNavigate();
  const { isBusy, failed, succeeded } = useUploaderState(
    uploader,
    (snapshot) => ({
      isBusy: snapshot.isBusy,
      failed: snapshot.counts.failed,
      succeeded: snapshot.counts.succeeded,
    }),
    shallowEqual,
  );
  // Only the busy → idle transition seen on this page counts: coming back to a finished queue
  // must not bounce the user to the results again.
  const wasBusy = useRef(isBusy);
  useEffect(() => {
    if (wasBusy.current && !isBusy && failed === 0 && succeeded > 0) {
      void navigate("/upload/callback");
    }
    wasBusy.current = isBusy;
  }, [isBusy, failed, succeeded, navigate]);

  return (
    <section aria-labelledby="queue-heading">
      <h2 id="queue-heading">Upload several videos</h2>
      <UploadQueue uploader={uploader} />
    </section>
  );
}
