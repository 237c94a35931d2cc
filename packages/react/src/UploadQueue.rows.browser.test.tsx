import { Profiler } from "react";
import { describe, expect, it } from "vitest";
import { render } from "vitest-browser-react";
import {
  createMockTokenSource,
  createMockTransport,
  createUploader,
  renderUploadQueueItem,
  UploadQueue,
} from "./index.js";

const site = "videos.example.com";

function rows(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-part="item"]')];
}

describe("UploadQueue rows", () => {
  it("re-renders a row only when its own item changes", async () => {
    const uploader = createUploader({
      site,
      token: createMockTokenSource(),
      transport: createMockTransport({ durationMs: 400, progressSteps: 8 }),
      autoStart: false,
    });
    const commits = new Map<string, number>();
    const renderRow = (id: string) => (
      <Profiler id={id} onRender={() => commits.set(id, (commits.get(id) ?? 0) + 1)}>
        {renderUploadQueueItem(id)}
      </Profiler>
    );
    const screen = await render(<UploadQueue uploader={uploader} renderItem={renderRow} />);
    const files = ["a.mp4", "b.mp4", "c.mp4"].map(
      (name) => new File([new Uint8Array(1000)], name, { type: "video/mp4" }),
    );
    const [first, second, third] = uploader.add(files) as [string, string, string];
    await expect.poll(() => rows(screen.container).length).toBe(3);
    // Let mount-time measurements settle before counting.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    const before = new Map(commits);

    uploader.start(first);
    await expect
      .poll(() => uploader.getSnapshot().byId.get(first)?.status, { timeout: 5000 })
      .toBe("succeeded");
    await expect.poll(() => rows(screen.container)[0]?.dataset.state).toBe("succeeded");

    expect((commits.get(first) ?? 0) - (before.get(first) ?? 0)).toBeGreaterThan(3);
    expect(commits.get(second)).toBe(before.get(second));
    expect(commits.get(third)).toBe(before.get(third));
    uploader.destroy();
  });

  it("renders every row of a short list, without virtualizing it", async () => {
    const uploader = createUploader({
      site,
      token: createMockTokenSource(),
      transport: createMockTransport(),
      autoStart: false,
    });
    const screen = await render(<UploadQueue uploader={uploader} />);
    uploader.add(
      Array.from(
        { length: 20 },
        (_, index) => new File(["x"], `short-${index}.mp4`, { type: "video/mp4" }),
      ),
    );
    await expect.poll(() => rows(screen.container).length).toBe(20);
    expect(rows(screen.container).at(-1)?.textContent).toContain("short-19.mp4");
    // Rows in the normal flow: nothing positions them.
    expect(rows(screen.container).every((row) => row.style.position === "")).toBe(true);
    // Every row is in the DOM, so the browser counts them itself: no set size or position.
    expect(rows(screen.container).some((row) => row.hasAttribute("aria-setsize"))).toBe(false);
    expect(rows(screen.container).some((row) => row.hasAttribute("aria-posinset"))).toBe(false);
    uploader.destroy();
  });

  it("tells screen readers the whole length and each row's place in a virtualized list", async () => {
    const uploader = createUploader({
      site,
      token: createMockTokenSource(),
      transport: createMockTransport(),
      autoStart: false,
    });
    const screen = await render(<UploadQueue uploader={uploader} />);
    uploader.add(
      Array.from(
        { length: 100 },
        (_, index) => new File(["x"], `long-${index}.mp4`, { type: "video/mp4" }),
      ),
    );
    const places = () =>
      rows(screen.container).map((row) => [
        row.getAttribute("aria-setsize"),
        row.getAttribute("aria-posinset"),
        String(Number(row.dataset.index) + 1),
      ]);
    await expect.poll(() => rows(screen.container).length).toBeGreaterThan(0);
    expect(rows(screen.container).length).toBeLessThan(100);
    for (const [size, position, expected] of places()) {
      expect([size, position]).toEqual(["100", expected]);
    }
    const list = screen.container.querySelector<HTMLElement>('[data-part="list"]')!;
    await expect.poll(() => list.scrollHeight).toBeGreaterThan(100 * 20);
    list.scrollTop = list.scrollHeight;
    await expect.poll(() => places().some(([, position]) => position === "100")).toBe(true);
    expect(rows(screen.container).length).toBeLessThan(100);
    for (const [size, position, expected] of places()) {
      expect([size, position]).toEqual(["100", expected]);
    }
    // One more file: every rendered row learns the new length.
    uploader.add([new File(["x"], "long-100.mp4", { type: "video/mp4" })]);
    await expect.poll(() => places().every(([size]) => size === "101")).toBe(true);
    uploader.destroy();
  });

  it("keeps 10,000 files smooth: only visible rows are in the DOM, and scrolling shows later ones", async () => {
    const uploader = createUploader({
      site,
      token: createMockTokenSource(),
      transport: createMockTransport(),
      autoStart: false,
    });
    const screen = await render(<UploadQueue uploader={uploader} />);
    const files = Array.from(
      { length: 10_000 },
      (_, index) => new File(["x"], `file-${index}.mp4`, { type: "video/mp4" }),
    );
    uploader.add(files);
    await expect.poll(() => rows(screen.container).length).toBeGreaterThan(0);
    expect(rows(screen.container).length).toBeLessThan(60);
    await expect.element(screen.getByText("0 of 10000 files uploaded")).toBeVisible();

    const list = screen.container.querySelector<HTMLElement>('[data-part="list"]')!;
    // The virtualizer is loaded on demand: the list shows its first rows meanwhile.
    await expect.poll(() => list.scrollHeight).toBeGreaterThan(10_000 * 20);
    list.scrollTop = list.scrollHeight;
    await expect
      .poll(() => rows(screen.container).some((row) => row.textContent?.includes("file-9999.mp4")))
      .toBe(true);
    expect(rows(screen.container).length).toBeLessThan(60);
    expect(rows(screen.container).some((row) => row.textContent?.includes("file-0.mp4"))).toBe(
      false,
    );
    uploader.destroy();
  });
});
