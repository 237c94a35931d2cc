import type { TransportRequest } from "./types.js";

/**
 * The fields of a redeem-upload-token POST, in order: `upload_token` first, then `extra`
 * (e.g. Resumable.js fields), then the app's `fields`, and `file` last, so that streaming
 * multipart parsers see the token before the bytes.
 *
 * A legacy token without return_url answers the upload itself; `format=json&raw=1` asks for
 * that answer as bare JSON (unless the app chose a format).
 */
export function redeemForm(
  request: TransportRequest,
  file: Blob,
  extra: Readonly<Record<string, string>> = {},
): FormData {
  const form = new FormData();
  form.append("upload_token", request.token.uploadToken);
  for (const [name, value] of Object.entries(extra)) form.append(name, value);
  const fields: Record<string, string> = { ...request.fields };
  const { token } = request;
  if (
    request.apiVersion === "legacy" &&
    token.returnUrl === null &&
    !token.backgroundReturn &&
    !("format" in fields)
  ) {
    fields.format = "json";
    fields.raw = "1";
  }
  for (const [name, value] of Object.entries(fields)) {
    if (name !== "upload_token" && name !== "file") form.append(name, value);
  }
  form.append("file", file, request.fileName);
  return form;
}
