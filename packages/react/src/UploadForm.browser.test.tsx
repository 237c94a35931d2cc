import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { probeCors } from "@twentythree-upload/core";
import { StrictMode } from "react";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { userEvent } from "vitest/browser";
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
import { UploadForm } from "./index.js";

let emulator: SpawnedEmulatorClient;
beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
});
afterAll(async () => {
  await emulator.close();
});

/** A token endpoint URL of its own per test (`case`), so cached tokens never cross tests. */
const tokenUrl = (name: string) =>
  emulator.tokenUrl({ return_url: emulator.returnUrl({ case: name }) });

function formOf(container: HTMLElement): HTMLFormElement {
  const form = container.querySelector("form");
  if (!form) {
    throw new Error("no form");
  }
  return form;
}

/** The hidden `upload_token` field's value now (undefined without the field). */
const hiddenToken = (container: HTMLElement) =>
  container.querySelector<HTMLInputElement>('input[name="upload_token"]')?.value;

/** The token in the hidden field, once the form has one. */
async function issuedToken(container: HTMLElement): Promise<string> {
  let value = "";
  await expect
    .poll(
      () => {
        value = hiddenToken(container) ?? "";
        return value;
      },
      { timeout: 10_000 },
    )
    .not.toBe("");
  return value;
}

