import { describe, expect, it, vi } from "vitest";
import { render } from "vitest-browser-react";
import { pickFiles } from "../test/helpers.js";
import {
  createMockTokenSource,
  createMockTransport,
  UploadQueue,
  type UploadQueueProps,
} from "./index.js";

// Each render's options replace the previous ones: a prop that is gone is back at its default.

const states = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('[data-part="item"]')].map(
    (row) => row.dataset.state,
  );

const video = (name: string) => new File(["x".repeat(1000)], name, { type: "video/mp4" });

describe("UploadQueue options removed on a re-render", () => {
  it("stop calling a removed onSuccess", async () => {
    const token = createMockTokenSource();
    const transport = createMockTransport({ durationMs: 50 });
    const onSuccess = vi.fn();
    const queue = (props: Partial<UploadQueueProps>) => (
      <UploadQueue site="videos.example.com" token={token} transport={transport} {...props} />
    );
    const screen = await render(queue({ onSuccess }));
    await screen.rerender(queue({}));
    pickFiles(screen.container, [video("after.mp4")]);
    await expect.poll(() => states(screen.container)).toEqual(["succeeded"]);
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("lift a removed maxSize", async () => {
    const token = createMockTokenSource();
    const transport = createMockTransport({ durationMs: 50 });
    const queue = (props: Partial<UploadQueueProps>) => (
      <UploadQueue site="videos.example.com" token={token} transport={transport} {...props} />
    );
    const screen = await render(queue({ maxSize: 10 }));
    await screen.rerender(queue({}));
    pickFiles(screen.container, [video("large.mp4")]);
    await expect.poll(() => states(screen.container)).toEqual(["succeeded"]);
  });

  it("go back to the default concurrency (3) when `concurrency` is removed", async () => {
    const token = createMockTokenSource();
    // Uploads that take longer than the test: how many run at once is what the rows show.
    const transport = createMockTransport({ durationMs: 600_000 });
    const queue = (props: Partial<UploadQueueProps>) => (
      <UploadQueue site="videos.example.com" token={token} transport={transport} {...props} />
    );
    const screen = await render(queue({ concurrency: 1 }));
    await screen.rerender(queue({}));
    pickFiles(screen.container, ["a.mp4", "b.mp4", "c.mp4", "d.mp4"].map(video));
    await expect
      .poll(() => states(screen.container))
      .toEqual(["uploading", "uploading", "uploading", "queued"]);
  });
});
