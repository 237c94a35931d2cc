import {
  createEmulatorClient,
  type SpawnedEmulatorClient,
} from "@twentythree-upload/emulator/client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useEffect, version, type ReactNode } from "react";
import { hydrateRoot, type Root } from "react-dom/client";
import * as server from "react-dom/server";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  inject,
  it,
  vi,
} from "vitest";
import { page, userEvent } from "vitest/browser";
import { randomFile } from "../test/helpers.js";
import {
  CallbackHandler,
  createMockTokenSource,
  createMockTransport,
  createUploader,
  rememberReceivedToken,
  requestUploadToken,
  UploadForm,
  UploadProgressBar,
  UploadProvider,
  UploadQueue,
  englishLabels,
  danishLabels,
  type Uploader,
} from "./index.js";

// Server rendering followed by hydration, in the real page, under the React of each project
// (`browser`: 19, `browser-react18`: 18). The "server" is react-dom/server's browser build
// running in this page; the HTML it returns is put into a container the way a server's response
// would be, and hydrateRoot then adopts it. What a user would notice is asserted: no hydration
// mismatch (React reports those through onRecoverableError and console.error), the server's
// elements are the ones that stay, and the components work afterwards. What this cannot see is
// a `typeof window` branch in rendering (this server has a window): ssr.test.tsx renders in
// Node for that, and for these components the HTML rendered in the page under React 19 was
// byte-identical to Node's when this file was written.

let emulator: SpawnedEmulatorClient;
beforeAll(async () => {
  emulator = await createEmulatorClient(inject("emulatorUrl")).spawn();
});
afterAll(async () => {
  await emulator.close();
});

/** A token endpoint URL of its own per test, so that cached tokens never cross tests. */
const tokenUrl = (name: string) =>
  emulator.tokenUrl({ return_url: emulator.returnUrl({ case: name }) });

// Two warnings are artifacts of running the server renderer in the page, never seen by an app:
// - React 18 warns "useLayoutEffect does nothing on the server" when a component calls it while
//   rendering to a string. The package calls useEffect instead where `window` is undefined (every
//   real server; ssr.test.tsx renders in Node), but this "server" runs in a page with a window.
// - React's streaming server renderer and react-dom's client both mark the context providers they
//   render in the same field of the context object; one realm running both warns about
//   "multiple renderers". A server and a browser never share a realm.
const serverInThePage = [
  /useLayoutEffect does nothing on the server/,
  /Detected multiple renderers concurrently rendering the same context provider/,
];

let consoleErrors: unknown[][];
const roots: Root[] = [];
const containers: HTMLElement[] = [];
beforeEach(() => {
  consoleErrors = [];
  // Recorded, not printed: a failing assertion below shows what was logged.
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const root of roots.splice(0)) {
    root.unmount();
  }
  for (const container of containers.splice(0)) {
    container.remove();
  }
});

/** console.error calls since the test started, as text, without the artifacts above. */
const errorsLogged = () =>
  consoleErrors
    .map((args) => args.map(String).join(" "))
    .filter((text) => !serverInThePage.some((artifact) => artifact.test(text)));

/** Renders the tree to a string as a server would (no effects run, nothing subscribes). */
function renderOnServer(tree: ReactNode): string {
  return server.renderToString(<StrictMode>{tree}</StrictMode>);
}

/** Renders the tree through React's streaming renderer (what Next.js's App Router uses). */
async function streamOnServer(tree: ReactNode): Promise<string> {
  const stream = await server.renderToReadableStream(<StrictMode>{tree}</StrictMode>, {
    onError: (error) => void consoleErrors.push(["server stream error", error]),
  });
  await stream.allReady;
  return new Response(stream).text();
}

/** Calls `onCommit` once the hydrated tree is committed (never on the server). */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useEffect(onCommit, [onCommit]);
  return children;
}

interface Hydrated {
  container: HTMLElement;
  /** Every element of the server HTML, in document order, before hydration. */
  serverElements: Element[];
  /** What React reported through `onRecoverableError` (a mismatch it recovered from). */
  recoverableErrors: unknown[];
}

