import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { StrictMode } from "react";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import {
  callbackPageUrl,
  lastRequestId,
  randomFile,
  recordAttribute,
  expectIndeterminateWhileUploading,
  recordProgressBars,
  recordLiveRegion,
  requestsTo,
} from "../test/helpers.js";
import { UploadQueue } from "./index.js";

let emulator: SpawnedEmulatorClient;
beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
});
afterAll(async () => {
  await emulator.close();
});

/** Token source URL: the emulator's token endpoint, callbacks to its echo page (the seed flow). */
const tokenUrl = () => emulator.tokenUrl({ return_url: emulator.returnUrl({ theme: "green" }) });

function fileInput(container: HTMLElement): HTMLInputElement {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) {
    throw new Error("no file input");
  }
  return input;
}

/** Chooses files through the queue's own (hidden) file input, as the picker would. */
async function choose(container: HTMLElement, files: File[]) {
  await userEvent.upload(page.elementLocator(fileInput(container)), files);
}

function row(container: HTMLElement, name: string): HTMLElement | null {
  return (
    [...container.querySelectorAll<HTMLElement>('[data-part="item"]')].find(
      (element) => element.querySelector('[data-part="item-name"]')?.textContent === name,
    ) ?? null
  );
}

describe("UploadQueue against the emulator", { timeout: 60_000 }, () => {
  // Progress needs a throttled body: on loopback, socket buffers swallow several MB at once, so
  // the emulator reads slowly (with TCP back-pressure) and the file is larger than the buffers.
  it("uploads a real file with a moving progress bar, shows the video id and announces once", async () => {
    const { file, sha256 } = await randomFile(12_000_000, "first.mp4");
    await emulator.addFault({ endpoint: "redeem-upload-token", bytesPerSecond: 4_000_000 });
    const screen = await render(<UploadQueue site={emulator.url} token={tokenUrl()} />);
    const region = recordLiveRegion(screen.container.querySelector('[role="status"]')!);
    await choose(screen.container, [file]);
    const progress = screen.getByRole("progressbar", { name: "Upload of first.mp4" });
    await expect.element(progress).toBeInTheDocument();
    const values = recordAttribute(progress.element(), "aria-valuenow");
    await expect
      .poll(() => row(screen.container, "first.mp4")?.dataset.state, { timeout: 30_000 })
      .toBe("succeeded");
    values.stop();
    const between = values.values.map(Number).filter((value) => value > 0 && value < 100);
    expect(between.length).toBeGreaterThan(0);
    expect(values.values.map(Number)).toEqual([...values.values.map(Number)].sort((a, b) => a - b));
    expect(progress.element().getAttribute("aria-valuetext")).toMatch(/^100% \(12 MB of 12 MB\)$/);

    const stored = (await emulator.uploads()).find((upload) => upload.sha256 === sha256);
    expect(stored?.size).toBe(file.size);
    await expect
      .element(screen.getByText(`Uploaded. Video id: ${stored?.photoId}`, { exact: true }))
      .toBeVisible();
    await expect.element(screen.getByText("1 of 1 file uploaded")).toBeVisible();
    region.stop();
    // In this order, each once (news faster than frames is said together, in one text).
    expect(region.texts.join(" ")).toBe("Uploading first.mp4 first.mp4 uploaded");
  });

  it("cancels an upload in flight, keeps focus in the row, and retries it once", async () => {
    const { file, sha256 } = await randomFile(16_000_000, "cancel-me.mp4");
    await emulator.addFault({ endpoint: "redeem-upload-token", bytesPerSecond: 2_000_000 });
    const screen = await render(<UploadQueue site={emulator.url} token={tokenUrl()} />);
    await choose(screen.container, [file]);
    const progress = screen.getByRole("progressbar", { name: "Upload of cancel-me.mp4" });
    await expect
      .poll(() => Number(progress.element().getAttribute("aria-valuenow")), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await screen.getByRole("button", { name: "Cancel cancel-me.mp4" }).click();
    await expect.element(screen.getByText("Canceled", { exact: true })).toBeVisible();
    const retry = screen.getByRole("button", { name: "Retry cancel-me.mp4" });
    await expect.poll(() => document.activeElement).toBe(retry.element());
    expect(await emulator.uploads()).not.toContainEqual(expect.objectContaining({ sha256 }));

    await userEvent.keyboard("{Enter}");
    await expect
      .poll(() => row(screen.container, "cancel-me.mp4")?.dataset.state, { timeout: 20_000 })
      .toBe("succeeded");
    const copies = (await emulator.uploads()).filter((upload) => upload.sha256 === sha256);
    expect(copies).toHaveLength(1);
  });

  it("shows a failure with its reason and retries on request", async () => {
    const { file, sha256 } = await randomFile(32 * 1024, "flaky.mp4");
    await emulator.addFault({ endpoint: "redeem-upload-token", status: 503 });
    const screen = await render(
      <UploadQueue site={emulator.url} token={tokenUrl()} retry={false} />,
    );
    const region = recordLiveRegion(screen.container.querySelector('[role="status"]')!);
    await choose(screen.container, [file]);
    await expect
      .element(
        screen.getByText("Failed: The server answered with an error. HTTP 503.", { exact: true }),
        {
          timeout: 10_000,
        },
      )
      .toBeVisible();
    // The last news (said together with any earlier one that no frame had shown yet).
    await expect
      .poll(() => region.texts.at(-1))
      .toMatch(/(^| )flaky\.mp4 failed: The server answered with an error\. HTTP 503\.$/);
    await screen.getByRole("button", { name: "Retry flaky.mp4" }).click();
    await expect
      .poll(() => row(screen.container, "flaky.mp4")?.dataset.state, { timeout: 10_000 })
      .toBe("succeeded");
    expect((await emulator.uploads()).filter((u) => u.sha256 === sha256)).toHaveLength(1);
  });

  it("refuses invalid files with a message per file and sends nothing for them", async () => {
    const before = await lastRequestId(emulator);
    const screen = await render(
      <UploadQueue site={emulator.url} token={tokenUrl()} accept="video/*" maxSize={2000} />,
    );
    const text = new File(["hello"], "notes.txt", { type: "text/plain" });
    const large = new File([new Uint8Array(5000)], "large.mp4", { type: "video/mp4" });
    await choose(screen.container, [text, large]);
    await expect.poll(() => row(screen.container, "notes.txt")?.dataset.state).toBe("rejected");
    expect(row(screen.container, "large.mp4")?.dataset.state).toBe("rejected");
    const statuses = [...screen.container.querySelectorAll('[data-part="item-status"]')].map(
      (element) => element.textContent,
    );
    expect(statuses[0]).toMatch(/^Not added: .*notes\.txt/);
    expect(statuses[1]).toMatch(/^Not added: .*large\.mp4/);
    expect(await requestsTo(emulator, "photo/redeem-upload-token", before)).toHaveLength(0);
    expect(await requestsTo(emulator, "token", before)).toHaveLength(0);
  });

  it("uploads a file dropped twice once, and says the second is already in the queue", async () => {
    const { file, sha256 } = await randomFile(64 * 1024, "twice.mp4");
    const screen = await render(<UploadQueue site={emulator.url} token={tokenUrl()} />);
    const region = recordLiveRegion(screen.container.querySelector('[role="status"]')!);
    const zone = screen.getByRole("button", { name: /^Add files/ }).element() as HTMLElement;
    // Each drop hands over a new File object for the same file on disk.
    const drop = () => {
      const dragged = new DataTransfer();
      dragged.items.add(new File([file], file.name, { type: file.type, lastModified: 1 }));
      zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dragged, bubbles: true }));
      zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dragged, bubbles: true }));
    };
    drop();
    const rows = () => [...screen.container.querySelectorAll<HTMLElement>('[data-part="item"]')];
    await expect.poll(() => rows().length).toBe(1);
    drop();
    await expect
      .poll(() => rows().map((item) => item.dataset.state), { timeout: 10_000 })
      .toEqual(["succeeded", "rejected"]);
    expect(rows()[1]?.querySelector('[data-part="item-status"]')?.textContent).toBe(
      "Not added: twice.mp4 is already in the queue.",
    );
    // Announced (alone, or in one sentence with the first file's news).
    await expect
      .poll(() => region.texts.join(" "))
      .toContain("twice.mp4 was not added: twice.mp4 is already in the queue.");
    region.stop();
    expect((await emulator.uploads()).filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
  });

  it("adds dropped and pasted files, and opens the picker from the keyboard", async () => {
    const screen = await render(
      <UploadQueue site={emulator.url} token={tokenUrl()} autoStart={false} />,
    );
    const zone = screen.getByRole("button", { name: /^Add files/ }).element() as HTMLElement;
    const dragged = new DataTransfer();
    dragged.items.add(new File(["a"], "dropped.mp4", { type: "video/mp4" }));
    zone.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dragged, bubbles: true }));
    await expect.poll(() => zone.hasAttribute("data-drag-over")).toBe(true);
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dragged, bubbles: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dragged, bubbles: true }));
    await expect.poll(() => row(screen.container, "dropped.mp4")?.dataset.state).toBe("queued");
    expect(zone.hasAttribute("data-drag-over")).toBe(false);

    const clipboard = new DataTransfer();
    clipboard.items.add(new File(["b"], "pasted.png", { type: "image/png" }));
    zone.focus();
    zone.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true }));
    await expect.poll(() => row(screen.container, "pasted.png")?.dataset.state).toBe("queued");

    const input = fileInput(screen.container);
    let opened = 0;
    input.addEventListener("click", (event) => {
      opened += 1;
      event.preventDefault();
    });
    await userEvent.keyboard("{Enter}");
    await userEvent.keyboard(" ");
    expect(opened).toBe(2);
  });

  it("falls back to the iframe transport without CORS: indeterminate progress, stored exactly once", async () => {
    const closed = await createEmulatorClient(inject("emulatorUrl")).spawn({ cors: "none" });
    try {
      // Slow enough that the upload is visibly in progress for a while.
      await closed.addFault({ bytesPerSecond: 32 * 1024 });
      const { file, sha256 } = await randomFile(64 * 1024, "no-cors.mp4");
      const token = closed.tokenUrl({ return_url: callbackPageUrl(closed.url) });
      const screen = await render(<UploadQueue site={closed.url} token={token} />);
      const bars = recordProgressBars(
        screen.container,
        '[data-part="item"] [data-part="progress"]',
      );
      const totals = recordProgressBars(screen.container, '[data-part="progress"][data-total]');
      await choose(screen.container, [file]);
      await expect
        .poll(() => row(screen.container, "no-cors.mp4")?.dataset.state, { timeout: 20_000 })
        .toBe("succeeded");
      bars.stop();
      totals.stop();
      const uploads = await closed.uploads();
      expect(uploads).toHaveLength(1);
      const [stored] = uploads;
      expect(stored?.sha256).toBe(sha256);
      expect(uploads.filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
      // No byte progress through an iframe: the bar says so instead of showing a number.
      expectIndeterminateWhileUploading(bars.looks);
      // The total bar too: indeterminate while the upload runs, never a made-up part of 100.
      const busy = totals.looks.filter((look) => look.state === "busy");
      expect(busy.some((look) => look.indeterminate && look.valueNow === null)).toBe(true);
      expect(busy.filter((look) => !["0", "100", null].includes(look.valueNow))).toEqual([]);
      await expect
        .element(screen.getByText(`Uploaded. Video id: ${stored?.photoId}`))
        .toBeVisible();
    } finally {
      await closed.close();
    }
  });

  it("under StrictMode requests one token and sends one upload per file", async () => {
    const before = await lastRequestId(emulator);
    const one = await randomFile(40_000, "strict-1.mp4");
    const two = await randomFile(50_000, "strict-2.mp4");
    const screen = await render(
      <StrictMode>
        <UploadQueue site={emulator.url} token={tokenUrl()} />
      </StrictMode>,
    );
    await choose(screen.container, [one.file, two.file]);
    await expect
      .poll(
        () =>
          screen.container.querySelectorAll('[data-state="succeeded"][data-part="item"]').length,
        {
          timeout: 20_000,
        },
      )
      .toBe(2);
    // POSTs that carry a token (core's auto transport may first send a token-less CORS probe).
    const posts = async (endpoint: "token" | "photo/redeem-upload-token") =>
      (await requestsTo(emulator, endpoint, before)).filter(
        (request) =>
          request.method === "POST" && (endpoint === "token" || request.uploadToken !== null),
      );
    expect(await posts("token")).toHaveLength(2);
    expect(await posts("photo/redeem-upload-token")).toHaveLength(2);
    const uploads = await emulator.uploads();
    for (const { sha256 } of [one, two]) {
      expect(uploads.filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
    }
  });
});
