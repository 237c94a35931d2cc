import {
  describeItem,
  UploadProgressBar,
  useAnnouncement,
  useDropZone,
  useFilePicker,
  useLabels,
  useUploadQueue,
} from "@twentythree-upload/react";

// A queue with markup of your own that keeps what the built-in one gives assistive technology:
// a named, keyboard-operable drop zone, named buttons per file, progress bars with a name and a
// value text, and one polite live region for starts, completions and failures.
export function AccessibleUploads() {
  const labels = useLabels();
  const queue = useUploadQueue({ site: "videos.example.com", token: "/api/upload-token" });
  const addFiles = (files: File[]) => void queue.add(files);
  const picker = useFilePicker({ onFiles: addFiles, accept: "video/*" });
  const { dropZoneProps } = useDropZone({
    onFiles: addFiles,
    open: picker.open,
    label: labels.dropZone, // the accessible name
  });
  const announcement = useAnnouncement(queue.uploader, labels);

  return (
    <section aria-labelledby="uploads-heading">
      <h2 id="uploads-heading">Your videos</h2>
      <input {...picker.inputProps} aria-label={labels.chooseFiles} />
      <div {...dropZoneProps} role="button" tabIndex={dropZoneProps.tabIndex}>
        {labels.dropZoneHint}
      </div>
      <ul aria-label={labels.fileList}>
        {queue.items.map((item) => (
          <li key={item.id} data-state={item.status}>
            <span>{item.name}</span>
            <UploadProgressBar
              progress={item.progress}
              label={labels.itemProgress(item.name)}
              labels={labels}
              state={item.status}
            />
            <span>{describeItem(item, labels)}</span>
            {item.status === "failed" && (
              <button
                type="button"
                aria-label={labels.retryItem(item.name)}
                onClick={() => queue.retry(item.id)}
              >
                {labels.retry}
              </button>
            )}
            <button
              type="button"
              aria-label={labels.removeItem(item.name)}
              onClick={() => queue.remove(item.id)}
            >
              {labels.remove}
            </button>
          </li>
        ))}
      </ul>
      {/* Visually hidden by your CSS, never display: none (screen readers would skip it). */}
      <div role="status" aria-live="polite" aria-atomic="true" data-part="announcer">
        {announcement}
      </div>
    </section>
  );
}
