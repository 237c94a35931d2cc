import { describe, expect, it } from "vitest";
import { render } from "vitest-browser-react";
import {
  createMockTokenSource,
  createMockTransport,
  createUploader,
  UploadForm,
  UploadQueue,
} from "./index.js";
import "./styles.css";

// Its own file: a Content-Security-Policy cannot be lifted from a document once set.
describe("under a strict Content-Security-Policy (style-src without 'unsafe-inline')", () => {
  it("renders, virtualizes and uploads without a single style violation", async () => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      violations.push(
        `${event.violatedDirective} ${(event.target as Element).outerHTML?.slice(0, 80)}`,
      );
    });
    const meta = document.createElement("meta");
    meta.httpEquiv = "Content-Security-Policy";
    meta.content = "style-src 'self'";
    document.head.append(meta);

    // The policy is in force: an inline style attribute is reported.
    const probe = document.createElement("div");
    document.body.append(probe);
    probe.setAttribute("style", "color: red");
    await expect.poll(() => violations.length).toBe(1);
    probe.remove();
    violations.length = 0;

    const uploader = createUploader({
      site: "videos.example.com",
      token: createMockTokenSource(),
      transport: createMockTransport({ durationMs: 50, progressSteps: 2 }),
    });
    const screen = await render(
      <>
        <UploadQueue uploader={uploader} />
        <UploadForm
          site="videos.example.com"
          token={createMockTokenSource()}
          transport={createMockTransport()}
        />
      </>,
    );
    uploader.add(
      Array.from(
        { length: 60 },
        (_, index) => new File(["x"], `f${index}.mp4`, { type: "video/mp4" }),
      ),
    );
    const list = screen.container.querySelector<HTMLElement>('[data-part="list"]')!;
    await expect.poll(() => list.querySelectorAll('[data-part="item"]').length).toBeGreaterThan(0);
    list.scrollTop = list.scrollHeight / 2;
    await expect.poll(() => uploader.getSnapshot().counts.succeeded, { timeout: 20_000 }).toBe(60);
    // Rows are positioned (through the CSSOM, which CSP allows) and nothing was blocked.
    const row = list.querySelector<HTMLElement>('[data-part="item"]')!;
    expect(getComputedStyle(row).position).toBe("absolute");
    expect(violations).toEqual([]);
    uploader.destroy();
  });
});
