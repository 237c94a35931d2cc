import { englishCommonLabels } from "./englishCommonLabels.js";
import type { UploadLabels } from "./labels.js";

/**
 * @internal Every English string `<CallbackHandler>` can show: its defaults without a provider,
 * and what it falls back to for keys a provider's partial labels leave out.
 */
export const englishCallbackLabels = {
  ...englishCommonLabels,
  callbackWorking: "Finishing the upload…",
  callbackFailed: (message) => `The upload failed: ${message}`,
  callbackFailedUnverified: "The upload failed.",
  callbackHandedOff: "Upload finished. You can close this window.",
  callbackInvalid: "This page did not receive a valid upload result.",
  callbackUnverified: (photoId) =>
    `Uploaded. Video id: ${photoId} (not confirmed: this browser did not start this upload).`,
} satisfies Partial<UploadLabels>;

/** @internal The labels `<CallbackHandler>` reads. */
export type CallbackHandlerLabels = typeof englishCallbackLabels;
