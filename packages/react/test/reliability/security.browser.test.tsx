// Issue 7's security rows, through the real components in Chromium: hostile callbacks are shown
// as text, refused or flagged, never executed or followed; upload tokens never show up in console
// output, error messages or anything on screen. (The strict-CSP row needs a page served with its
// own header: strictCsp.e2e.test.ts.)
import {
  parseUploadToken,
  UploadError,
  type TokenSource,
  type Transport,
} from "@twentythree-upload/core";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "vitest-browser-react";
import { CallbackHandler, rememberReceivedToken, UploadQueue } from "../../src/index.js";
import {
  captureEverything,
  choose,
  ErrorRecorder,
  leakedTokens,
  openSite,
  randomFile,
  rowOf,
  seen,
  statusOf,
  storedWith,
  tokenUrlOf,
} from "./harness.js";

beforeAll(() => captureEverything());

// Markup that would run if it were ever parsed as HTML: it sets a flag and calls alert().
const HOSTILE = `<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script>`;

let originalUrl: string;
let pageErrors: string[];
const onError = (event: ErrorEvent) => pageErrors.push(event.message);
beforeEach(() => {
  originalUrl = window.location.href;
  pageErrors = [];
  window.addEventListener("error", onError);
  vi.spyOn(window, "alert").mockImplementation(() => {});
});
afterEach(() => {
  window.removeEventListener("error", onError);
  window.history.replaceState(null, "", originalUrl);
  vi.restoreAllMocks();
});

/** Nothing ran: no flag, no alert, no page error, no element created from the markup. */
function expectInert() {
  expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  expect(window.alert).not.toHaveBeenCalled();
  expect(pageErrors).toEqual([]);
  expect(document.querySelector('img[src="x"]')).toBeNull();
  const scripts = [...document.scripts].filter((script) => script.text.includes("__pwned"));
  expect(scripts).toEqual([]);
}

/** Puts a callback into the address bar, as TwentyThree's 301 would. */
function arriveAt(query: string) {
  const url = new URL(window.location.href);
  url.search = query;
  window.history.pushState(null, "", url.href);
}

describe("hostile callbacks and server messages", { timeout: 30_000 }, () => {
  it("an error_message with markup is shown as text, never run", async () => {
    const host = "videos.example.com";
    // This tab's upload: a failure link for a token it never received shows no message at all.
    rememberReceivedToken("t");
    arriveAt(`?domain=${host}&upload_token=t&error_message=${encodeURIComponent(HOSTILE)}`);
    const screen = await render(<CallbackHandler site={host} />);
    await expect
      .element(screen.getByRole("alert"))
      .toHaveTextContent(`The upload failed: ${HOSTILE}`);
    // Give an image that was created anyway the time to fail loading and run its handler.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expectInert();
  });

  it("TwentyThree's words about a refused file are shown as text in the queue", async () => {
    // What the transports make of an `error_message` callback: a file-rejected error.
    const refuse: Transport = async (request) => {
      request.onProgress({ loaded: 0, total: request.file.size });
      request.onBodySent();
      throw new UploadError("file-rejected", "TwentyThree refused the file.", {
        serverMessage: HOSTILE,
      });
    };
    const site = await openSite();
    const { file } = await randomFile(1000, "refused.mp4");
    const screen = await render(
      <UploadQueue site={site.url} token={tokenUrlOf(site)} transport={refuse}>
        <ErrorRecorder />
      </UploadQueue>,
    );
    await choose(screen.container, [file]);
    await expect.poll(() => rowOf(screen.container, file.name)?.dataset.state).toBe("failed");
    expect(statusOf(screen.container, file.name)).toBe(
      `Failed: The video platform refused the file. ${HOSTILE}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expectInert();
  });

  it("a forged callback for a token this browser never received is flagged; ours is verified", async () => {
    const site = await openSite();
    const host = new URL(site.url).host;
    // A real upload from this tab: its token was received through the token endpoint.
    const { file, sha256 } = await randomFile(20_000, "ours.mp4");
    const queue = await render(<UploadQueue site={site.url} token={tokenUrlOf(site)} />);
    await choose(queue.container, [file]);
    await expect.poll(() => rowOf(queue.container, file.name)?.dataset.state).toBe("succeeded");
    const [stored] = await storedWith(site, sha256);
    await queue.unmount();
    // Tokens are remembered as fingerprints only.
    expect(JSON.stringify(sessionStorage)).not.toContain(stored?.uploadToken);

    const callback = (uploadToken: string, photoId: string, token: string) =>
      `?domain=${host}&upload_token=${uploadToken}&photo_id=${photoId}&tree_id=1&token=${token}`;
    const onSuccess = vi.fn();
    const ours = await render(
      <CallbackHandler
        site={site.url}
        search={callback(stored?.uploadToken ?? "", stored?.photoId ?? "", stored?.token ?? "")}
        onSuccess={onSuccess}
      />,
    );
    const oursRoot = ours.container.querySelector("[data-twentythree-upload]");
    await expect.poll(() => oursRoot?.getAttribute("data-verified")).toBe("true");
    expect(oursRoot?.textContent).toBe(`Uploaded. Video id: ${stored?.photoId}`);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ photoId: stored?.photoId }), {
      verified: true,
    });
    await ours.unmount();

    // Someone else's (real) video, sent to this user as a link: the token is not ours.
    const other = await site.createToken({}, { return_url: site.returnUrl() });
    const forged = await render(
      <CallbackHandler
        site={site.url}
        search={callback(other.uploadToken, "1000999", "x".repeat(32))}
        onSuccess={onSuccess}
      />,
    );
    const forgedRoot = forged.container.querySelector("[data-twentythree-upload]");
    await expect.poll(() => forgedRoot?.getAttribute("data-verified")).toBe("false");
    expect(forgedRoot?.textContent).toBe(
      "Uploaded. Video id: 1000999 (not confirmed: this browser did not start this upload).",
    );
    expect(onSuccess).toHaveBeenLastCalledWith(expect.objectContaining({ photoId: "1000999" }), {
      verified: false,
    });
  });

  it("a javascript: return_url is never followed (and TwentyThree would not issue one)", async () => {
    const site = await openSite();
    // TwentyThree's get-upload-token refuses it (the emulator's legacy error envelope).
    const refused = await site.issueToken({}, { return_url: "javascript:window.__pwned=1" });
    expect(JSON.parse(refused)).toMatchObject({ status: "error" });
    expect(refused).toMatch(/return_url/);
    // A broken or compromised token endpoint hands the page a token that claims one.
    const token: TokenSource = async (request) => ({
      ...(await parseUploadToken(await site.issueToken(request, { return_url: site.returnUrl() }))),
      returnUrl: "javascript:window.__pwned=1;alert(1)",
    });
    const before = window.location.href;
    const { file, sha256 } = await randomFile(20_000, "return-url.mp4");
    const screen = await render(<UploadQueue site={site.url} token={token} />);
    await choose(screen.container, [file]);
    await expect.poll(() => rowOf(screen.container, file.name)?.dataset.state).toBe("succeeded");
    expect(await storedWith(site, sha256)).toHaveLength(1);
    expect(window.location.href).toBe(before);
    expectInert();
  });
});

describe("tokens stay secret", () => {
  it("no upload token appears in console output, error messages or anything shown", () => {
    expect(seen.tokens.size).toBeGreaterThan(2);
    expect(seen.errors.length).toBeGreaterThan(0);
    expect(leakedTokens()).toEqual([]);
  });
});
