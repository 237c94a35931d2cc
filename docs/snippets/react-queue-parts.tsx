import { UploadQueue } from "@twentythree-upload/react";

// Your own layout from the compound parts. Each part renders one element and exposes its state
// in data attributes (`[data-part="item"][data-state="failed"]`), so plain CSS can style it.
export function CompactQueue() {
  return (
    <UploadQueue.Root site="videos.example.com" token="/api/upload-token" paste="document">
      <UploadQueue.DropZone>Drop videos here, or press Enter to choose</UploadQueue.DropZone>
      <UploadQueue.List estimateSize={44}>
        {(id) => (
          <UploadQueue.Item id={id}>
            <UploadQueue.ItemName />
            <UploadQueue.Progress />
            <UploadQueue.ItemStatus />
            <UploadQueue.Cancel />
            <UploadQueue.Retry />
          </UploadQueue.Item>
        )}
      </UploadQueue.List>
      <UploadQueue.TotalProgress />
      <UploadQueue.Summary />
      <UploadQueue.Announcer />
    </UploadQueue.Root>
  );
}
