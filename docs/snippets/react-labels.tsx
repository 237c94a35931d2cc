import {
  danishLabels,
  UploadProvider,
  UploadQueue,
  type UploadLabels,
} from "@twentythree-upload/react";

// Danish, imported (apps that do not import it do not ship it); override any string (functions
// for strings with values). Defined once, outside the component, so it is the same object on
// every render.
const labels: UploadLabels = {
  ...danishLabels,
  formSubmit: "Send video",
  announceSucceeded: (names) => `${names.join(", ")} er klar`,
};

export function DanishUploads() {
  return (
    <UploadProvider site="videos.example.com" token="/api/upload-token" labels={labels}>
      <UploadQueue />
    </UploadProvider>
  );
}
