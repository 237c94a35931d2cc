import { englishAnnouncementLabels } from "./englishAnnouncementLabels.js";
import { englishCommonLabels } from "./englishCommonLabels.js";
import { englishItemLabels } from "./englishItemLabels.js";
import type { UploadLabels } from "./labels.js";

/**
 * @internal Every English string `<UploadForm>` can show: its defaults without a provider, and
 * what it falls back to for keys a provider's partial labels leave out. Kept apart from the
 * queue's and the callback page's strings so that an app with only a form ships only these.
 */
export const englishFormLabels = {
  ...englishCommonLabels,
  ...englishItemLabels,
  ...englishAnnouncementLabels,
  formFile: "Video file",
  formTitle: "Title",
  formDescription: "Description",
  formSubmit: "Upload video",
  formTokenError: "The upload could not be prepared.",
  formTokenUsed: "This form's upload permission is used up: reload the page to upload again.",
  formMetadataError: "The title and description could not be saved yet.",
  formAlreadyUploaded: (name) => `${name} is already uploaded; it was not sent again.`,
} satisfies Partial<UploadLabels>;

/** @internal The labels `<UploadForm>` and its parts read. */
export type UploadFormLabels = typeof englishFormLabels;