/**
 * Puts the server HTML of `serverTree` into a container, hydrates it with `clientTree` (the
 * same tree unless a test wants a mismatch), and resolves once React committed. Both trees are
 * wrapped alike (StrictMode, as Next.js and Vite's templates do), so the ids useId gives match
 * only if the components' trees match.
 */
async function serverRenderAndHydrate(
  serverTree: ReactNode,
  clientTree: ReactNode = serverTree,
  renderer: "string" | "stream" = "string",
): Promise<Hydrated> {
  const noop = () => undefined;
  const wrapped = <Committed onCommit={noop}>{serverTree}</Committed>;
  const html = renderer === "stream" ? await streamOnServer(wrapped) : renderOnServer(wrapped);
  const container = document.createElement("div");
  container.innerHTML = html;
  document.body.append(container);
  containers.push(container);
  const serverElements = [...container.querySelectorAll("*")];
  const recoverableErrors: unknown[] = [];
  await new Promise<void>((resolve) => {
    roots.push(
      hydrateRoot(
        container,
        <StrictMode>
          <Committed onCommit={resolve}>{clientTree}</Committed>
        </StrictMode>,
        { onRecoverableError: (error) => void recoverableErrors.push(error) },
      ),
    );
  });
  return { container, serverElements, recoverableErrors };
}

/** Hydration kept every server element (React replaces them when it gives up on a mismatch). */
function expectCleanHydration(hydrated: Hydrated): void {
  expect(hydrated.recoverableErrors).toEqual([]);
  expect(errorsLogged()).toEqual([]);
  const { container, serverElements } = hydrated;
  expect(serverElements.length).toBeGreaterThan(0);
  expect(serverElements.filter((element) => !container.contains(element))).toEqual([]);
}

function the<T extends Element>(container: ParentNode, selector: string): T {
  const element = container.querySelector<T>(selector);
  if (!element) {
    throw new Error(`nothing matches ${selector}`);
  }
  return element;
}

/** Stops a file input's click from opening the browser's file dialog, and counts the clicks. */
function countPickerOpens(input: HTMLInputElement): { count: number } {
  const opens = { count: 0 };
  input.addEventListener("click", (event) => {
    event.preventDefault();
    opens.count += 1;
  });
  return opens;
}

it("renders on the server with react-dom/server's browser build of this project's React", ({
  task,
}) => {
  const expected = (task.file.projectName ?? "").startsWith("browser-react18") ? "18." : "19.";
  expect(version.startsWith(expected)).toBe(true);
  expect(server.version.startsWith(expected)).toBe(true);
  // The browser build streams to web streams; the Node build to Node streams.
  expect(typeof server.renderToReadableStream).toBe("function");
  expect("renderToPipeableStream" in server).toBe(false);
});

