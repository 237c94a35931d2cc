import {
  CallbackError,
  isCallbackMessage,
  rememberReceivedToken,
  type CallbackMessage,
} from "@twentythree-upload/core";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { render } from "vitest-browser-react";
import { callbackPageUrl } from "../test/helpers.js";
import { CallbackHandler } from "./CallbackHandler.js";
import { UploadProvider } from "./UploadProvider.js";

// The seed's own callback URLs (steps 4a and 4b).
const seedSuccess =
  "http://www.example.com/upload/callback?theme=green&domain=videos.example.com&upload_token=022fe6e3fb42758d6147c539727c5358af3524b1&photo_id=12345&tree_id=97531&token=mhpDudicFtdjz1isvidhnzsgqv3kaske";
const seedError =
  "http://www.example.com/upload/callback?theme=green&domain=videos.example.com&upload_token=022fe6e3fb42758d6147c539727c5358af3524b1&error_message=The+file+type+isn't+supported";
const hostile = "<img src=x onerror=alert(1)>";

let originalUrl: string;
beforeEach(() => {
  originalUrl = window.location.href;
});
afterEach(() => {
  window.history.replaceState(null, "", originalUrl);
});

/** Puts a callback query into the address bar, as TwentyThree's 301 would, with router state. */
function arriveAt(query: string, state: unknown = { router: "kept" }) {
  const url = new URL(window.location.href);
  url.search = query;
  window.history.pushState(state, "", url.href);
}

