import { formatBytes, validateFiles } from "@twentythree-upload/core";

// The uploader validates by itself; call this to check files before offering to add them.
export function describeDrop(files: readonly File[]) {
  const verdicts = validateFiles(files, {
    accept: "video/*, .mkv",
    maxSize: 2 * 1024 ** 3,
    maxFiles: 10,
    existingCount: 3, // files already in the queue
  });
  return verdicts.map(({ file, rejection }) =>
    rejection
      ? `${rejection.code}: ${rejection.message}` // e.g. "too-large: clip.mov is 3.2 GB; the limit is 2 GB."
      : `${file.name}: ${formatBytes(file.size)}, ok`,
  );
}
