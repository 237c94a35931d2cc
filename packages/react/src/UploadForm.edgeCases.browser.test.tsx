import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import { lastRequestId, randomFile, recordLiveRegion, requestsTo } from "../test/helpers.js";
import { requestUploadToken, UploadForm } from "./index.js";

let emulator: SpawnedEmulatorClient;
beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn({ encodingDelayMs: 0 });
});
afterAll(async () => {
  await emulator.close();
});

/** A token endpoint URL of its own per test, so cached tokens never cross tests. */
const tokenUrl = (name: string) =>
  emulator.tokenUrl({ return_url: emulator.returnUrl({ case: name }) });

const root = (container: HTMLElement) =>
  container.querySelector<HTMLElement>('[data-twentythree-upload="form"]')!;
const hiddenToken = (container: HTMLElement) =>
  container.querySelector<HTMLInputElement>('input[name="upload_token"]')?.value ?? "";
const statusText = (container: HTMLElement) =>
  container.querySelector('[data-part="status"]')?.textContent;

describe("UploadForm inside another <form>", { timeout: 60_000 }, () => {
  it("uploads without submitting the outer form, whose own submit still works without the file", async () => {
    const outer: FormData[] = [];
    const screen = await render(
      <form
        action="/never"
        onSubmit={(event) => {
          event.preventDefault();
          outer.push(new FormData(event.currentTarget));
        }}
      >
        <input name="page" defaultValue="kept" aria-label="Page field" />
        <UploadForm site={emulator.url} token={tokenUrl("nested")} titleField />
        <button type="submit">Save page</button>
      </form>,
    );
    await expect.poll(() => hiddenToken(screen.container), { timeout: 10_000 }).not.toBe("");
    // Enter in the title field is not the outer form's submit either.
    await userEvent.type(screen.getByLabelText("Title"), "Nested{Enter}");
    const { file, sha256 } = await randomFile(64 * 1024, "nested.mp4");
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    await screen.getByRole("button", { name: "Upload video" }).click();
    await expect
      .poll(() => root(screen.container).dataset.state, { timeout: 20_000 })
      .toBe("succeeded");
    expect((await emulator.uploads()).filter((upload) => upload.sha256 === sha256)).toHaveLength(1);
    expect(outer).toEqual([]);
    // One form element in the page: the outer one.
    expect(screen.container.querySelectorAll("form")).toHaveLength(1);

    // The outer form submits its own fields only: no file, no token, no title of the upload.
    await screen.getByRole("button", { name: "Save page" }).click();
    expect(outer).toHaveLength(1);
    expect([...outer[0]!.keys()]).toEqual(["page"]);
  });

  it("asks for a file when Upload is pressed without one", async () => {
    const outer: FormData[] = [];
    const screen = await render(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          outer.push(new FormData(event.currentTarget));
        }}
      >
        <UploadForm site={emulator.url} token={tokenUrl("nested-empty")} />
      </form>,
    );
    const input = screen.getByLabelText("Video file").element() as HTMLInputElement;
    await screen.getByRole("button", { name: "Upload video" }).click();
    expect(input.validity.valueMissing).toBe(true);
    expect(root(screen.container).dataset.state).toBe("idle");
    expect(outer).toEqual([]);
  });
});

