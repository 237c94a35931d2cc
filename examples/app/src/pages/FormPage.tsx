import { UploadForm } from "@twentythree-upload/react";

/**
 * One file through `<UploadForm>`: it uploads in place with a progress bar. What it renders is a
 * real form that posts to TwentyThree (which then redirects to /upload/callback), so a
 * server-rendered page with an `initialToken` also works before or without JavaScript; this
 * example app renders on the client only (docs/react.md, "StrictMode, server rendering and
 * React versions").
 */
export function FormPage() {
  return (
    <section aria-labelledby="form-heading">
      <h2 id="form-heading">Upload one video</h2>
      <UploadForm titleField descriptionField accept="video/*" />
    </section>
  );
}
