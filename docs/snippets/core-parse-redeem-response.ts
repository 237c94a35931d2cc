import { parseRedeemResponse, UploadError, type Transport } from "@twentythree-upload/core";

// A transport of your own: redeem through your server (e.g. /upload-proxy forwards the multipart
// body to TwentyThree and relays its answer). parseRedeemResponse reads any answer shape.
export const proxyTransport: Transport = async (request) => {
  const form = new FormData();
  form.append("upload_token", request.token.uploadToken);
  for (const [name, value] of Object.entries(request.fields)) form.append(name, value);
  form.append("file", request.file, request.fileName);
  request.onProgress({ loaded: 0, total: null });
  // fetch shows no upload progress: from here on the proxy may store the file.
  request.onSubmitted?.();
  let response: Response;
  try {
    response = await fetch("/upload-proxy", { method: "POST", body: form, signal: request.signal });
  } catch (cause) {
    const kind = request.signal.aborted ? "aborted" : "network";
    throw new UploadError(kind, "The upload did not reach the server.", { cause, ambiguous: true });
  }
  request.onBodySent();
  return parseRedeemResponse({
    status: response.status,
    body: await response.text(),
    url: response.url,
    contentType: response.headers.get("Content-Type"),
    retryAfter: response.headers.get("Retry-After"),
  });
};
