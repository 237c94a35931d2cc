import { describe, expect, it } from "vitest";
import { render } from "vitest-browser-react";
import {
  createMockTokenSource,
  createMockTransport,
  createUploader,
  UploadQueue,
  type UploaderOptions,
} from "./index.js";

const site = "videos.example.com";

const make = (options: Partial<UploaderOptions> = {}) =>
  createUploader({
    site,
    token: createMockTokenSource(),
    transport: createMockTransport(),
    ...options,
  });

const names = (container: HTMLElement) =>
  [...container.querySelectorAll('[data-part="item-name"]')].map((name) => name.textContent);

/** Dispatches a drag event carrying `files` on `target`; returns whether it was canceled. */
function drag(target: Element, type: string, files: File[]): boolean {
  const dataTransfer = new DataTransfer();
  for (const file of files) {
    dataTransfer.items.add(file);
  }
  const event = new DragEvent(type, { dataTransfer, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Dispatches a cancelable `beforeunload`; returns whether something asked to stay. */
function leave(): boolean {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe("UploadQueue.Root", () => {
  it("adds files dropped on the list, not only on the drop zone, and keeps the browser from opening them", async () => {
    const uploader = make({ autoStart: false });
    const screen = await render(<UploadQueue uploader={uploader} />);
    uploader.add([new File(["a"], "first.mp4", { type: "video/mp4" })]);
    await expect.poll(() => names(screen.container)).toEqual(["first.mp4"]);
    const list = screen.container.querySelector('[data-part="list"]')!;
    const dropped = [new File(["b"], "on-the-list.mp4", { type: "video/mp4" })];
    expect(drag(list, "dragenter", dropped)).toBe(true);
    expect(drag(list, "dragover", dropped)).toBe(true);
    expect(drag(list, "drop", dropped)).toBe(true);
    await expect.poll(() => names(screen.container)).toEqual(["first.mp4", "on-the-list.mp4"]);
    // A drop on the zone is handled there once, not a second time by the root.
    const zone = screen.container.querySelector('[data-part="drop-zone"]')!;
    expect(drag(zone, "drop", [new File(["c"], "on-the-zone.mp4", { type: "video/mp4" })])).toBe(
      true,
    );
    await expect
      .poll(() => names(screen.container))
      .toEqual(["first.mp4", "on-the-list.mp4", "on-the-zone.mp4"]);
    expect(uploader.getSnapshot().items).toHaveLength(3);
    uploader.destroy();
  });

  it("catches but ignores drops while disabled", async () => {
    const uploader = make({ autoStart: false });
    const screen = await render(<UploadQueue uploader={uploader} disabled />);
    const summary = screen.container.querySelector('[data-part="summary"]')!;
    const file = [new File(["a"], "ignored.mp4", { type: "video/mp4" })];
    expect(drag(summary, "dragover", file)).toBe(true);
    expect(drag(summary, "drop", file)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(uploader.getSnapshot().items).toHaveLength(0);
    uploader.destroy();
  });

  it("asks before the page is left only while uploads are in flight", async () => {
    const uploader = make({ transport: createMockTransport({ durationMs: 1500 }) });
    const screen = await render(<UploadQueue uploader={uploader} />);
    expect(leave()).toBe(false);
    uploader.add([new File(["a"], "busy.mp4", { type: "video/mp4" })]);
    await expect
      .poll(() => screen.container.firstElementChild?.getAttribute("data-state"))
      .toBe("busy");
    expect(leave()).toBe(true);
    await expect
      .poll(() => uploader.getSnapshot().items[0]?.status, { timeout: 10_000 })
      .toBe("succeeded");
    await expect.poll(() => leave()).toBe(false);
    uploader.destroy();
  });

  it("does not ask with warnBeforeUnload={false}", async () => {
    const uploader = make({ transport: createMockTransport({ durationMs: 1500 }) });
    const screen = await render(<UploadQueue uploader={uploader} warnBeforeUnload={false} />);
    uploader.add([new File(["a"], "busy.mp4", { type: "video/mp4" })]);
    await expect
      .poll(() => screen.container.firstElementChild?.getAttribute("data-state"))
      .toBe("busy");
    expect(leave()).toBe(false);
    uploader.destroy();
  });
});
