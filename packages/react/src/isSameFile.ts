/**
 * @internal Whether `b` is the file `a` holds, as the uploader decides a duplicate: the same
 * object, or a `File` with the same name, size, type, `lastModified` and relative path (a new
 * pick of the same file is a new object).
 */
export function isSameFile(a: Blob, b: File): boolean {
  return (
    a === b ||
    (a instanceof File &&
      (["name", "size", "type", "lastModified", "webkitRelativePath"] as const).every(
        (key) => a[key] === b[key],
      ))
  );
}
