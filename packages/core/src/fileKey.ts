/**
 * What the uploader compares to find a file already in the queue, as Uppy does: a `File`'s name,
 * size, type, `lastModified` and relative path (a new pick of the same file is a new object with
 * the same key). A Blob without a name (not a File) is its own key: it only matches itself.
 *
 * @example fileKey(a) === fileKey(b) // b would be refused as a duplicate of a
 */
export function fileKey(file: Blob): Blob | string {
  return "name" in file
    ? ["name", "size", "type", "lastModified", "webkitRelativePath"]
        .map((key) => (file as unknown as Record<string, unknown>)[key])
        .join("\0")
    : file;
}
