// @twentythree-upload/core: an explicit list of the public API.
export {
  CallbackError,
  ResponseFormatError,
  TokenRequestError,
  TwentyThreeApiError,
  TwentyThreeUploadError,
  UploadError,
  type UploadErrorKind,
} from "./errors.js";
export type {
  ApiVersion,
  CallbackResult,
  FileRejection,
  FileRejectionCode,
  FindUploads,
  ProgressState,
  RetryPolicy,
  SiteConfig,
  StatusCounts,
  TokenRequestContext,
  TokenSource,
  Transport,
  TransportName,
  TransportProgress,
  TransportRequest,
  UploadItem,
  UploadMeta,
  Uploader,
  UploaderOptions,
  UploaderSnapshot,
  UploadResult,
  UploadStatus,
  UploadToken,
  UploadTokenRequest,
} from "./types.js";
// Parsing, tokens and site URLs (I/O half).
export { parseCallbackUrl } from "./parseCallbackUrl.js";
export { parseRedeemResponse, type RedeemResponse } from "./parseRedeemResponse.js";
export { parseUploadToken, type ParseUploadTokenOptions } from "./parseUploadToken.js";
export {
  requestUploadToken,
  TOKEN_REQUEST_HEADER,
  type RequestUploadTokenOptions,
} from "./requestUploadToken.js";
export { apiUrl, siteOrigin } from "./siteUrls.js";
