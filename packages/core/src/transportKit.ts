// What the transports loaded on demand (chunked, iframe) use from the rest of core, handed to them
// when they are created instead of imported by them. A chunk behind `import()` that imports
// modules the page has already loaded makes some bundlers (Rolldown, hence Vite 8, for an entry
// that keeps its exports) move those modules out of the page's chunk into extra shared chunks;
// a chunk that imports nothing at run time stays one file, and the shared code stays put.
import { abortReason, forwardAbort } from "./abortedError.js";
import { TwentyThreeUploadError, UploadError } from "./errors.js";
import { isCallbackMessage } from "./handOffCallback.js";
import { parseCallbackUrl } from "./parseCallbackUrl.js";
import { parseRedeemResponse } from "./parseRedeemResponse.js";
import { probeCors } from "./probeCors.js";
import { redactSecrets } from "./redactSecrets.js";
import { redeemForm } from "./redeemForm.js";
import { sendXhr } from "./sendXhr.js";
import { apiUrl } from "./siteUrls.js";

/** @internal The core functions and classes a lazily loaded transport uses. */
export interface TransportKit {
  readonly UploadError: typeof UploadError;
  readonly abortReason: typeof abortReason;
  readonly forwardAbort: typeof forwardAbort;
  readonly TwentyThreeUploadError: typeof TwentyThreeUploadError;
  readonly apiUrl: typeof apiUrl;
  readonly isCallbackMessage: typeof isCallbackMessage;
  readonly parseCallbackUrl: typeof parseCallbackUrl;
  readonly parseRedeemResponse: typeof parseRedeemResponse;
  readonly probeCors: typeof probeCors;
  readonly redactSecrets: typeof redactSecrets;
  readonly redeemForm: typeof redeemForm;
  readonly sendXhr: typeof sendXhr;
}

/** @internal */
export const transportKit: TransportKit = {
  UploadError,
  abortReason,
  forwardAbort,
  TwentyThreeUploadError,
  apiUrl,
  isCallbackMessage,
  parseCallbackUrl,
  parseRedeemResponse,
  probeCors,
  redactSecrets,
  redeemForm,
  sendXhr,
};
