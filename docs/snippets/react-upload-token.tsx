import { useUploadToken } from "@twentythree-upload/react";

// A token through TanStack Query: one request per distinct meta (also under StrictMode), cached
// until shortly before valid_until and refreshed in the background. Uses your
// QueryClientProvider when there is one.
export function UploadTokenField({ albumId }: { albumId: string }) {
  const { token, status, error } = useUploadToken({ albumId }, { token: "/api/upload-token" });
  if (status === "error") {
    return <p role="alert">Could not prepare the upload ({error?.code}).</p>;
  }
  return token ? <input type="hidden" name="upload_token" value={token.uploadToken} /> : null;
}