describe("UploadForm, server-rendered then hydrated", { timeout: 60_000 }, () => {
  it("keeps the server's form with a server-issued token and uploads with it after hydration", async () => {
    // What a server does for the no-JavaScript form: issue a token and render it into the page.
    const serverToken = await requestUploadToken(tokenUrl("issued"), {});
    // A QueryClient per request on the server and one in the browser, as apps set them up.
    const tree = (client: QueryClient) => (
      <QueryClientProvider client={client}>
        <UploadForm
          site={emulator.url}
          token={tokenUrl("issued-more")}
          initialToken={serverToken}
          titleField
          descriptionField
          metadataDebounceMs={50}
        />
      </QueryClientProvider>
    );
    const hydrated = await serverRenderAndHydrate(tree(new QueryClient()), tree(new QueryClient()));
    expectCleanHydration(hydrated);
    const { container, serverElements } = hydrated;
    const form = the<HTMLFormElement>(container, "form");
    expect(serverElements).toContain(form);
    expect(form.getAttribute("action")).toBe(`${emulator.url}/api/photo/redeem-upload-token`);
    expect(form.dataset.state).toBe("idle");
    expect(the<HTMLInputElement>(form, 'input[name="upload_token"]').value).toBe(
      serverToken.uploadToken,
    );
    // The labels point at the inputs the server rendered: the ids useId gave on both sides match.
    for (const name of ["Title", "Description", "Video file"]) {
      expect(serverElements).toContain(page.getByLabelText(name, { exact: true }).element());
    }

    const announcer = the(form, '[data-part="announcer"]');
    expect(serverElements).toContain(announcer);
    expect(announcer.getAttribute("aria-live")).toBe("polite");

    // The hydrated title field sends what is typed to the token the server issued.
    await userEvent.fill(page.getByLabelText("Title", { exact: true }), "Hydrated title");
    await expect
      .poll(async () => (await emulator.token(serverToken.uploadToken)).title, { timeout: 10_000 })
      .toBe("Hydrated title");
    const { file, sha256 } = await randomFile(64 * 1024, "hydrated.mp4");
    await userEvent.upload(page.getByLabelText("Video file", { exact: true }), file);
    await page.getByRole("button", { name: "Upload video" }).click();
    await expect.poll(() => form.dataset.state, { timeout: 20_000 }).toBe("succeeded");
    const stored = (await emulator.uploads()).find((upload) => upload.sha256 === sha256);
    // The token the server put into the page is the one the upload redeemed.
    expect(stored).toMatchObject({ uploadToken: serverToken.uploadToken, size: file.size });
    await expect
      .element(page.getByText(`Uploaded. Video id: ${stored?.photoId}`, { exact: true }))
      .toBeVisible();
    // The same form element, now in its success state, and its live region announced it.
    expect(container.querySelector("form")).toBe(form);
    // The last news (with the start, when no frame had shown that yet).
    expect(announcer.textContent).toMatch(/^(Uploading hydrated\.mp4 )?hydrated\.mp4 uploaded$/);
    expect(errorsLogged()).toEqual([]);
  });

  it("fetches its token after hydration (none on the server) and shows its success state", async () => {
    const hydrated = await serverRenderAndHydrate(
      <UploadProvider site={emulator.url} token={tokenUrl("fetched")} labels={danishLabels}>
        <UploadForm />
      </UploadProvider>,
    );
    expectCleanHydration(hydrated);
    const { container, serverElements } = hydrated;
    const form = the<HTMLFormElement>(container, "form");
    const input = the<HTMLInputElement>(form, 'input[type="file"]');
    expect(serverElements).toContain(input);
    expect(input.labels?.[0]?.textContent).toBe(danishLabels.formFile);
    // The server could not fetch a token: the field arrives once the browser has one.
    await expect
      .poll(() => form.querySelector<HTMLInputElement>('input[name="upload_token"]')?.value ?? "", {
        timeout: 10_000,
      })
      .not.toBe("");

    const { file, sha256 } = await randomFile(32 * 1024, "later.mp4");
    await userEvent.upload(page.elementLocator(input), file);
    form.requestSubmit();
    await expect.poll(() => form.dataset.state, { timeout: 20_000 }).toBe("succeeded");
    const stored = (await emulator.uploads()).find((upload) => upload.sha256 === sha256);
    expect(stored?.size).toBe(file.size);
    await expect
      .element(page.getByText(danishLabels.uploaded(stored?.photoId ?? ""), { exact: true }))
      .toBeVisible();
    expect(errorsLogged()).toEqual([]);
  });
});