describe("CallbackHandler", () => {
  it("shows the seed's success callback from a `url` prop and reports it once", async () => {
    const onSuccess = vi.fn();
    const screen = await render(
      <CallbackHandler site="videos.example.com" url={seedSuccess} onSuccess={onSuccess} />,
    );
    await expect.element(screen.getByRole("status")).toHaveTextContent("Uploaded. Video id: 12345");
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({
      status: "success",
      photoId: "12345",
      treeId: "97531",
      token: "mhpDudicFtdjz1isvidhnzsgqv3kaske",
      params: { theme: "green" },
    });
  });

  it("shows the seed's error callback as an alert and calls onError with the result", async () => {
    // This tab received the upload's token: the failure is its own upload's.
    rememberReceivedToken("022fe6e3fb42758d6147c539727c5358af3524b1");
    const onError = vi.fn();
    const screen = await render(
      <CallbackHandler site="videos.example.com" url={seedError} onError={onError} />,
    );
    await expect
      .element(screen.getByRole("alert"))
      .toHaveTextContent("The upload failed: The file type isn't supported");
    expect(onError).toHaveBeenCalledTimes(1);
    const [error, result, details] = onError.mock.calls[0] ?? [];
    expect(error).toBeInstanceOf(CallbackError);
    expect(error.code).toBe("upload_failed");
    expect(result).toMatchObject({
      status: "error",
      errorMessage: "The file type isn't supported",
    });
    expect(details).toEqual({ verified: true });
  });

  it("shows a generic failure, not the link's error_message, for a token this tab never received", async () => {
    const onError = vi.fn();
    const forged =
      "?domain=videos.example.com&upload_token=f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0&error_message=Call+support+at+555-0100";
    for (const props of [{ search: forged }, { url: `https://app.example.com/cb${forged}` }]) {
      const screen = await render(
        <CallbackHandler site="videos.example.com" {...props} onError={onError} />,
      );
      const alert = screen.getByRole("alert");
      await expect.element(alert).toHaveTextContent(/^The upload failed\.$/);
      expect(alert.element().getAttribute("data-verified")).toBe("false");
      expect(screen.container.textContent).not.toContain("555-0100");
      await screen.unmount();
    }
    // The app still gets the whole result, flagged, to decide for itself.
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[0]?.[1]).toMatchObject({ errorMessage: "Call support at 555-0100" });
    expect(onError.mock.calls[0]?.[2]).toEqual({ verified: false });
  });

  it("reads window.location, strips the token-bearing parameters and keeps router state", async () => {
    arriveAt(
      "?theme=green&domain=videos.example.com&upload_token=secret-token&photo_id=7&tree_id=8&token=video-secret",
    );
    const onSuccess = vi.fn();
    const screen = await render(
      <UploadProvider site="videos.example.com">
        <CallbackHandler onSuccess={onSuccess} />
      </UploadProvider>,
    );
    await expect.element(screen.getByRole("status")).toHaveTextContent("Uploaded. Video id: 7");
    expect(window.location.search).toBe("?theme=green");
    expect(window.location.href).not.toContain("secret-token");
    expect(window.history.state).toEqual({ router: "kept" });
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it("under StrictMode, reads window.location once: stays a success after stripping the URL", async () => {
    arriveAt(
      "?theme=green&domain=videos.example.com&upload_token=strict-token&photo_id=9&tree_id=8&token=video-secret",
    );
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const screen = await render(
      <StrictMode>
        <UploadProvider site="videos.example.com">
          <CallbackHandler onSuccess={onSuccess} onError={onError} />
        </UploadProvider>
      </StrictMode>,
    );
    await expect.element(screen.getByRole("status")).toHaveTextContent("Uploaded. Video id: 9");
    expect(window.location.search).toBe("?theme=green");
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it("renders a hostile error_message as text only", async () => {
    rememberReceivedToken("t");
    const alert = vi.spyOn(window, "alert").mockImplementation(() => {});
    arriveAt(
      `?domain=videos.example.com&upload_token=t&error_message=${encodeURIComponent(hostile)}`,
    );
    const screen = await render(<CallbackHandler site="videos.example.com" />);
    await expect
      .element(screen.getByRole("alert"))
      .toHaveTextContent(`The upload failed: ${hostile}`);
    expect(screen.container.querySelector("img")).toBeNull();
    expect(alert).not.toHaveBeenCalled();
    alert.mockRestore();
  });

  it("refuses a callback that names another site", async () => {
    const onSuccess = vi.fn();
    const onError = vi.fn();
    const screen = await render(
      <CallbackHandler
        site="videos.example.com"
        search="?domain=evil.example.net&upload_token=t&photo_id=1&tree_id=2&token=x"
        onSuccess={onSuccess}
        onError={onError}
      />,
    );
    await expect
      .element(screen.getByRole("alert"))
      .toHaveTextContent("This page did not receive a valid upload result.");
    expect(onSuccess).not.toHaveBeenCalled();
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: "foreign_domain" });
    expect(onError.mock.calls[0]?.[1]).toBeNull();
  });

  it("passes its state to a render prop (for router-driven pages)", async () => {
    const screen = await render(
      <CallbackHandler site="videos.example.com" search={new URL(seedSuccess).search}>
        {(state) => (
          <output>{state.status === "success" ? `#${state.result.photoId}` : state.status}</output>
        )}
      </CallbackHandler>,
    );
    await expect.element(screen.getByText("#12345")).toBeVisible();
    expect(
      screen.container.querySelector("[data-twentythree-upload]")?.getAttribute("data-state"),
    ).toBe("success");
  });

  it("inside an iframe, hands the callback to its same-origin parent", async () => {
    const site = "videos.example.com";
    const src = new URL(callbackPageUrl(site));
    for (const [key, value] of new URLSearchParams(new URL(seedSuccess).search)) {
      src.searchParams.set(key, value);
    }
    const frame = document.createElement("iframe");
    // The name core's iframe transport gives its frame: CallbackHandler hands off only to it.
    frame.name = "twentythree-upload-test";
    const received = new Promise<{ data: CallbackMessage; origin: string }>((resolve) => {
      window.addEventListener("message", function listener(event) {
        if (event.source === frame.contentWindow && isCallbackMessage(event.data)) {
          window.removeEventListener("message", listener);
          resolve({ data: event.data, origin: event.origin });
        }
      });
    });
    frame.src = src.href;
    document.body.append(frame);
    const { data, origin } = await received;
    expect(origin).toBe(window.location.origin);
    expect(new URL(data.href).searchParams.get("photo_id")).toBe("12345");
    await expect
      .poll(() => frame.contentDocument?.body.textContent, { timeout: 10_000 })
      .toContain("Upload finished. You can close this window.");
    // Handed off: the frame's page did not treat it as its own success.
    expect(frame.contentDocument?.documentElement.dataset.photoId).toBeUndefined();
    frame.remove();
  });

  it("in a popup, by default, handles the callback itself: nothing in its opener listens", async () => {
    const src = new URL(callbackPageUrl("videos.example.com"));
    for (const [key, value] of new URLSearchParams(new URL(seedSuccess).search)) {
      src.searchParams.set(key, value);
    }
    const popup = window.open(src.href, "_blank", "popup,width=420,height=320");
    try {
      expect(popup).not.toBeNull();
      // onSuccess ran in the popup (a handed-off result skips it) …
      await expect
        .poll(() => popup?.document.documentElement.dataset.photoId, { timeout: 10_000 })
        .toBe("12345");
      // … and the token-bearing parameters left its address bar.
      await expect.poll(() => popup?.location.search).not.toContain("upload_token");
      // (onSuccess runs in an effect, before the state commits.)
      await expect
        .poll(() =>
          popup?.document.querySelector("[data-twentythree-upload]")?.getAttribute("data-state"),
        )
        .toBe("success");
    } finally {
      popup?.close();
    }
  });

  it("in a popup with handOff, hands the callback to its same-origin opener by an origin-checked postMessage", async () => {
    const site = "videos.example.com";
    const src = new URL(callbackPageUrl(site));
    src.searchParams.set("handOff", "true");
    for (const [key, value] of new URLSearchParams(new URL(seedSuccess).search)) {
      src.searchParams.set(key, value);
    }
    // The popup calls this window's postMessage directly (same origin): record how it addresses
    // it. (Through this wrapper the event's `source` is this window, so the message is matched by
    // the popup's URL that it carries.)
    const targetOrigins: unknown[] = [];
    const ownPostMessage = Object.getOwnPropertyDescriptor(window, "postMessage");
    const postMessage = window.postMessage.bind(window);
    window.postMessage = ((message: unknown, options?: string | WindowPostMessageOptions) => {
      targetOrigins.push(typeof options === "string" ? options : options?.targetOrigin);
      postMessage(message, options as string);
    }) as typeof window.postMessage;
    let popup: Window | null = null;
    const target = window.location.origin;
    try {
      const received = new Promise<{ data: CallbackMessage; origin: string }>((resolve) => {
        window.addEventListener("message", function listener(event) {
          if (isCallbackMessage(event.data) && event.data.href === src.href) {
            window.removeEventListener("message", listener);
            resolve({ data: event.data, origin: event.origin });
          }
        });
      });
      popup = window.open(src.href, "_blank", "popup,width=420,height=320");
      expect(popup).not.toBeNull();
      const { data, origin } = await received;
      expect(origin).toBe(target);
      // Addressed to this page's own origin only, never "*": the callback carries the token.
      expect(targetOrigins).toEqual([target]);
      expect(new URL(data.href).searchParams.get("photo_id")).toBe("12345");
      await expect
        .poll(() => popup?.document.body.textContent, { timeout: 10_000 })
        .toContain("Upload finished. You can close this window.");
      expect(
        popup?.document.querySelector("[data-twentythree-upload]")?.getAttribute("data-state"),
      ).toBe("handed-off");
      // Handed off: the popup's page did not treat it as its own success.
      expect(popup?.document.documentElement.dataset.photoId).toBeUndefined();
    } finally {
      popup?.close();
      if (ownPostMessage) {
        Object.defineProperty(window, "postMessage", ownPostMessage);
      } else {
        delete (window as { postMessage?: unknown }).postMessage;
      }
    }
  });

  it("in a frame that is not the upload fallback, handles the callback itself", async () => {
    const src = new URL(callbackPageUrl("videos.example.com"));
    src.search += `&${new URL(seedSuccess).search.slice(1)}`;
    const frame = document.createElement("iframe");
    frame.src = src.href;
    document.body.append(frame);
    await expect
      .poll(() => frame.contentDocument?.documentElement.dataset.photoId, { timeout: 10_000 })
      .toBe("12345");
    // onSuccess (which sets the attribute) runs in an effect, before the text commits.
    await expect
      .poll(() => frame.contentDocument?.body.textContent)
      .toContain("Uploaded. Video id: 12345");
    frame.remove();
  });
});
