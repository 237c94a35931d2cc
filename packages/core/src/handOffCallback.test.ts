import { describe, expect, it, vi } from "vitest";
import { CALLBACK_MESSAGE_TYPE, handOffCallback, isCallbackMessage } from "./handOffCallback.js";

// The cross-origin and popup cases need windows a test page cannot easily nest, so they use
// stand-ins here; the same-origin frame case runs in Chromium (handOffCallback.browser.test.ts).
function fakeWindow(origin: string, href = `${origin}/cb?photo_id=1`) {
  const self = {
    location: { origin, href },
    parent: undefined as unknown,
    opener: null as unknown,
    postMessage: vi.fn(),
  };
  self.parent = self;
  return self;
}

function crossOrigin() {
  return {
    get location(): never {
      throw new DOMException(
        "Blocked a frame from accessing a cross-origin frame.",
        "SecurityError",
      );
    },
    postMessage: vi.fn(),
  };
}

const asWindow = (value: unknown) => value as Window;

describe("handOffCallback", () => {
  it("hands off to a same-origin opener (popup) with the page's origin as target", () => {
    const page = fakeWindow("https://app.example");
    const opener = fakeWindow("https://app.example", "https://app.example/upload");
    page.opener = opener;
    expect(handOffCallback({ window: asWindow(page) })).toBe(true);
    expect(opener.postMessage).toHaveBeenCalledWith(
      { type: CALLBACK_MESSAGE_TYPE, href: "https://app.example/cb?photo_id=1" },
      "https://app.example",
    );
  });

  it("gives nothing to a cross-origin parent or opener", () => {
    const framed = fakeWindow("https://app.example");
    const parent = crossOrigin();
    framed.parent = parent;
    expect(handOffCallback({ window: asWindow(framed) })).toBe(false);
    expect(parent.postMessage).not.toHaveBeenCalled();

    const popup = fakeWindow("https://app.example");
    const otherSite = fakeWindow("https://evil.example");
    popup.opener = otherSite;
    expect(handOffCallback({ window: asWindow(popup) })).toBe(false);
    expect(otherSite.postMessage).not.toHaveBeenCalled();
  });

  it("returns false when the page was opened directly, and during SSR", () => {
    expect(handOffCallback({ window: asWindow(fakeWindow("https://app.example")) })).toBe(false);
    expect(typeof window).toBe("undefined");
    expect(handOffCallback()).toBe(false);
  });
});

describe("isCallbackMessage", () => {
  it.each([
    [{ type: CALLBACK_MESSAGE_TYPE, href: "https://app.example/cb" }, true],
    [{ type: CALLBACK_MESSAGE_TYPE }, false],
    [{ type: "other", href: "x" }, false],
    ["twentythree-upload:callback", false],
    [null, false],
  ])("%j → %j", (data, expected) => {
    expect(isCallbackMessage(data)).toBe(expected);
  });
});
