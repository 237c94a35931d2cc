import { UploadForm, type UploadToken } from "@twentythree-upload/react";

// Rendered on the server with a token your server just got from TwentyThree, the form works even
// without JavaScript: the browser posts it to redeem-upload-token and lands on return_url.
// With JavaScript it uploads in place, with progress, cancel and retry.
export function UploadPage({ token }: { token: UploadToken }) {
  return (
    <UploadForm
      site="videos.example.com"
      token="/api/upload-token" // fresh tokens for retries and further uploads
      initialToken={token}
      meta={{ albumId: "12345" }}
      titleField
      descriptionField
      accept="video/*"
      renderSuccess={(result) => <a href={`/videos/${result.photoId}`}>Your video is in.</a>}
      onSuccess={(item) => console.log("uploaded", item.result?.photoId)}
    />
  );
}
