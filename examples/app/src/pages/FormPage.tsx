import { UploadForm } from "@twentythree-upload/react";

/**
 * One file through `<UploadForm>`. With JavaScript it uploads in place with a progress bar;
 * without, it is a plain form that posts to TwentyThree, which then redirects to
 * /upload/callback.
 */
export function FormPage() {
  return (
    <section aria-labelledby="form-heading">
      <h2 id="form-heading">Upload one video</h2>
      <UploadForm titleField descriptionField accept="video/*" />
    </section>
  );
}
