import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "vitest-browser-react";
import {
  createMockTokenSource,
  createMockTransport,
  createUploader,
  UploadQueue,
} from "./index.js";
import { setVirtualRowsImport } from "./UploadQueueList.js";

function rowNames(container: HTMLElement): string[] {
  return [...container.querySelectorAll('[data-part="item-name"]')].map(
    (element) => element.textContent ?? "",
  );
}

afterEach(() => {
  setVirtualRowsImport(() => import("./UploadQueueVirtualRows.js"));
  vi.restoreAllMocks();
});

describe("UploadQueue.List when the virtualizer cannot be loaded", () => {
  it("renders every row in the normal flow, warns without details, and virtualizes once a retry loads", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    let attempts = 0;
    let failing = true;
    setVirtualRowsImport(() => {
      attempts += 1;
      return failing
        ? Promise.reject(
            new TypeError("Failed to fetch http://cdn.example/UploadQueueVirtualRows-abc.js"),
          )
        : import("./UploadQueueVirtualRows.js");
    });
    const uploader = createUploader({
      site: "videos.example.com",
      token: createMockTokenSource(),
      transport: createMockTransport(),
      autoStart: false,
    });
    const screen = await render(<UploadQueue uploader={uploader} />);
    const names = Array.from(
      { length: 45 },
      (_, i) => `clip-${String(i + 1).padStart(2, "0")}.mp4`,
    );
    uploader.add(names.map((name) => new File(["x"], name, { type: "video/mp4" })));

    await expect.poll(() => attempts).toBe(1);
    // Every row, the 21st to the 45th included, in order and not positioned by a virtualizer.
    await expect.poll(() => rowNames(screen.container)).toEqual(names);
    const list = screen.container.querySelector('[data-part="list-items"]') as HTMLElement;
    expect(list.style.height).toBe("");
    expect(warn).toHaveBeenCalledTimes(1);
    const warning = String(warn.mock.calls[0]?.[0]);
    expect(warning).toBe(
      "UploadQueue.List could not load its virtualizer (TypeError); rendering every row.",
    );

    // The next change of the list tries again; once loaded, only the visible rows stay.
    failing = false;
    uploader.add([new File(["x"], "clip-46.mp4", { type: "video/mp4" })]);
    await expect.poll(() => attempts).toBe(2);
    await expect.poll(() => rowNames(screen.container).length).toBeLessThan(46);
    await expect.poll(() => list.style.height).not.toBe("");
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
