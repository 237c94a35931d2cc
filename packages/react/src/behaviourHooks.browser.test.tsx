import { useRef } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { page, userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import {
  createMockTokenSource,
  createMockTransport,
  createUploader,
  danishLabels,
  UploadQueue,
  useDropZone,
  useFilePicker,
  usePaste,
  type UnreadableEntry,
} from "./index.js";

function drag(target: Element, type: string, dataTransfer: DataTransfer) {
  target.dispatchEvent(new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true }));
}

function withFile(name: string): DataTransfer {
  const transfer = new DataTransfer();
  transfer.items.add(new File(["x"], name, { type: "video/mp4" }));
  return transfer;
}

// A script cannot make Chromium produce a file entry that fails to read (entries only come from
// a real drag from the OS), so the failing entry is a stand-in returned by webkitGetAsEntry()
// for the named items of an otherwise real DataTransfer and a real drop event.
const realGetAsEntry = Object.getOwnPropertyDescriptor(
  DataTransferItem.prototype,
  "webkitGetAsEntry",
);
afterEach(() => {
  if (realGetAsEntry) {
    Object.defineProperty(DataTransferItem.prototype, "webkitGetAsEntry", realGetAsEntry);
  }
});

// webkitGetAsEntry() returns `standIn(name)` for the items it names, the real entry otherwise.
function standInEntries(standIn: (name: string) => object | null) {
  const original = realGetAsEntry?.value as (this: DataTransferItem) => FileSystemEntry | null;
  Object.defineProperty(DataTransferItem.prototype, "webkitGetAsEntry", {
    configurable: true,
    writable: true,
    value(this: DataTransferItem) {
      return standIn(this.getAsFile()?.name ?? "") ?? original.call(this);
    },
  });
}

function failReading(names: readonly string[]) {
  standInEntries((name) =>
    names.includes(name)
      ? {
          isFile: true,
          isDirectory: false,
          name,
          file: (_resolve: unknown, reject: (error: Error) => void) =>
            setTimeout(() => reject(new DOMException("gone", "NotFoundError"))),
        }
      : null,
  );
}

// Likewise, a dropped folder stands in for the named items: an empty one.
function dropAsEmptyFolder(names: readonly string[]) {
  standInEntries((name) =>
    names.includes(name)
      ? {
          isFile: false,
          isDirectory: true,
          name,
          createReader: () => ({
            readEntries: (resolve: (entries: FileSystemEntry[]) => void) =>
              setTimeout(() => resolve([])),
          }),
        }
      : null,
  );
}

function withFiles(names: readonly string[]): DataTransfer {
  const transfer = new DataTransfer();
  for (const name of names) {
    transfer.items.add(new File(["x"], name, { type: "video/mp4" }));
  }
  return transfer;
}

describe("useFilePicker", () => {
  it("clears the input before opening, so the same file can be chosen again", async () => {
    const onFiles = vi.fn();
    function Picker() {
      const { inputProps, triggerProps } = useFilePicker({ onFiles, accept: ["video/*", ".mov"] });
      return (
        <>
          <input {...inputProps} data-testid="input" />
          <button {...triggerProps}>Pick</button>
        </>
      );
    }
    const screen = await render(<Picker />);
    const input = screen.getByTestId("input").element() as HTMLInputElement;
    expect(input.hidden).toBe(true);
    expect(input.accept).toBe("video/*,.mov");
    expect(input.multiple).toBe(true);
    const opened = vi.fn((event: Event) => event.preventDefault());
    input.addEventListener("click", opened);

    const file = new File(["same"], "same.mp4", { type: "video/mp4" });
    await userEvent.upload(page.elementLocator(input), file);
    expect(onFiles).toHaveBeenLastCalledWith([file]);
    expect(input.files).toHaveLength(1);
    await screen.getByRole("button", { name: "Pick" }).click();
    expect(opened).toHaveBeenCalledTimes(1);
    expect(input.value).toBe("");
    expect(input.files).toHaveLength(0);
  });
});

