// Steps shared by the fault stories' play functions: wait for the story's emulator instance, pick
// a file as a person would, wait for the row to settle, and read the emulator's record.
import {
  createEmulatorClient,
  type EmulatorClient,
  type RequestRecord,
  type UploadRecord,
} from "@twentythree-upload/emulator/client";
import { expect, waitFor } from "storybook/test";
import { putFiles } from "./generatedFile.js";

/** Generous: the stories run in CI on two busy cores. Nothing here measures time. */
const settleTimeoutMs = 12_000;

const settledStates = new Set(["succeeded", "failed", "canceled", "rejected"]);

/** Waits until the story's instance is up and its fault queued; a client for that instance. */
export async function readyEmulator(canvasElement: HTMLElement): Promise<EmulatorClient> {
  const session = await waitFor(
    () => {
      const element = canvasElement.querySelector<HTMLElement>(
        '[data-part="session"][data-state="ready"]',
      );
      if (element?.dataset.emulator === undefined) {
        throw new Error("The playground's emulator instance is not ready.");
      }
      return element;
    },
    { timeout: settleTimeoutMs },
  );
  return createEmulatorClient(session.dataset.emulator ?? "");
}

/** The upload component's file input (the queue's hidden picker, or the form's). */
export function fileInput(canvasElement: HTMLElement): HTMLInputElement {
  const input = canvasElement.querySelector<HTMLInputElement>(
    '[data-part="upload-ui"] input[type="file"]',
  );
  if (input === null) {
    throw new Error("No file input in the playground.");
  }
  return input;
}

/**
 * Picks files in the queue's own file input, as the file dialog would: a real FileList. (Testing
 * Library's `userEvent.upload` would pin a fake `files` property on the input for good, and every
 * later pick on the page, by a person or a test, would then read the story's files again.)
 */
export function pickFiles(canvasElement: HTMLElement, files: File[]): void {
  putFiles(fileInput(canvasElement), files);
}

/** The queue row of the file called `name`, once it exists. */
function rowOf(canvasElement: HTMLElement, name: string): HTMLElement | undefined {
  return [...canvasElement.querySelectorAll<HTMLElement>('[data-part="item"]')].find(
    (row) => row.querySelector('[data-part="item-name"]')?.textContent === name,
  );
}

/** Waits for the row of `name` to settle (succeeded, failed, canceled or rejected). */
export async function settledRow(canvasElement: HTMLElement, name: string): Promise<HTMLElement> {
  return waitFor(
    () => {
      const row = rowOf(canvasElement, name);
      if (row === undefined || !settledStates.has(row.dataset.state ?? "")) {
        throw new Error(`${name} has not settled (${row?.dataset.state ?? "no row"}).`);
      }
      return row;
    },
    { timeout: settleTimeoutMs },
  );
}

/** Waits for the form to settle. */
export async function settledForm(canvasElement: HTMLElement): Promise<HTMLFormElement> {
  return waitFor(
    () => {
      const form = canvasElement.querySelector<HTMLFormElement>('[data-part="upload-ui"] form');
      if (form === null || !settledStates.has(form.dataset.state ?? "")) {
        throw new Error(`The form has not settled (${form?.dataset.state ?? "no form"}).`);
      }
      return form;
    },
    { timeout: settleTimeoutMs },
  );
}

/**
 * Records every `data-state` the rows take, as they change (a MutationObserver sees each
 * committed value, however briefly it lasts).
 */
export function recordRowStates(canvasElement: HTMLElement): { states: Set<string> } {
  const states = new Set<string>();
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      const element = mutation.target as HTMLElement;
      if (element.dataset.part === "item" && element.dataset.state) {
        states.add(element.dataset.state);
      }
      for (const node of mutation.addedNodes) {
        if (node instanceof HTMLElement) {
          for (const row of node.querySelectorAll<HTMLElement>('[data-part="item"]')) {
            states.add(row.dataset.state ?? "");
          }
          if (node.dataset.part === "item") states.add(node.dataset.state ?? "");
        }
      }
    }
  });
  observer.observe(canvasElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-state"],
  });
  return { states };
}

/**
 * The file with this SHA-256 was stored exactly once, and the story's record panel says so.
 * Returns the stored upload.
 */
export async function expectStoredOnce(
  canvasElement: HTMLElement,
  emulator: EmulatorClient,
  sha256: string,
): Promise<UploadRecord> {
  const stored = (await emulator.uploads()).filter((upload) => upload.sha256 === sha256);
  await expect(stored).toHaveLength(1);
  await waitFor(
    () =>
      expect(
        canvasElement.querySelector(`[data-sha256="${sha256}"] [data-part="times-stored"]`),
      ).toHaveTextContent("once"),
    { timeout: settleTimeoutMs },
  );
  return stored[0] as UploadRecord;
}

/** A redeem-upload-token POST that carried a file (not the auto transport's empty CORS probe). */
export function isUploadRequest(request: RequestRecord): boolean {
  return (
    request.endpoint === "photo/redeem-upload-token" && request.method === "POST" && !request.probe
  );
}

/** The upload requests in the emulator's log, oldest first. */
export async function uploadRequests(emulator: EmulatorClient): Promise<RequestRecord[]> {
  return (await emulator.requests()).filter(isUploadRequest);
}
