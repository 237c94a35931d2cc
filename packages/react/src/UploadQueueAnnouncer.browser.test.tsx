import { afterEach, describe, expect, it } from "vitest";
import { render } from "vitest-browser-react";
import { recordLiveRegion } from "../test/helpers.js";
import {
  createMockTokenSource,
  createMockTransport,
  createUploader,
  englishLabels,
  UploadQueue,
  useAnnouncement,
  type Uploader,
} from "./index.js";

const site = "videos.example.com";

/** Makes the page offline or online as the uploader sees it: `navigator.onLine` and the event. */
function setOnline(online: boolean): void {
  if (online) {
    Reflect.deleteProperty(navigator, "onLine");
  } else {
    Object.defineProperty(navigator, "onLine", { configurable: true, get: () => false });
  }
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

/** The live region of a custom UI (as `<UploadForm>` renders it): `useAnnouncement`'s text. */
function Region({ uploader }: { uploader: Uploader }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="own-region">
      {useAnnouncement(uploader, englishLabels)}
    </div>
  );
}

afterEach(() => setOnline(true));

describe("UploadQueue.Announcer and useAnnouncement", () => {
  it("announce going offline, and say it again when the connection drops a second time", async () => {
    const uploader = createUploader({
      site,
      token: createMockTokenSource(),
      transport: createMockTransport(),
      autoStart: false,
    });
    const screen = await render(
      <>
        <UploadQueue uploader={uploader} />
        <Region uploader={uploader} />
      </>,
    );
    const queue = recordLiveRegion(screen.container.querySelector('[data-part="announcer"]')!);
    const own = recordLiveRegion(screen.getByTestId("own-region").element());
    uploader.add([new File(["x"], "clip.mp4", { type: "video/mp4" })]);
    const row = () => screen.container.querySelector<HTMLElement>('[data-part="item"]');
    const paused = "Offline: clip.mp4 paused until the connection is back";

    setOnline(false);
    await expect.poll(() => queue.texts).toEqual([paused]);
    setOnline(true);
    // Rendered (React renders engine changes a task later), not only changed in the engine.
    await expect.poll(() => row()?.dataset.state).toBe("queued");
    // Nothing news-worthy until the next drop: the same sentence is then due again.
    setOnline(false);
    await expect.poll(() => queue.texts).toEqual([paused, paused]);
    await expect.poll(() => own.texts).toEqual([paused, paused]);
    queue.stop();
    own.stop();
    uploader.destroy();
  });

  it("announce an automatic retry, then the success", async () => {
    const uploader = createUploader({
      site,
      token: createMockTokenSource(),
      transport: createMockTransport({
        durationMs: 50,
        failures: [{ kind: "http", status: 503 }, null],
      }),
      retry: { baseDelayMs: 300, jitter: false },
    });
    const screen = await render(<UploadQueue uploader={uploader} />);
    const queue = recordLiveRegion(screen.container.querySelector('[data-part="announcer"]')!);
    uploader.add([new File(["x"], "clip.mp4", { type: "video/mp4" })]);
    await expect.poll(() => queue.texts.at(-1), { timeout: 5000 }).toBe("clip.mp4 uploaded");
    expect(queue.texts).toContain("clip.mp4 failed; retrying soon");
    expect(queue.texts.indexOf("clip.mp4 failed; retrying soon")).toBeLessThan(
      queue.texts.indexOf("clip.mp4 uploaded"),
    );
    queue.stop();
    uploader.destroy();
  });
});
