import { useDropZone, useFilePicker, usePaste, useUploadQueue } from "@twentythree-upload/react";

// A UI of your own: state from useUploadQueue, behaviour from the prop-bag hooks.
export function MyUploader() {
  const queue = useUploadQueue({ site: "videos.example.com", token: "/api/upload-token" });
  const addFiles = (files: File[]) => void queue.add(files);
  const picker = useFilePicker({ onFiles: addFiles, accept: "video/*" });
  const { dropZoneProps, isDragOver } = useDropZone({
    onFiles: addFiles,
    open: picker.open,
    label: "Add videos",
  });
  usePaste({ onFiles: addFiles });

  return (
    <section>
      <input {...picker.inputProps} aria-label="Videos" />
      <div {...dropZoneProps} role="button" tabIndex={dropZoneProps.tabIndex}>
        {isDragOver ? "Release to upload" : "Drop videos here or press Enter"}
      </div>
      <ul>
        {queue.items.map((item) => (
          <li key={item.id} data-state={item.status}>
            {item.name}: {Math.round((item.progress.fraction ?? 0) * 100)}%
            {item.status === "failed" && (
              <button type="button" onClick={() => queue.retry(item.id)}>
                Retry
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
