import { UploadProvider, UploadQueue, type UploadLocale } from "@twentythree-upload/react";
import { germanLabels } from "./i18n-german-labels.js";

// Built in: "en" (the default) and "da". Anything else: a complete labels object of your own.
export function LocalizedUploads({ language }: { language: string }) {
  const builtIn: UploadLocale | null = language === "da" || language === "en" ? language : null;
  return builtIn ? (
    <UploadProvider site="videos.example.com" token="/api/upload-token" locale={builtIn}>
      <UploadQueue accept="video/*" />
    </UploadProvider>
  ) : (
    <UploadProvider site="videos.example.com" token="/api/upload-token" labels={germanLabels}>
      <UploadQueue accept="video/*" />
    </UploadProvider>
  );
}
