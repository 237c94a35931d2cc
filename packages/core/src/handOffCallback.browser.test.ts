import { describe, expect, it } from "vitest";
import { CALLBACK_MESSAGE_TYPE, isCallbackMessage } from "./handOffCallback.js";

describe("handOffCallback in a real same-origin frame", () => {
  it("posts the page's callback URL to its parent, from that frame and origin", async () => {
    const iframe = document.createElement("iframe");
    iframe.hidden = true;
    const received = new Promise<MessageEvent>((resolve) => {
      const listen = (event: MessageEvent) => {
        if (event.source !== iframe.contentWindow || !isCallbackMessage(event.data)) return;
        window.removeEventListener("message", listen);
        resolve(event);
      };
      window.addEventListener("message", listen);
    });
    // test/callback.html runs handOffCallback() the way an app's return_url page would.
    iframe.src = new URL(
      "/packages/core/test/callback.html?theme=green&photo_id=1",
      window.location.origin,
    ).href;
    document.body.append(iframe);

    const event = await received;

    expect(event.origin).toBe(window.location.origin);
    expect(event.data).toEqual({
      type: CALLBACK_MESSAGE_TYPE,
      href: iframe.contentWindow?.location.href,
    });
    expect(event.data.href).toContain("photo_id=1");
    await expect.poll(() => iframe.contentDocument?.documentElement.dataset.handedOff).toBe("true");
    iframe.remove();
  });
});
