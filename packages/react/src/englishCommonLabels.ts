import type { UploadLabels } from "./labels.js";

/**
 * @internal English strings every component shows: the locale for numbers and sizes, and the
 * success sentence (the form, a queue row and the callback page all say it).
 */
export const englishCommonLabels = {
  locale: "en",
  uploaded: (photoId) => `Uploaded. Video id: ${photoId}`,
} satisfies Partial<UploadLabels>;