describe("UploadForm with only a server-issued token", { timeout: 60_000 }, () => {
  const said = "This form's upload permission is used up: reload the page to upload again.";

  it("on Retry after a failure, says a new token is needed, offers no Retry, and sends nothing", async () => {
    const serverToken = await requestUploadToken(tokenUrl("only-initial"), {});
    await emulator.addFault({ endpoint: "redeem-upload-token", status: 503 });
    const before = await lastRequestId(emulator);
    const screen = await render(
      <UploadForm site={emulator.url} initialToken={serverToken} retry={false} startOnSelect />,
    );
    const region = recordLiveRegion(screen.container.querySelector('[data-part="announcer"]')!);
    const { file } = await randomFile(64 * 1024, "once.mp4");
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    await expect
      .poll(() => statusText(screen.container), { timeout: 10_000 })
      .toBe("Failed: The server answered with an error. HTTP 503.");
    await screen.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => statusText(screen.container)).toBe(`Failed: ${said}`);
    expect(root(screen.container).dataset.state).toBe("failed");
    await expect.poll(() => region.texts.join(" ")).toContain(`once.mp4 failed: ${said}`);
    region.stop();
    expect(screen.container.querySelector('[data-part="retry"]')).toBeNull();
    // Retry went away under the keyboard: focus is on the file field, not on <body>.
    await expect
      .poll(() => document.activeElement)
      .toBe(screen.getByLabelText("Video file").element());
    // The one attempt the server-issued token allowed; nothing sent without a token.
    const posts = await requestsTo(emulator, "photo/redeem-upload-token", before);
    expect(posts.filter((r) => r.method === "POST" && !r.probe)).toHaveLength(1);
  });

  it("refused by TwentyThree (the token expired meanwhile), says so after one attempt", async () => {
    const serverToken = await requestUploadToken(tokenUrl("only-expired"), {});
    await emulator.expireToken(serverToken.uploadToken);
    const before = await lastRequestId(emulator);
    const screen = await render(
      <UploadForm site={emulator.url} initialToken={serverToken} startOnSelect />,
    );
    const { file } = await randomFile(64 * 1024, "late.mp4");
    await userEvent.upload(screen.getByLabelText("Video file"), file);
    await expect
      .poll(() => statusText(screen.container), { timeout: 10_000 })
      .toBe(`Failed: ${said}`);
    expect(screen.container.querySelector('[data-part="retry"]')).toBeNull();
    const posts = await requestsTo(emulator, "photo/redeem-upload-token", before);
    expect(posts.filter((r) => r.method === "POST" && !r.probe)).toHaveLength(1);
  });
});

describe("UploadForm props", { timeout: 60_000 }, () => {
  it("shows the title of a new `meta` in its field, and keeps an old edit off the new token", async () => {
    const url = tokenUrl("meta-change");
    const tree = (title: string) => (
      <UploadForm
        site={emulator.url}
        token={url}
        titleField
        meta={{ title }}
        metadataDebounceMs={20}
      />
    );
    const screen = await render(tree("First"));
    const field = () => (screen.getByLabelText("Title").element() as HTMLInputElement).value;
    await expect.poll(() => hiddenToken(screen.container), { timeout: 10_000 }).not.toBe("");
    const first = hiddenToken(screen.container);
    expect(field()).toBe("First");
    await userEvent.fill(screen.getByLabelText("Title"), "Typed for the first");
    await expect
      .poll(async () => (await emulator.token(first)).title, { timeout: 10_000 })
      .toBe("Typed for the first");

    await screen.rerender(tree("Second"));
    expect(field()).toBe("Second");
    await expect
      .poll(() => hiddenToken(screen.container), { timeout: 10_000 })
      .not.toMatch(new RegExp(`^(${first})?$`));
    const second = hiddenToken(screen.container);
    // Edits go on to the new token, which starts with the new title.
    await userEvent.fill(screen.getByLabelText("Title"), "Typed for the second");
    await expect
      .poll(async () => (await emulator.token(second)).title, { timeout: 10_000 })
      .toBe("Typed for the second");
    const updates = (await requestsTo(emulator, "photo/update-upload-token")).filter(
      (request) => request.method === "POST" && request.uploadToken === second,
    );
    expect(updates).toHaveLength(1);
  });

  it("passes an `accept` list to the file dialog", async () => {
    const screen = await render(
      <UploadForm site={emulator.url} token={tokenUrl("accept")} accept={["video/mp4", ".mov"]} />,
    );
    const input = screen.getByLabelText("Video file").element() as HTMLInputElement;
    expect(input.accept).toBe("video/mp4,.mov");
  });
});