describe("UploadQueue, server-rendered then hydrated", { timeout: 60_000 }, () => {
  it("keeps the server's drop zone and accepts files that then upload", async () => {
    const tree = <UploadQueue site={emulator.url} token={tokenUrl("queue")} />;
    const html = renderOnServer(tree);
    // The drop zone is a named, focusable button already in the server's HTML.
    expect(html).toMatch(/<div data-part="drop-zone"[^>]* role="button"/);
    expect(html).toContain('tabindex="0"');
    expect(html).toContain(`aria-label="${englishLabels.dropZone}"`);
    expect(html).toContain(`aria-label="${englishLabels.totalProgress}"`);

    const hydrated = await serverRenderAndHydrate(tree);
    expectCleanHydration(hydrated);
    const { container, serverElements } = hydrated;
    const dropZone = page.getByRole("button", { name: englishLabels.dropZone }).element();
    expect(serverElements).toContain(dropZone);
    expect(dropZone.getAttribute("tabindex")).toBe("0");
    const total = page.getByRole("progressbar", { name: englishLabels.totalProgress }).element();
    expect(serverElements).toContain(total);
    const list = the<HTMLElement>(container, '[data-part="list"]');
    expect(list.hidden).toBe(true);

    // The keyboard reaches the drop zone, and Enter opens the picker (its hidden input).
    const input = the<HTMLInputElement>(container, 'input[type="file"]');
    const opens = countPickerOpens(input);
    (dropZone as HTMLElement).focus();
    expect(document.activeElement).toBe(dropZone);
    await userEvent.keyboard("{Enter}");
    expect(opens.count).toBe(1);

    const { file, sha256 } = await randomFile(48 * 1024, "queued.mp4");
    await userEvent.upload(page.elementLocator(input), [file]);
    await expect
      .poll(() => container.querySelector<HTMLElement>('[data-part="item"]')?.dataset.state, {
        timeout: 20_000,
      })
      .toBe("succeeded");
    const stored = (await emulator.uploads()).find((upload) => upload.sha256 === sha256);
    expect(stored?.size).toBe(file.size);
    await expect.element(page.getByText("1 of 1 file uploaded")).toBeVisible();
    // The rows went into the server's list element.
    expect(container.querySelector('[data-part="list"]')).toBe(list);
    expect(list.hidden).toBe(false);
    expect(errorsLogged()).toEqual([]);
  });

  it("hydrates every part, an item's included, and its buttons act afterwards", async () => {
    // A store the page already holds when it hydrates: the same snapshot on both sides.
    const uploader: Uploader = createUploader({
      site: "videos.example.com",
      token: createMockTokenSource(),
      transport: createMockTransport(),
      autoStart: false,
      maxSize: 10,
    });
    const [queued = "", rejected = ""] = uploader.add([
      new File(["12345"], "clip.mp4", { type: "video/mp4" }),
      new File(["far too large"], "large.mp4", { type: "video/mp4" }),
    ]);
    const tree = (
      <UploadQueue.Root uploader={uploader}>
        <UploadQueue.DropZone />
        <UploadQueue.DropErrors />
        <UploadQueue.Trigger />
        <UploadQueue.Summary />
        <UploadQueue.TotalProgress />
        <ul>
          {[queued, rejected].map((id) => (
            <UploadQueue.Item key={id} id={id}>
              <UploadQueue.ItemName />
              <UploadQueue.ItemSize />
              <UploadQueue.Progress />
              <UploadQueue.ItemSpeed />
              <UploadQueue.ItemStatus />
              <UploadQueue.Cancel />
              <UploadQueue.Retry />
              <UploadQueue.Remove />
            </UploadQueue.Item>
          ))}
        </ul>
        <UploadQueue.List>{(id) => <UploadQueue.Item id={id} data-listed="" />}</UploadQueue.List>
        <UploadQueue.Announcer />
      </UploadQueue.Root>
    );
    const html = renderOnServer(tree);
    expect(html).toMatch(/<progress data-part="progress"[^>]*aria-label="Upload of clip.mp4"/);
    expect(html).toContain('aria-label="Remove large.mp4"');

    const hydrated = await serverRenderAndHydrate(tree);
    expectCleanHydration(hydrated);
    const { container, serverElements } = hydrated;
    const progress = page.getByRole("progressbar", { name: "Upload of clip.mp4" }).element();
    expect(serverElements).toContain(progress);
    const remove = page.getByRole("button", { name: "Remove large.mp4" }).element();
    expect(serverElements).toContain(remove);
    expect(serverElements).toContain(
      page.getByRole("button", { name: "Cancel clip.mp4" }).element(),
    );
    expect(serverElements).toContain(page.getByRole("status").last().element());
    await expect.element(page.getByText("0 of 1 file uploaded")).toBeVisible();
    // The list renders its rows in the browser only, after hydration.
    await expect.poll(() => container.querySelectorAll("[data-listed]").length).toBe(2);

    // The trigger opens the picker; Remove removes the item and focus stays in the queue.
    const opens = countPickerOpens(the(container, 'input[type="file"]'));
    await page.getByRole("button", { name: englishLabels.chooseFiles }).click();
    expect(opens.count).toBe(1);
    await page.elementLocator(remove).click();
    await expect.poll(() => container.querySelectorAll('[data-state="rejected"]').length).toBe(0);
    expect(uploader.getSnapshot().items.map((item) => item.name)).toEqual(["clip.mp4"]);
    const queue = the(container, '[data-twentythree-upload="queue"]');
    await expect.poll(() => queue.contains(document.activeElement)).toBe(true);
    expect(errorsLogged()).toEqual([]);
    uploader.destroy();
  });
});

