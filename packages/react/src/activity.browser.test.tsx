import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import * as React from "react";
import type { ComponentType, ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { render } from "vitest-browser-react";
import { createUploaderProbe, UploaderSpy } from "../test/reliability/harness.js";
import { pickFiles, randomFile } from "../test/helpers.js";
import { UploadForm, UploadQueue } from "./index.js";

// <Activity> (React 19.2) cleans a hidden tree's effects up as if it were unmounted, and keeps
// its state and DOM for when it is shown again. The React 18 project has no <Activity>.
const Activity = (
  React as unknown as {
    Activity?: ComponentType<{ mode: "visible" | "hidden"; children: ReactNode }>;
  }
).Activity;

let emulator: SpawnedEmulatorClient;
beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn({ encodingDelayMs: 0 });
});
afterAll(async () => {
  await emulator.close();
});

const tokenUrl = (name: string) =>
  emulator.tokenUrl({ return_url: emulator.returnUrl({ case: name }) });

/** Lets timers that effect cleanups scheduled (a deferred destroy) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function stateOf(container: HTMLElement, name: string): string | undefined {
  return [...container.querySelectorAll<HTMLElement>('[data-part="item"]')].find(
    (row) => row.querySelector('[data-part="item-name"]')?.textContent === name,
  )?.dataset.state;
}

async function stored(sha256: string) {
  return (await emulator.uploads()).filter((upload) => upload.sha256 === sha256);
}

describe.skipIf(!Activity)("hidden by <Activity>", { timeout: 60_000 }, () => {
  const Shown = Activity!;

  it("UploadQueue, hidden then shown again, uploads a file added afterwards", async () => {
    const tree = (mode: "visible" | "hidden") => (
      <Shown mode={mode}>
        <UploadQueue site={emulator.url} token={tokenUrl("queue-after")} />
      </Shown>
    );
    const screen = await render(tree("visible"));
    await screen.rerender(tree("hidden"));
    await settle();
    await screen.rerender(tree("visible"));
    const { file, sha256 } = await randomFile(64 * 1024, "after.mp4");
    pickFiles(screen.container, [file]);
    await expect
      .poll(() => stateOf(screen.container, "after.mp4"), { timeout: 20_000 })
      .toBe("succeeded");
    expect(await stored(sha256)).toHaveLength(1);
  });

  it("UploadQueue keeps uploading while hidden: the file in flight and the queued one, each once", async () => {
    const probe = createUploaderProbe();
    const tree = (mode: "visible" | "hidden") => (
      <Shown mode={mode}>
        <UploadQueue site={emulator.url} token={tokenUrl("queue-during")} concurrency={1}>
          <UploaderSpy probe={probe} />
        </UploadQueue>
      </Shown>
    );
    const first = await randomFile(2_000_000, "in-flight.mp4");
    const second = await randomFile(64 * 1024, "queued.mp4");
    await emulator.addFault({ endpoint: "redeem-upload-token", bytesPerSecond: 1_000_000 });
    const screen = await render(tree("visible"));
    pickFiles(screen.container, [first.file, second.file]);
    await expect
      .poll(() => stateOf(screen.container, "in-flight.mp4"), { timeout: 10_000 })
      .toBe("uploading");
    expect(stateOf(screen.container, "queued.mp4")).toBe("queued");

    await screen.rerender(tree("hidden"));
    await expect
      .poll(async () => (await stored(second.sha256)).length, { timeout: 30_000 })
      .toBe(1);
    expect(probe.destroyed).toBe(false);

    await screen.rerender(tree("visible"));
    await expect.poll(() => stateOf(screen.container, "in-flight.mp4")).toBe("succeeded");
    expect(stateOf(screen.container, "queued.mp4")).toBe("succeeded");
    await settle();
    expect(await stored(first.sha256)).toHaveLength(1);
    expect(await stored(second.sha256)).toHaveLength(1);
  });

  it("UploadQueue unmounted while hidden cancels its uploads", async () => {
    const probe = createUploaderProbe();
    const tree = (mode: "visible" | "hidden") => (
      <Shown mode={mode}>
        <UploadQueue site={emulator.url} token={tokenUrl("queue-gone")}>
          <UploaderSpy probe={probe} />
        </UploadQueue>
      </Shown>
    );
    const { file } = await randomFile(4_000_000, "gone.mp4");
    await emulator.addFault({ endpoint: "redeem-upload-token", bytesPerSecond: 500_000 });
    const screen = await render(tree("visible"));
    pickFiles(screen.container, [file]);
    await expect
      .poll(() => stateOf(screen.container, "gone.mp4"), { timeout: 10_000 })
      .toBe("uploading");
    await screen.rerender(tree("hidden"));
    await settle();
    expect(probe.destroyed).toBe(false);
    await screen.unmount();
    await expect.poll(() => probe.destroyed).toBe(true);
    expect(probe.uploader?.getSnapshot().items.map((item) => item.status)).toEqual(["canceled"]);
  });

  it("UploadForm keeps uploading while hidden, and shows the success once shown again", async () => {
    const tree = (mode: "visible" | "hidden") => (
      <Shown mode={mode}>
        <UploadForm site={emulator.url} token={tokenUrl("form-during")} startOnSelect />
      </Shown>
    );
    const { file, sha256 } = await randomFile(2_000_000, "form-during.mp4");
    await emulator.addFault({ endpoint: "redeem-upload-token", bytesPerSecond: 1_000_000 });
    const screen = await render(tree("visible"));
    const form = () =>
      screen.container.querySelector<HTMLElement>('[data-twentythree-upload="form"]')!;
    pickFiles(screen.container, [file]);
    await expect.poll(() => form().dataset.state, { timeout: 10_000 }).toBe("uploading");
    await screen.rerender(tree("hidden"));
    await expect.poll(async () => (await stored(sha256)).length, { timeout: 30_000 }).toBe(1);
    await screen.rerender(tree("visible"));
    await expect.poll(() => form().dataset.state).toBe("succeeded");
    expect(await stored(sha256)).toHaveLength(1);
  });

  it("UploadForm, hidden then shown again, uploads the next file", async () => {
    const tree = (mode: "visible" | "hidden") => (
      <Shown mode={mode}>
        <UploadForm site={emulator.url} token={tokenUrl("form-after")} startOnSelect />
      </Shown>
    );
    const screen = await render(tree("visible"));
    await screen.rerender(tree("hidden"));
    await settle();
    await screen.rerender(tree("visible"));
    const { file, sha256 } = await randomFile(64 * 1024, "form-after.mp4");
    pickFiles(screen.container, [file]);
    const form = screen.container.querySelector<HTMLElement>('[data-twentythree-upload="form"]')!;
    await expect.poll(() => form.dataset.state, { timeout: 20_000 }).toBe("succeeded");
    expect(await stored(sha256)).toHaveLength(1);
  });
});
