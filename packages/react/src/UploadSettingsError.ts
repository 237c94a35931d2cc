import { TwentyThreeUploadError } from "@twentythree-upload/core";

/**
 * A required setting (`site` or `token`) was given neither as a prop nor by an `UploadProvider`.
 * `code` is `"missing_site"` or `"missing_token"`.
 */
export class UploadSettingsError extends TwentyThreeUploadError {}
