import { UploadProvider, UploadQueue, type UploadLabels } from "@twentythree-upload/react";

// Danish built in; override any string (functions for strings with values).
const labels: Partial<UploadLabels> = {
  formSubmit: "Send video",
  announceSucceeded: (names) => `${names.join(", ")} er klar`,
};

export function DanishUploads() {
  return (
    <UploadProvider site="videos.example.com" token="/api/upload-token" locale="da" labels={labels}>
      <UploadQueue />
    </UploadProvider>
  );
}
