import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import type { ReactNode } from "react";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import { randomFile, recordLiveRegion } from "../test/helpers.js";
import {
  createMockTokenSource,
  createMockTransport,
  createUploader,
  danishLabels,
  englishLabels,
  UploadProvider,
  UploadQueue,
  useAnnouncement,
  type UploadLabels,
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
        // Refused before the body was sent: retried at once (a 503 after the whole body may
        // have stored the file, and is looked up first).
        failures: [{ kind: "http", status: 503, at: "connect" }, null],
      }),
      retry: { baseDelayMs: 300, jitter: false },
    });
    const screen = await render(<UploadQueue uploader={uploader} />);
    const queue = recordLiveRegion(screen.container.querySelector('[data-part="announcer"]')!);
    uploader.add([new File(["x"], "clip.mp4", { type: "video/mp4" })]);
    await expect
      .poll(() => queue.texts.at(-1), { timeout: 5000 })
      .toMatch(/(^| )clip\.mp4 uploaded$/);
    // In this order (news faster than frames is said together, in one text).
    expect(queue.texts.join(" ")).toMatch(/clip\.mp4 failed; retrying soon .*clip\.mp4 uploaded$/);
    queue.stop();
    uploader.destroy();
  });
});

describe("UploadQueue.Announcer on a cancel after the file was sent", { timeout: 60_000 }, () => {
  let emulator: SpawnedEmulatorClient;
  beforeAll(async () => {
    emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
  });
  afterAll(async () => {
    await emulator.close();
  });

  interface Case {
    name: string;
    labels: UploadLabels;
    wrap: (queue: ReactNode) => ReactNode;
  }
  const withoutProvider = (queue: ReactNode) => queue;
  const inDanish = (queue: ReactNode) => (
    <UploadProvider labels={danishLabels}>{queue}</UploadProvider>
  );

  it.each([
    {
      language: "English (its defaults)",
      name: "sent.mp4",
      labels: englishLabels,
      wrap: withoutProvider,
    },
    {
      language: "Danish (through the provider)",
      name: "sendt.mp4",
      labels: danishLabels,
      wrap: inDanish,
    },
  ])(
    "says in $language that the canceled file may already be stored",
    async ({ name, labels, wrap }: Case) => {
      const { file, sha256 } = await randomFile(300_000, name);
      // Stored, then the answer is held back: the item sits in `processing` until canceled.
      await emulator.addFault({ endpoint: "redeem-upload-token", processingDelayMs: 60_000 });
      const screen = await render(
        wrap(<UploadQueue site={emulator.url} token={emulator.tokenUrl()} />),
      );
      const region = recordLiveRegion(screen.container.querySelector('[data-part="announcer"]')!);
      const input = screen.container.querySelector<HTMLInputElement>('input[type="file"]')!;
      await userEvent.upload(page.elementLocator(input), [file]);
      const row = () => screen.container.querySelector<HTMLElement>('[data-part="item"]');
      await expect.poll(() => row()?.dataset.state, { timeout: 10_000 }).toBe("processing");
      await expect
        .poll(async () => (await emulator.uploads()).filter((upload) => upload.sha256 === sha256), {
          timeout: 10_000,
        })
        .toHaveLength(1);

      await screen.getByRole("button", { name: labels.cancelItem(name) }).click();
      await expect
        .poll(() => region.texts.join(" "))
        .toContain(`${labels.announceCanceled(name)}: ${labels.maybeStored}`);
      expect(row()?.dataset.state).toBe("canceled");
      region.stop();
    },
  );
});