describe("UploadForm against the emulator", { timeout: 60_000 }, () => {
  it("is a real redeem-upload-token form with the hidden token and a file input", async () => {
    const screen = await render(<UploadForm site={emulator.url} token={tokenUrl("shape")} />);
    const form = formOf(screen.container);
    expect(form.getAttribute("action")).toBe(`${emulator.url}/api/photo/redeem-upload-token`);
    expect(form.method).toBe("post");
    expect(form.enctype).toBe("multipart/form-data");
    const token = await issuedToken(screen.container);
    expect((await emulator.token(token)).state).toBe("valid");
    const file = screen.getByLabelText("Video file").element() as HTMLInputElement;
    expect(file.name).toBe("file");
    expect(file.type).toBe("file");
  });

  it("uploads through the engine with progress, sends title edits, and shows the video id", async () => {
    const { file, sha256 } = await randomFile(12_000_000, "form.mp4");
    const screen = await render(
      <UploadForm
        site={emulator.url}
        token={tokenUrl("upload")}
        titleField
        descriptionField
        metadataDebounceMs={50}
      />,
    );
    const region = recordLiveRegion(screen.container.querySelector('[role="status"]')!);
    const token = await issuedToken(screen.container);
    await userEvent.fill(screen.getByLabelText("Title"), "Typed before the upload");
    await expect
      .poll(async () => (await emulator.token(token)).title, { timeout: 10_000 })
      .toBe("Typed before the upload");

    await emulator.addFault({ endpoint: "redeem-upload-token", bytesPerSecond: 4_000_000 });
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    await screen.getByRole("button", { name: "Upload video" }).click();
    const progress = screen.getByRole("progressbar", { name: "Upload of form.mp4" });
    await expect.element(progress).toBeInTheDocument();
    const values = recordAttribute(progress.element(), "aria-valuenow");
    // The upload has started: edits now go to the token it uses.
    await userEvent.fill(screen.getByLabelText("Description"), "Typed during the upload");
    await expect
      .poll(() => formOf(screen.container).dataset.state, { timeout: 30_000 })
      .toBe("succeeded");
    values.stop();
    expect(values.values.map(Number).some((value) => value > 0 && value < 100)).toBe(true);

    const stored = (await emulator.uploads()).find((upload) => upload.sha256 === sha256);
    expect(stored).toMatchObject({ uploadToken: token, size: file.size });
    await expect
      .element(screen.getByText(`Uploaded. Video id: ${stored?.photoId}`, { exact: true }))
      .toBeVisible();
    await expect
      .poll(async () => (await emulator.token(token)).description, { timeout: 10_000 })
      .toBe("Typed during the upload");
    // In this order, each once (news faster than frames is said together, in one text).
    expect(region.texts.join(" ")).toBe("Uploading form.mp4 form.mp4 uploaded");
    region.stop();
  });

  it("shows a title that could not be saved, and saves it on the automatic retry", async () => {
    const screen = await render(
      <UploadForm
        site={emulator.url}
        token={tokenUrl("meta-retry")}
        titleField
        metadataDebounceMs={50}
      />,
    );
    const token = await issuedToken(screen.container);
    const form = formOf(screen.container);
    // Every text the error line shows, however briefly.
    const shown: string[] = [];
    const observer = new MutationObserver(() => {
      const error = form.querySelector('[data-part="metadata-error"]');
      if (error && shown.at(-1) !== error.textContent) {
        shown.push(error.textContent ?? "");
      }
    });
    observer.observe(form, { childList: true, subtree: true, characterData: true });
    const before = await lastRequestId(emulator);
    await emulator.addFault({ endpoint: "update-upload-token", status: 503, count: 1 });
    await userEvent.fill(screen.getByLabelText("Title"), "Saved on the second try");
    await expect
      .poll(async () => (await emulator.token(token)).title, { timeout: 10_000 })
      .toBe("Saved on the second try");
    // The emulator stores the title before the browser has its answer: the line goes once the
    // answer arrives.
    await expect.element(screen.getByRole("alert")).not.toBeInTheDocument();
    observer.disconnect();
    expect(shown).toEqual(["The title and description could not be saved yet."]);
    const updates = await requestsTo(emulator, "photo/update-upload-token", before);
    expect(updates.filter((r) => r.method === "POST").map((r) => r.status)).toEqual([503, 200]);
  });

  it("uploads once on a double submit", async () => {
    const before = await lastRequestId(emulator);
    const { file, sha256 } = await randomFile(64 * 1024, "double.mp4");
    const screen = await render(<UploadForm site={emulator.url} token={tokenUrl("double")} />);
    await issuedToken(screen.container);
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    const form = formOf(screen.container);
    form.requestSubmit();
    form.requestSubmit();
    await expect.poll(() => form.dataset.state, { timeout: 10_000 }).toBe("succeeded");
    expect((await emulator.uploads()).filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
    const posts = await requestsTo(emulator, "photo/redeem-upload-token", before);
    expect(posts.filter((r) => r.method === "POST" && r.uploadToken !== null)).toHaveLength(1);
  });

  it("does not upload a file again once it succeeded, submitted or picked again; another file uploads", async () => {
    const { file, sha256 } = await randomFile(64 * 1024, "again.mp4");
    const screen = await render(<UploadForm site={emulator.url} token={tokenUrl("again")} />);
    await issuedToken(screen.container);
    const input = screen.getByLabelText("Video file");
    await userEvent.upload(input, file);
    const form = formOf(screen.container);
    form.requestSubmit();
    await expect.poll(() => form.dataset.state, { timeout: 10_000 }).toBe("succeeded");
    const status = () => screen.container.querySelector('[data-part="status"]')?.textContent;
    const [stored] = (await emulator.uploads()).filter((upload) => upload.sha256 === sha256);
    form.requestSubmit();
    await expect
      .poll(status)
      .toBe(
        `Uploaded. Video id: ${stored?.photoId} again.mp4 is already uploaded; it was not sent again.`,
      );
    expect(form.dataset.state).toBe("succeeded");
    // Picked again: a new File object for the same file on disk.
    const element = input.element() as HTMLInputElement;
    const chosen = element.files![0]!;
    const picked = new DataTransfer();
    picked.items.add(new File([chosen], chosen.name, chosen));
    element.files = picked.files;
    expect(element.files[0]).not.toBe(chosen);
    form.requestSubmit();
    // A different file uploads as before (it would be ignored if the copy were uploading).
    const other = await randomFile(64 * 1024, "other.mp4");
    await userEvent.upload(input, other.file);
    form.requestSubmit();
    await expect
      .poll(async () => (await emulator.uploads()).filter((u) => u.sha256 === other.sha256), {
        timeout: 10_000,
      })
      .toHaveLength(1);
    await expect.poll(status).toMatch(/^Uploaded\. Video id: \d+$/);
    expect((await emulator.uploads()).filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
  });

  it("starts on file pick with startOnSelect, cancels, and retries with a fresh token", async () => {
    const { file, sha256 } = await randomFile(16_000_000, "pick.mp4");
    await emulator.addFault({ endpoint: "redeem-upload-token", bytesPerSecond: 2_000_000 });
    const screen = await render(
      <UploadForm site={emulator.url} token={tokenUrl("pick")} startOnSelect />,
    );
    const region = recordLiveRegion(screen.container.querySelector('[data-part="announcer"]')!);
    const first = await issuedToken(screen.container);
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    await expect
      .poll(() => formOf(screen.container).dataset.state, { timeout: 10_000 })
      .toBe("uploading");
    await screen.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => formOf(screen.container).dataset.state).toBe("canceled");
    await expect.element(screen.getByText("Canceled", { exact: true })).toBeVisible();
    // Canceled mid-body, nothing stored: no warning that it may be (that is for a cancel later).
    await expect.poll(() => region.texts.at(-1)).toMatch(/(^| )pick\.mp4 canceled$/);
    region.stop();
    // Cancel was replaced by Retry: keyboard focus moved to it.
    await expect
      .poll(() => document.activeElement)
      .toBe(screen.getByRole("button", { name: "Retry" }).element());
    await screen.getByRole("button", { name: "Retry" }).click();
    await expect
      .poll(() => formOf(screen.container).dataset.state, { timeout: 20_000 })
      .toBe("succeeded");
    const stored = (await emulator.uploads()).filter((upload) => upload.sha256 === sha256);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.uploadToken).not.toBe(first);
  });

  it("announces that a file canceled after it was sent may already be stored", async () => {
    const { file, sha256 } = await randomFile(300_000, "sent.mp4");
    // Stored, then the answer is held back: the upload sits in `processing` until canceled.
    await emulator.addFault({ endpoint: "redeem-upload-token", processingDelayMs: 60_000 });
    const screen = await render(
      <UploadForm site={emulator.url} token={tokenUrl("sent")} startOnSelect />,
    );
    const region = recordLiveRegion(screen.container.querySelector('[data-part="announcer"]')!);
    await issuedToken(screen.container);
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    await expect
      .poll(() => formOf(screen.container).dataset.state, { timeout: 10_000 })
      .toBe("processing");
    await expect
      .poll(async () => (await emulator.uploads()).filter((upload) => upload.sha256 === sha256), {
        timeout: 10_000,
      })
      .toHaveLength(1);

    await screen.getByRole("button", { name: "Cancel" }).click();
    await expect
      .poll(() => region.texts.join(" "))
      .toContain("sent.mp4 canceled: The file may already be on the video platform.");
    expect(formOf(screen.container).dataset.state).toBe("canceled");
    region.stop();
  });

  it("with its token prefetched, sends a picked file within the change event, before React renders", async () => {
    const { file, sha256 } = await randomFile(200_000, "quick.mp4");
    const screen = await render(
      <UploadForm site={emulator.url} token={tokenUrl("quick")} startOnSelect />,
    );
    await issuedToken(screen.container);
    // The CORS probe the form started when it mounted has its answer (a person takes seconds).
    await probeCors(emulator.url);
    const sends: Array<{ isDispatching: boolean; state: string | undefined }> = [];
    let isDispatching = false;
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
      if (body instanceof FormData && body.get("file") instanceof File) {
        sends.push({ isDispatching, state: formOf(screen.container).dataset.state });
      }
      send.call(this, body);
    };
    try {
      // Dispatched from script, so no microtask runs until dispatchEvent returns: a request
      // sent inside it was sent with no await on the way (a picked file's `change` from the
      // browser gives the page no chance to render before then either).
      const input = screen.getByLabelText("Video file").element() as HTMLInputElement;
      const picked = new DataTransfer();
      picked.items.add(file);
      input.files = picked.files;
      isDispatching = true;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      isDispatching = false;
      await expect.poll(() => formOf(screen.container).dataset.state).toBe("succeeded");
    } finally {
      XMLHttpRequest.prototype.send = send;
    }
    // No await and no render between the pick and the request: the form still showed no upload.
    expect(sends).toEqual([{ isDispatching: true, state: "idle" }]);
    expect((await emulator.uploads()).filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
  });

  it("gives up on a token function that never answers after requestTimeoutMs, and says so", async () => {
    const screen = await render(
      <UploadForm
        site={emulator.url}
        token={() => new Promise<never>(() => undefined)}
        requestTimeoutMs={200}
      />,
    );
    // Three tries of 200 ms with TanStack Query's 1 s and 2 s pauses: well inside the poll
    // (the default deadline, 30 s a try, would not be).
    await expect
      .element(screen.getByText("The upload could not be prepared."), { timeout: 10_000 })
      .toBeVisible();
    expect(hiddenToken(screen.container)).toBeUndefined();
  });

  it("keeps keyboard focus on a control: Cancel on start, the file input after success", async () => {
    const { file } = await randomFile(2_000_000, "keys.mp4");
    await emulator.addFault({ endpoint: "redeem-upload-token", bytesPerSecond: 2_000_000 });
    const screen = await render(<UploadForm site={emulator.url} token={tokenUrl("keys")} />);
    await issuedToken(screen.container);
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    (screen.getByRole("button", { name: "Upload video" }).element() as HTMLElement).focus();
    // Where focus is in every frame, from the keypress until the upload is done.
    const seen: string[] = [];
    let frame = 0;
    const sample = () => {
      const focused = document.activeElement;
      seen.push(focused?.getAttribute("data-part") ?? focused?.tagName ?? "none");
      frame = requestAnimationFrame(sample);
    };
    sample();
    await userEvent.keyboard("{Enter}");
    await expect
      .poll(() => document.activeElement)
      .toBe(screen.getByRole("button", { name: "Cancel" }).element());
    await expect
      .poll(() => formOf(screen.container).dataset.state, { timeout: 20_000 })
      .toBe("succeeded");
    await expect
      .poll(() => document.activeElement)
      .toBe(screen.getByLabelText("Video file").element());
    cancelAnimationFrame(frame);
    expect(seen).toContain("cancel");
    expect(seen).not.toContain("BODY");
  });

  it("asks before the page is left only while its upload is in flight", async () => {
    const leave = () => {
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    const { file } = await randomFile(4_000_000, "leave.mp4");
    // About 4 s before TwentyThree answers. The XHR transport, so that no CORS probe (the auto
    // transport's) takes the slow fault instead of the upload.
    await emulator.addFault({ endpoint: "redeem-upload-token", bytesPerSecond: 1_000_000 });
    const screen = await render(
      <UploadForm site={emulator.url} token={tokenUrl("leave")} transport="xhr" />,
    );
    await issuedToken(screen.container);
    expect(leave()).toBe(false);
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    await screen.getByRole("button", { name: "Upload video" }).click();
    // In flight: sending, or sent into the connection's buffers and waiting for the answer.
    await expect
      .poll(() =>
        ["uploading", "processing"].includes(formOf(screen.container).dataset.state ?? ""),
      )
      .toBe(true);
    expect(leave()).toBe(true);
    await expect
      .poll(() => formOf(screen.container).dataset.state, { timeout: 20_000 })
      .toBe("succeeded");
    expect(leave()).toBe(false);
  });

  it("shows a failure with its reason and retries on request", async () => {
    const { file, sha256 } = await randomFile(32 * 1024, "fails.mp4");
    await emulator.addFault({ endpoint: "redeem-upload-token", status: 503 });
    const screen = await render(
      <UploadForm site={emulator.url} token={tokenUrl("fails")} retry={false} />,
    );
    await issuedToken(screen.container);
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    await screen.getByRole("button", { name: "Upload video" }).click();
    await expect
      .element(
        screen.getByText("Failed: The server answered with an error. HTTP 503.", { exact: true }),
        {
          timeout: 10_000,
        },
      )
      .toBeVisible();
    await screen.getByRole("button", { name: "Retry" }).click();
    await expect
      .poll(() => formOf(screen.container).dataset.state, { timeout: 10_000 })
      .toBe("succeeded");
    expect((await emulator.uploads()).filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
  });

  it("refuses a file that fails validation and sends nothing", async () => {
    const screen = await render(
      <UploadForm site={emulator.url} token={tokenUrl("invalid")} accept="video/*" />,
    );
    await issuedToken(screen.container);
    const before = await lastRequestId(emulator);
    await userEvent.upload(
      screen.getByLabelText("Video file"),
      new File(["text"], "notes.txt", { type: "text/plain" }),
    );
    await screen.getByRole("button", { name: "Upload video" }).click();
    await expect.poll(() => formOf(screen.container).dataset.state).toBe("rejected");
    expect(screen.container.querySelector('[data-part="status"]')?.textContent).toMatch(
      /^Not added: .*notes\.txt/,
    );
    expect(await requestsTo(emulator, "photo/redeem-upload-token", before)).toHaveLength(0);
  });

  it("falls back to the iframe transport without CORS: indeterminate progress, stored exactly once", async () => {
    const closed = await createEmulatorClient(inject("emulatorUrl")).spawn({ cors: "none" });
    try {
      // Slow enough that the upload is visibly in progress for a while.
      await closed.addFault({ bytesPerSecond: 32 * 1024 });
      const { file, sha256 } = await randomFile(64 * 1024, "no-cors.mp4");
      const token = closed.tokenUrl({ return_url: callbackPageUrl(closed.url) });
      const screen = await render(<UploadForm site={closed.url} token={token} />);
      const bars = recordProgressBars(screen.container, '[data-part="progress"]');
      await issuedToken(screen.container);
      await userEvent.upload(screen.getByLabelText("Video file"), file);
      await screen.getByRole("button", { name: "Upload video" }).click();
      await expect
        .poll(() => formOf(screen.container).dataset.state, { timeout: 20_000 })
        .toBe("succeeded");
      bars.stop();
      const uploads = await closed.uploads();
      expect(uploads).toHaveLength(1);
      const [stored] = uploads;
      expect(stored?.sha256).toBe(sha256);
      expect(uploads.filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
      // No byte progress through an iframe: the bar says so instead of showing a number.
      expectIndeterminateWhileUploading(bars.looks);
      await expect
        .element(screen.getByText(`Uploaded. Video id: ${stored?.photoId}`, { exact: true }))
        .toBeVisible();
    } finally {
      await closed.close();
    }
  });

  it("under StrictMode requests one token per upload and uploads once", async () => {
    const before = await lastRequestId(emulator);
    const { file, sha256 } = await randomFile(64 * 1024, "strict.mp4");
    const screen = await render(
      <StrictMode>
        <UploadForm site={emulator.url} token={tokenUrl("strict")} />
      </StrictMode>,
    );
    await issuedToken(screen.container);
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    await screen.getByRole("button", { name: "Upload video" }).click();
    await expect
      .poll(() => formOf(screen.container).dataset.state, { timeout: 10_000 })
      .toBe("succeeded");
    // Uploads that carry a token (core's auto transport may first send a token-less CORS probe).
    const posts = await requestsTo(emulator, "photo/redeem-upload-token", before);
    const uploads = posts.filter((r) => r.method === "POST" && r.uploadToken !== null);
    expect(uploads).toHaveLength(1);
    // Its token consumed, the form fetches the one for a next upload (about a second later):
    // once that is in the field, exactly two tokens exist, the redeemed one and the next one.
    const redeemed = uploads[0]?.uploadToken;
    await expect
      .poll(() => [undefined, "", redeemed].includes(hiddenToken(screen.container)), {
        timeout: 10_000,
      })
      .toBe(false);
    const tokenPosts = await requestsTo(emulator, "token", before);
    // The endpoint also answers CORS preflights, which mint nothing.
    expect(tokenPosts.filter((request) => request.method === "POST")).toHaveLength(2);
    expect((await emulator.uploads()).filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
  });
});
