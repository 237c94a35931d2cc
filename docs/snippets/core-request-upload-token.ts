import { requestUploadToken, TokenRequestError } from "@twentythree-upload/core";

const controller = new AbortController();

// Your own endpoint: POSTed { title, fileName, fileSize, … } as JSON with
// "X-Requested-With: twentythree-upload"; it answers whatever get-upload-token answered.
try {
  const token = await requestUploadToken(
    "/api/upload-token",
    { title: "Holiday", fileName: "clip.mp4", fileSize: 52_428_800, fileType: "video/mp4" },
    { signal: controller.signal },
  );
  console.log(`token valid until ${token.validUntil.toLocaleString()}`);
} catch (error) {
  if (error instanceof TokenRequestError)
    console.error(error.status, error.serverCode, error.message);
  else throw error;
}

// Or a function: return an UploadToken, a raw body or a parsed object.
const token = await requestUploadToken(
  async (request, { signal }) => {
    const response = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: "mutation { uploadToken }", variables: request }),
      signal,
    });
    const { data } = (await response.json()) as { data: { uploadToken: object } };
    return data.uploadToken;
  },
  { title: "Holiday" },
);
console.log(token.maxUploads);
