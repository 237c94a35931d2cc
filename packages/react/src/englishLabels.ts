import { englishCallbackLabels } from "./englishCallbackLabels.js";
import { englishCustomUiLabels } from "./englishCustomUiLabels.js";
import { englishFormLabels } from "./englishFormLabels.js";
import { englishQueueLabels } from "./englishQueueLabels.js";
import type { UploadLabels } from "./labels.js";

/**
 * English strings: the defaults. Every key of `UploadLabels`; the built-in components each fall
 * back to their own part of it (an app that shows only a form does not ship the queue's strings),
 * and an app imports this whole object only when it uses it (e.g. `useLabels()`).
 */
export const englishLabels: UploadLabels = {
  ...englishFormLabels,
  ...englishQueueLabels,
  ...englishCallbackLabels,
  ...englishCustomUiLabels,
};