describe("a page streamed from the server, then hydrated", { timeout: 60_000 }, () => {
  it("hydrates a form and a queue under one provider, and the queue uploads", async () => {
    const hydrated = await serverRenderAndHydrate(
      <UploadProvider site={emulator.url} apiVersion="v2" token={tokenUrl("streamed")}>
        <UploadForm titleField />
        <UploadQueue />
      </UploadProvider>,
      undefined,
      "stream",
    );
    expectCleanHydration(hydrated);
    const { container, serverElements } = hydrated;
    const form = the<HTMLFormElement>(container, "form");
    expect(serverElements).toContain(form);
    expect(form.getAttribute("action")).toBe(`${emulator.url}/api/2/photo/redeem-upload-token`);
    expect(serverElements).toContain(page.getByLabelText("Title", { exact: true }).element());
    expect(serverElements).toContain(page.getByLabelText("Video file", { exact: true }).element());

    const queue = the(container, '[data-twentythree-upload="queue"]');
    const { file, sha256 } = await randomFile(16 * 1024, "streamed.mp4");
    await userEvent.upload(page.elementLocator(the(queue, 'input[type="file"]')), [file]);
    await expect
      .poll(() => queue.querySelector<HTMLElement>('[data-part="item"]')?.dataset.state, {
        timeout: 20_000,
      })
      .toBe("succeeded");
    expect((await emulator.uploads()).find((upload) => upload.sha256 === sha256)?.size).toBe(
      file.size,
    );
    expect(errorsLogged()).toEqual([]);
  });
});

describe("UploadProgressBar, server-rendered then hydrated", () => {
  it("keeps its element and ARIA values, measured and indeterminate", async () => {
    const progress = {
      loaded: 500,
      total: 1000,
      fraction: 0.5,
      bytesPerSecond: null,
      secondsRemaining: null,
    };
    const tree = (
      <>
        <UploadProgressBar
          label="Measured"
          labels={englishLabels}
          progress={progress}
          state="uploading"
        />
        <UploadProgressBar label="Unknown" labels={englishLabels} progress={null} />
      </>
    );
    const hydrated = await serverRenderAndHydrate(tree);
    expectCleanHydration(hydrated);
    const measured = page.getByRole("progressbar", { name: "Measured" }).element();
    const unknown = page.getByRole("progressbar", { name: "Unknown" }).element();
    expect(hydrated.serverElements).toEqual([measured, unknown]);
    expect(measured.getAttribute("aria-valuenow")).toBe("50");
    expect(measured.getAttribute("aria-valuetext")).toBe("50% (500 byte of 1 kB)");
    expect((measured as HTMLProgressElement).value).toBe(50);
    expect(unknown.hasAttribute("aria-valuenow")).toBe(false);
    expect(unknown.hasAttribute("data-indeterminate")).toBe(true);
  });
});

