// app/upload/callback/page.tsx: the return_url route. useSearchParams needs a Suspense boundary
// when the page is prerendered; the fallback is what the server sends.
import { Suspense } from "react";
import { UploadCallback } from "./UploadCallback";

export default function UploadCallbackPage() {
  return (
    <main>
      <h1>Your upload</h1>
      <Suspense fallback={<p>Finishing the upload…</p>}>
        <UploadCallback />
      </Suspense>
    </main>
  );
}