describe("useDropZone", () => {
  it("counts enter/leave over nested elements, passes dropped files, and works from the keyboard", async () => {
    const onFiles = vi.fn();
    const open = vi.fn();
    function Zone() {
      const { dropZoneProps, isDragOver } = useDropZone({ onFiles, open, label: "Drop here" });
      return (
        <div {...dropZoneProps} role="button" tabIndex={0}>
          <span data-testid="child">{isDragOver ? "over" : "idle"}</span>
        </div>
      );
    }
    const screen = await render(<Zone />);
    const zone = screen.getByRole("button", { name: "Drop here" }).element();
    const child = screen.getByTestId("child").element();
    const transfer = withFile("dropped.mp4");
    drag(zone, "dragenter", transfer);
    drag(child, "dragenter", transfer);
    drag(zone, "dragleave", transfer);
    await expect.poll(() => zone.hasAttribute("data-drag-over")).toBe(true);
    expect(child.textContent).toBe("over");
    drag(child, "dragleave", transfer);
    await expect.poll(() => zone.hasAttribute("data-drag-over")).toBe(false);

    drag(zone, "dragenter", transfer);
    const over = new DragEvent("dragover", {
      dataTransfer: transfer,
      bubbles: true,
      cancelable: true,
    });
    zone.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    drag(zone, "drop", transfer);
    await expect.poll(() => onFiles.mock.calls.length).toBe(1);
    expect(onFiles.mock.calls[0]?.[0].map((file: File) => file.name)).toEqual(["dropped.mp4"]);

    (zone as HTMLElement).focus();
    await userEvent.keyboard("{Enter}");
    await userEvent.keyboard(" ");
    expect(open).toHaveBeenCalledTimes(2);
  });

  it("ignores drops while disabled but still keeps the browser from opening the file", async () => {
    const onFiles = vi.fn();
    function Zone() {
      const { dropZoneProps } = useDropZone({ onFiles, disabled: true, label: "Off" });
      return <div {...dropZoneProps} role="button" tabIndex={dropZoneProps.tabIndex} />;
    }
    const screen = await render(<Zone />);
    const zone = screen.getByRole("button", { name: "Off" }).element();
    expect(zone.getAttribute("aria-disabled")).toBe("true");
    expect(zone.hasAttribute("data-disabled")).toBe(true);
    const drop = new DragEvent("drop", {
      dataTransfer: withFile("no.mp4"),
      bubbles: true,
      cancelable: true,
    });
    zone.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onFiles).not.toHaveBeenCalled();
  });
});

describe("usePaste", () => {
  it("takes pasted files inside its target and leaves text pastes alone", async () => {
    const onFiles = vi.fn();
    function Area() {
      const ref = useRef<HTMLDivElement | null>(null);
      usePaste({ onFiles, target: ref });
      return (
        <div ref={ref}>
          <textarea aria-label="inside" />
        </div>
      );
    }
    const screen = await render(
      <>
        <Area />
        <textarea aria-label="outside" />
      </>,
    );
    const paste = (target: Element, transfer: DataTransfer) => {
      const event = new ClipboardEvent("paste", {
        clipboardData: transfer,
        bubbles: true,
        cancelable: true,
      });
      target.dispatchEvent(event);
      return event;
    };
    const text = new DataTransfer();
    text.setData("text/plain", "hello");
    expect(paste(screen.getByLabelText("inside").element(), text).defaultPrevented).toBe(false);
    expect(onFiles).not.toHaveBeenCalled();

    expect(
      paste(screen.getByLabelText("outside").element(), withFile("elsewhere.png")).defaultPrevented,
    ).toBe(false);
    expect(onFiles).not.toHaveBeenCalled();

    expect(
      paste(screen.getByLabelText("inside").element(), withFile("shot.png")).defaultPrevented,
    ).toBe(true);
    expect(onFiles.mock.calls[0]?.[0].map((file: File) => file.name)).toEqual(["shot.png"]);
  });

  it("passes the readable files of a drop and reports an unreadable entry instead of losing all", async () => {
    failReading(["gone.mp4"]);
    const onFiles = vi.fn();
    const onUnreadable = vi.fn();
    function Zone() {
      const { dropZoneProps } = useDropZone({ onFiles, onUnreadable, label: "Drop" });
      return <div {...dropZoneProps} role="button" tabIndex={0} />;
    }
    const screen = await render(<Zone />);
    const zone = screen.getByRole("button", { name: "Drop" }).element();
    const transfer = withFiles(["first.mp4", "gone.mp4", "last.mp4"]);
    drag(zone, "dragenter", transfer);
    drag(zone, "drop", transfer);
    await expect.poll(() => onUnreadable.mock.calls.length).toBe(1);
    expect(onFiles).toHaveBeenCalledTimes(1);
    expect(onFiles.mock.calls[0]?.[0].map((file: File) => file.name)).toEqual([
      "first.mp4",
      "last.mp4",
    ]);
    expect(onUnreadable.mock.calls[0]?.[0]).toEqual([
      {
        name: "gone.mp4",
        rejection: {
          code: "unreadable",
          message: "gone.mp4 could not be read (NotFoundError) and was not added.",
        },
      },
    ] satisfies UnreadableEntry[]);
  });
});