describe("CallbackHandler, server-rendered then hydrated", () => {
  let originalUrl: string;
  beforeEach(() => {
    originalUrl = window.location.href;
  });
  afterEach(() => {
    window.history.replaceState(null, "", originalUrl);
  });

  it("shows its server fallback, then the callback it reads from the address bar", async () => {
    const html = renderOnServer(<CallbackHandler site="videos.example.com" />);
    expect(html).toContain('data-state="pending"');
    expect(html).toContain(englishLabels.callbackWorking);

    // TwentyThree's redirect lands here with the callback in the query; this tab received the token.
    rememberReceivedToken("token-of-this-tab");
    const url = new URL(window.location.href);
    url.search =
      "?domain=videos.example.com&upload_token=token-of-this-tab&photo_id=7&tree_id=8&token=video-token";
    window.history.pushState(null, "", url.href);
    const onSuccess = vi.fn();
    const hydrated = await serverRenderAndHydrate(
      <CallbackHandler site="videos.example.com" onSuccess={onSuccess} />,
    );
    expectCleanHydration(hydrated);
    const [status] = hydrated.serverElements;
    await expect.element(page.getByRole("status")).toHaveTextContent("Uploaded. Video id: 7");
    expect(page.getByRole("status").element()).toBe(status);
    expect(status?.getAttribute("data-state")).toBe("success");
    expect(status?.getAttribute("data-verified")).toBe("true");
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(window.location.href).not.toContain("token-of-this-tab");
    expect(errorsLogged()).toEqual([]);
  });

  it("renders a router-given callback on the server, then checks it in the browser", async () => {
    const search =
      "?domain=videos.example.com&upload_token=never-seen-here&photo_id=9&tree_id=10&token=video-token";
    const html = renderOnServer(<CallbackHandler site="videos.example.com" search={search} />);
    expect(html).toContain('data-state="success"');
    expect(html).not.toContain("data-verified");

    const hydrated = await serverRenderAndHydrate(
      <CallbackHandler site="videos.example.com" search={search} />,
    );
    expectCleanHydration(hydrated);
    const [status] = hydrated.serverElements;
    // Only the browser knows which tokens it received: this link names one it never did.
    await expect.poll(() => status?.getAttribute("data-verified")).toBe("false");
    expect(status?.textContent).toBe(englishLabels.callbackUnverified?.("9"));
    expect(hydrated.container.firstElementChild).toBe(status);
    expect(errorsLogged()).toEqual([]);
  });

  it("renders a failure as an alert on both sides, the server's message as text", async () => {
    const search =
      "?domain=videos.example.com&upload_token=t&error_message=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E";
    // The server cannot tell whose upload failed: it says only that one did.
    const html = renderOnServer(<CallbackHandler site="videos.example.com" search={search} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain("The upload failed.");
    expect(html).not.toContain("img");
    // This tab started the upload: once hydrated, it shows TwentyThree's message (as text).
    rememberReceivedToken("t");
    const hydrated = await serverRenderAndHydrate(
      <CallbackHandler site="videos.example.com" search={search} />,
    );
    expectCleanHydration(hydrated);
    const alert = page.getByRole("alert");
    await expect
      .element(alert)
      .toHaveTextContent("The upload failed: <img src=x onerror=alert(1)>");
    expect(hydrated.serverElements).toEqual([alert.element()]);
  });
});

// Last in this file on purpose: React 18 logs a hydration warning once per page, so a mismatch
// provoked here must not come before the tests above (and the attribute check comes before the
// text check, whose warning would silence it).
describe("the harness notices a mismatch (so that the tests above can fail)", () => {
  it("reports ids from useId that differ between server and client", async () => {
    // The same elements, but the client's form sits in a list (a different place in the tree),
    // so useId gives it other ids: React warns about the `id` and `for` attributes.
    const hydrated = await serverRenderAndHydrate(
      <UploadForm site="videos.example.com" token="/token" />,
      [<UploadForm key="form" site="videos.example.com" token="/token" />],
    );
    expect(hydrated.recoverableErrors).toEqual([]);
    expect(errorsLogged().join("\n")).toMatch(/id|htmlFor/);
  });

  it("reports different text between server and client", async () => {
    const hydrated = await serverRenderAndHydrate(
      <UploadForm site="videos.example.com" token="/token" />,
      <UploadForm site="videos.example.com" token="/token" labels={danishLabels} />,
    );
    expect(hydrated.recoverableErrors.length).toBeGreaterThan(0);
  });
});
