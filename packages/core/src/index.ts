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
// Parsing, tokens, site URLs, transports and site look-ups (I/O half).
export { createAutoTransport, type AutoTransportOptions } from "./createAutoTransport.js";
export { createChunkedTransport, type ChunkedTransportOptions } from "./createChunkedTransport.js";
export { createIframeTransport } from "./createIframeTransport.js";
export { createXhrTransport, type XhrTransportOptions } from "./createXhrTransport.js";
export { findUploads } from "./findUploads.js";
export { getPhotoStatus, type GetPhotoStatusOptions, type PhotoStatus } from "./getPhotoStatus.js";
export {
  CALLBACK_MESSAGE_TYPE,
  handOffCallback,
  isCallbackMessage,
  type CallbackMessage,
  type HandOffCallbackOptions,
} from "./handOffCallback.js";
export { parseCallbackUrl } from "./parseCallbackUrl.js";
export { parseRedeemResponse, type RedeemResponse } from "./parseRedeemResponse.js";
export { parseUploadToken, type ParseUploadTokenOptions } from "./parseUploadToken.js";
export {
  requestUploadToken,
  TOKEN_REQUEST_HEADER,
  type RequestUploadTokenOptions,
} from "./requestUploadToken.js";
export { probeCors, type ProbeCorsOptions } from "./probeCors.js";
export { rememberReceivedToken, wasTokenReceived } from "./receivedTokens.js";
export { resolveTransport, type ResolveTransportOptions } from "./resolveTransport.js";
export { apiUrl, siteOrigin } from "./siteUrls.js";
export { updateUploadToken, type UpdateUploadTokenOptions } from "./updateUploadToken.js";
// Queue engine (createUploader) and its helpers.
export {
  createMockTokenSource,
  type MockTokenSource,
  type MockTokenSourceOptions,
} from "./createMockTokenSource.js";
export {
  createMockTransport,
  type MockFailure,
  type MockTransport,
  type MockTransportCall,
  type MockTransportOptions,
  type MockUpload,
} from "./createMockTransport.js";
export { createUploader } from "./createUploader.js";
export { formatBytes } from "./formatBytes.js";
export { isRetryableError } from "./retryPolicy.js";
export { fileKey } from "./fileKey.js";
export { validateFiles, type FileRules, type FileValidation } from "./validateFiles.js";
