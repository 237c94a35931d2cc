import { describe, expect, it } from "vitest";
import { render } from "vitest-browser-react";
import { pickFiles } from "../test/helpers.js";
import { createMockTokenSource, createMockTransport, UploadQueue } from "./index.js";

// A row's Cancel button disappears when its upload settles, under the keyboard of someone who
// tabbed to it: focus must stay in the row, not fall to <body>.

const row = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-part="item"]')!;

describe("UploadQueue focus when a row's Cancel button goes away by itself", () => {
  it("on success, moves to the row's Remove button", async () => {
    const screen = await render(
      <UploadQueue
        site="videos.example.com"
        token={createMockTokenSource()}
        transport={createMockTransport({ durationMs: 600 })}
      />,
    );
    pickFiles(screen.container, [new File(["x".repeat(1000)], "done.mp4", { type: "video/mp4" })]);
    const cancel = screen.getByRole("button", { name: "Cancel done.mp4" });
    await expect.element(cancel).toBeInTheDocument();
    (cancel.element() as HTMLElement).focus();
    await expect.poll(() => row(screen.container).dataset.state).toBe("succeeded");
    await expect
      .poll(() => document.activeElement)
      .toBe(screen.getByRole("button", { name: "Remove done.mp4" }).element());
  });

  it("on failure, moves to the row's Retry button", async () => {
    const screen = await render(
      <UploadQueue
        site="videos.example.com"
        token={createMockTokenSource()}
        transport={createMockTransport({ durationMs: 600, failures: [{ kind: "file-rejected" }] })}
      />,
    );
    pickFiles(screen.container, [new File(["x".repeat(1000)], "bad.mp4", { type: "video/mp4" })]);
    const cancel = screen.getByRole("button", { name: "Cancel bad.mp4" });
    await expect.element(cancel).toBeInTheDocument();
    (cancel.element() as HTMLElement).focus();
    await expect.poll(() => row(screen.container).dataset.state).toBe("failed");
    await expect
      .poll(() => document.activeElement)
      .toBe(screen.getByRole("button", { name: "Retry bad.mp4" }).element());
  });

  it("leaves focus alone when it was not on the button", async () => {
    const screen = await render(
      <>
        <button type="button">Elsewhere</button>
        <UploadQueue
          site="videos.example.com"
          token={createMockTokenSource()}
          transport={createMockTransport({ durationMs: 300 })}
        />
      </>,
    );
    pickFiles(screen.container, [new File(["x".repeat(1000)], "other.mp4", { type: "video/mp4" })]);
    const elsewhere = screen.getByRole("button", { name: "Elsewhere" }).element() as HTMLElement;
    elsewhere.focus();
    await expect.poll(() => row(screen.container).dataset.state).toBe("succeeded");
    expect(document.activeElement).toBe(elsewhere);
  });
});
