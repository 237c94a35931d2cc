import {
  findUploads,
  getPhotoStatus,
  parseUploadToken,
  updateUploadToken,
} from "@twentythree-upload/core";

const site = "videos.example.com";
const signal = AbortSignal.timeout(10_000);
const token = await parseUploadToken(
  await (await fetch("/api/upload-token", { method: "POST" })).text(),
);

// Edit the metadata while (or after) the file uploads: the upload token is the only credential.
await updateUploadToken({
  site,
  uploadToken: token.uploadToken,
  meta: { title: "Better title" },
  signal,
});

// What did this token store? (The uploader does this after an answer was lost.)
const stored = await findUploads({ token, site, apiVersion: "legacy", signal });

for (const upload of stored) {
  if (upload.token === null) continue;
  const { encoded } = await getPhotoStatus({
    site,
    photoId: upload.photoId,
    token: upload.token,
    signal,
  });
  console.log(upload.photoId, encoded ? "ready to play" : "still encoding");
}
