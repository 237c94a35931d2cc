import { englishAnnouncementLabels } from "./englishAnnouncementLabels.js";
import { englishCommonLabels } from "./englishCommonLabels.js";
import { englishFileCount as files } from "./englishFileCount.js";
import { englishItemLabels } from "./englishItemLabels.js";
import type { UploadLabels } from "./labels.js";

/**
 * @internal Every English string `<UploadQueue>` and its parts can show: their defaults without a
 * provider, and what they fall back to for keys a provider's partial labels leave out. Kept apart
 * from the form's and the callback page's strings so that an app with only a queue ships only
 * these.
 */
export const englishQueueLabels = {
  ...englishCommonLabels,
  ...englishItemLabels,
  ...englishAnnouncementLabels,
  chooseFiles: "Choose files",
  dropZone: "Add files: drop them here, paste them, or press Enter to choose",
  dropZoneHint: "Drop files here, paste them, or choose them.",
  fileList: "Files",
  emptyQueue: "No files yet.",
  remove: "Remove",
  cancelItem: (name) => `Cancel ${name}`,
  retryItem: (name) => `Retry ${name}`,
  removeItem: (name) => `Remove ${name}`,
  totalProgress: "All uploads",
  speed: (rate, remaining) => (remaining ? `${rate}, ${remaining} left` : rate),
  totalSummary: (done, total) => `${done} of ${files(total)} uploaded`,
} satisfies Partial<UploadLabels>;

/** @internal The labels `UploadQueue.Root` shares with the queue's parts. */
export type UploadQueueLabels = typeof englishQueueLabels;
