import { englishFileCount as files } from "./englishFileCount.js";
import type { UploadLabels } from "./labels.js";

/**
 * @internal English live-region sentences (`useAnnouncement`), which `<UploadForm>` and
 * `<UploadQueue>` both speak.
 */
export const englishAnnouncementLabels = {
  announceStarted: (names) =>
    names.length === 1 ? `Uploading ${names[0]}` : `Uploading ${files(names.length)}`,
  announceSucceeded: (names) =>
    names.length === 1 ? `${names[0]} uploaded` : `${files(names.length)} uploaded`,
  announceFailed: (name, reason) => `${name} failed: ${reason}`,
  announceRejected: (name, reason) => `${name} was not added: ${reason}`,
  announceCanceled: (name) => `${name} canceled`,
  announceRetrying: (names) =>
    `${names.length === 1 ? names[0] : files(names.length)} failed; retrying soon`,
  announcePaused: (names) =>
    `Offline: ${names.length === 1 ? names[0] : files(names.length)} paused until the connection is back`,
} satisfies Partial<UploadLabels>;
