import type { UploadLabels } from "./labels.js";

/**
 * @internal English strings that no built-in component shows, for UIs built on the hooks (a
 * single-file picker, "cancel all"/"retry all" buttons, a form's own preparing and no-file
 * messages). Only `englishLabels` holds them.
 */
export const englishCustomUiLabels = {
  chooseFile: "Choose a file",
  cancelAll: "Cancel all",
  retryAll: "Retry all",
  formPreparing: "Preparing the upload…",
  formNoFile: "Choose a file first.",
} satisfies Partial<UploadLabels>;
