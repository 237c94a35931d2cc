// Files of random bytes for the playground, with the SHA-256 the emulator will report for them.

/** A generated file and the lower-case hex SHA-256 of its bytes. */
export interface GeneratedFile {
  readonly file: File;
  readonly sha256: string;
}

/** A video-like file of `size` random bytes. */
export async function generateFile(name: string, size: number): Promise<GeneratedFile> {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 65,536 bytes per call.
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const sha256 = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return { file: new File([bytes], name, { type: "video/mp4" }), sha256 };
}

/**
 * Puts files into a file input the way the browser's dialog does: a real FileList, then `input`
 * and `change` events (the components listen for those).
 */
export function putFiles(input: HTMLInputElement, files: readonly File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) {
    transfer.items.add(file);
  }
  input.files = transfer.files;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}
