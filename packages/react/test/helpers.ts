// Helpers for the React package's browser tests: the shared emulator, isolated instances, real
// random files, and a recorder for live-region text.
import {
  createEmulatorClient,
  type EmulatorClient,
  type RequestRecord,
} from "@twentythree-upload/emulator/client";
import { expect, inject } from "vitest";

/** The emulator started for this test run (never reset it: other files share it). */
export function sharedEmulator(): EmulatorClient {
  return createEmulatorClient(inject("emulatorUrl"));
}

/** A File of `size` random bytes and its lower-case hex SHA-256. */
export async function randomFile(
  size: number,
  name = "clip.mp4",
  type = "video/mp4",
): Promise<{ file: File; sha256: string }> {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  }
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join(
    "",
  );
  return { file: new File([bytes], name, { type }), sha256 };
}

/** The emulator's host as it reports it in callbacks (`domain`). */
export function hostOf(url: string): string {
  return new URL(url).host;
}

/** A page on the test server (same origin as the test) that renders `<CallbackHandler>`. */
export function callbackPageUrl(site: string): string {
  const url = new URL("/packages/react/test/callback.html", window.location.origin);
  url.searchParams.set("site", site);
  return url.href;
}

/** Requests to one endpoint that the emulator logged after `since` (a request id). */
export async function requestsTo(
  emulator: EmulatorClient,
  endpoint: RequestRecord["endpoint"],
  since = 0,
): Promise<RequestRecord[]> {
  return (await emulator.requests()).filter(
    (request) => request.endpoint === endpoint && request.id > since,
  );
}

/** The id of the emulator's latest logged request, to count what a test adds after it. */
export async function lastRequestId(emulator: EmulatorClient): Promise<number> {
  const all = await emulator.requests();
  return all.reduce((max, request) => Math.max(max, request.id), 0);
}

/**
 * Records every text a live region shows, in order: a text is recorded when it differs from what
 * the region showed just before (so a sentence that comes back after the region was emptied is
 * recorded again, as a screen reader would say it again); the empty region is not recorded.
 */
export function recordLiveRegion(element: Element): { texts: string[]; stop: () => void } {
  const texts: string[] = [];
  let shown = "";
  const record = () => {
    const text = element.textContent ?? "";
    if (text !== "" && text !== shown) {
      texts.push(text);
    }
    shown = text;
  };
  const observer = new MutationObserver(record);
  observer.observe(element, { childList: true, characterData: true, subtree: true });
  record();
  return { texts, stop: () => observer.disconnect() };
}

/** Records every distinct value an attribute takes on an element, as it changes. */
export function recordAttribute(
  element: Element,
  name: string,
): { values: string[]; stop: () => void } {
  const values: string[] = [];
  const record = () => {
    const value = element.getAttribute(name);
    if (value !== null && values[values.length - 1] !== value) {
      values.push(value);
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(element, { attributes: true, attributeFilter: [name] });
  record();
  return { values, stop: () => observer.disconnect() };
}

/** How a progress bar looked at one moment. */
export interface ProgressBarLook {
  state: string | null;
  valueNow: string | null;
  value: string | null;
  indeterminate: boolean;
}

/**
 * Asserts that a bar was seen while `uploading` and looked indeterminate every time: no value,
 * no `aria-valuenow` (the iframe fallback measures no bytes, so a number would be made up).
 */
export function expectIndeterminateWhileUploading(looks: readonly ProgressBarLook[]): void {
  const whileUploading = looks.filter((look) => look.state === "uploading");
  expect(whileUploading.length).toBeGreaterThan(0);
  for (const look of whileUploading) {
    expect(look).toEqual({ state: "uploading", valueNow: null, value: null, indeterminate: true });
  }
}

/**
 * Records how every progress bar matching `selector` inside `root` looks after each change, so a
 * test can check what was shown during a short-lived state (e.g. `uploading`).
 */
export function recordProgressBars(
  root: Element,
  selector: string,
): { looks: ProgressBarLook[]; stop: () => void } {
  const looks: ProgressBarLook[] = [];
  const record = () => {
    for (const bar of root.querySelectorAll(selector)) {
      looks.push({
        state: bar.getAttribute("data-state"),
        valueNow: bar.getAttribute("aria-valuenow"),
        value: bar.getAttribute("value"),
        indeterminate: bar.hasAttribute("data-indeterminate"),
      });
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(root, { attributes: true, childList: true, subtree: true });
  record();
  return { looks, stop: () => observer.disconnect() };
}

/** Chooses `files` in the first file input of `container`, as the file dialog would. */
export function pickFiles(container: HTMLElement, files: readonly File[]): void {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const data = new DataTransfer();
  files.forEach((file) => data.items.add(file));
  input.files = data.files;
  input.dispatchEvent(new Event("change", { bubbles: true }));
}
