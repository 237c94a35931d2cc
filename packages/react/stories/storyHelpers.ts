// Shared by the stories: the emulator (its URL, a token endpoint on it) and sample files.
import { emulatorUrl } from "../../../.storybook/emulatorUrl.js";

export { emulatorUrl };

/**
 * The emulator's stand-in for an app's token endpoint, with TwentyThree redirecting to the
 * emulator's echo page after each upload (the seed's flow).
 */
export function emulatorTokenUrl(params: Record<string, string> = {}): string {
  const base = emulatorUrl();
  const query = new URLSearchParams({ return_url: `${base}/__emulator/return`, ...params });
  return `${base}/__emulator/token?${query}`;
}

/** A small video-like file of `size` bytes. */
export function sampleFile(name = "holiday.mp4", size = 256 * 1024, type = "video/mp4"): File {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  }
  return new File([bytes], name, { type });
}

/**
 * Chooses files in a file input the way the browser's dialog does: a real FileList and a
 * `change` event. (Testing Library's `upload` only overrides the `files` property, which native
 * form validation does not see, so a `required` input would block the submit.)
 */
export function chooseFiles(input: HTMLInputElement, files: File | File[]): void {
  const transfer = new DataTransfer();
  for (const file of Array.isArray(files) ? files : [files]) {
    transfer.items.add(file);
  }
  input.files = transfer.files;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}
