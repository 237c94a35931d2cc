import {
  danishLabels,
  englishLabels,
  UploadProvider,
  UploadQueue,
  type UploadLabels,
} from "@twentythree-upload/react";
import { germanLabels } from "./i18n-german-labels.js";

// The package's locales and your own are the same kind of thing: a labels object, passed as
// `labels`. Only the objects this module imports end up in the app's JavaScript.
const localesByLanguage: Record<string, UploadLabels> = {
  en: englishLabels,
  da: danishLabels,
  de: germanLabels,
};

export function LocalizedUploads({ language }: { language: string }) {
  return (
    <UploadProvider
      site="videos.example.com"
      token="/api/upload-token"
      labels={localesByLanguage[language] ?? englishLabels}
    >
      <UploadQueue accept="video/*" />
    </UploadProvider>
  );
}
