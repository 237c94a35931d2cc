// Maps a validated request onto get-upload-token's parameters (TwentyThree's snake_case names).
// From the React package, which re-exports core: the one package an app installs.
import type { ApiVersion } from "@twentythree-upload/react";
import type { ValidatedTokenRequest } from "./validateTokenRequest.js";

/** The parameters to sign and send; every value is a string, as on the wire. */
export function toApiParams(
  request: ValidatedTokenRequest,
  settings: { apiVersion: ApiVersion; validMinutes: number },
): Record<string, string> {
  const params: Record<string, string> = {};
  if (request.title !== undefined) params.title = request.title;
  if (request.description !== undefined) params.description = request.description;
  if (request.albumId !== undefined) params.album_id = request.albumId;
  if (request.tags !== undefined) params.tags = request.tags;
  if (request.publish !== undefined) params.publish = request.publish ? "1" : "0";
  if (request.publishDate !== undefined) params.publish_date = request.publishDate;
  // Extra fields are repeated by TwentyThree in the callback; validation already kept them off
  // every reserved name, so they cannot override anything below.
  Object.assign(params, request.extra ?? {});
  params.max_uploads = String(request.maxUploads);
  params.valid_minutes = String(settings.validMinutes);
  params.return_url = request.returnUrl;
  // Legacy answers XML unless asked for JSON; `raw` drops the `var visual = ` wrapper.
  if (settings.apiVersion === "legacy") {
    params.format = "json";
    params.raw = "1";
  }
  return params;
}