/** One uploader shown by an English and a Danish queue, and the parts a drop test looks at. */
async function englishAndDanishQueues() {
  const uploader = createUploader({
    site: "videos.example.com",
    token: createMockTokenSource(),
    transport: createMockTransport({ durationMs: 20, progressSteps: 1 }),
    autoStart: false,
  });
  const screen = await render(
    <>
      <UploadQueue uploader={uploader} data-testid="en" />
      <UploadQueue uploader={uploader} labels={danishLabels} data-testid="da" paste={false} />
    </>,
  );
  const queue = (testId: "en" | "da") => {
    const root = screen.getByTestId(testId).element();
    const part = (name: string) => root.querySelector(`[data-part="${name}"]`) as Element;
    return {
      root,
      zone: part("drop-zone"),
      errors: part("drop-errors"),
      announcer: part("announcer"),
    };
  };
  return { uploader, queue };
}

/** Drops `names` on the queue and waits until DropErrors and the announcer say `sentence`. */
async function dropAndHear(
  queue: { zone: Element; errors: Element; announcer: Element },
  names: readonly string[],
  sentence: string,
) {
  expect(queue.errors.getAttribute("data-state")).toBe("empty");
  const transfer = withFiles(names);
  drag(queue.zone, "dragenter", transfer);
  drag(queue.zone, "drop", transfer);
  await expect.poll(() => queue.errors.textContent).toBe(sentence);
  await expect.poll(() => queue.announcer.textContent).toBe(sentence);
  expect(queue.errors.getAttribute("data-state")).toBe("rejected");
}

describe("UploadQueue drops that bring something it cannot add", () => {
  it("adds the readable files as rows and names the unreadable one (English and Danish)", async () => {
    failReading(["gone.mp4"]);
    const { uploader, queue } = await englishAndDanishQueues();
    for (const [testId, expected] of [
      ["en", "gone.mp4 could not be read (NotFoundError) and was not added."],
      ["da", "gone.mp4 kunne ikke læses og blev ikke tilføjet."],
    ] as const) {
      const parts = queue(testId);
      const before = uploader.getSnapshot().items.length;
      await dropAndHear(parts, [`${testId}-a.mp4`, "gone.mp4", `${testId}-b.mp4`], expected);
      expect(
        uploader
          .getSnapshot()
          .items.slice(before)
          .map((item) => item.name),
      ).toEqual([`${testId}-a.mp4`, `${testId}-b.mp4`]);
      await expect
        .poll(() => parts.root.querySelectorAll('[data-part="item-name"]').length)
        .toBeGreaterThanOrEqual(before + 2);
    }
  });

  it("says a dropped folder was empty instead of doing nothing (English and Danish)", async () => {
    dropAsEmptyFolder(["holiday"]);
    const { uploader, queue } = await englishAndDanishQueues();
    await dropAndHear(
      queue("en"),
      ["holiday"],
      "holiday is an empty folder: there was nothing in it to add.",
    );
    await dropAndHear(
      queue("da"),
      ["holiday"],
      "holiday er en tom mappe: der var intet i den at tilføje.",
    );
    expect(uploader.getSnapshot().items).toEqual([]);
  });
});
