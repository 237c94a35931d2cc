import { danishLabels, UploadForm, type UploadLabels } from "@twentythree-upload/react";

// A few strings changed, the rest from the locale: spread the locale, then your keys.
const wording: UploadLabels = {
  ...danishLabels,
  formSubmit: "Send din video",
  // Explain in your own words what TwentyThree's refusal means for your users.
  errors: { ...danishLabels.errors, "file-rejected": "Filen kan ikke bruges. Prøv en MP4-fil." },
  uploaded: (photoId) => `Tak! Din video (${photoId}) bliver nu behandlet.`,
};

export function DanishForm() {
  return (
    <UploadForm site="videos.example.com" token="/api/upload-token" labels={wording} titleField />
  );
}
