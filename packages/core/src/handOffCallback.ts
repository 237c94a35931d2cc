/** The `type` of the message {@link handOffCallback} posts. */
export const CALLBACK_MESSAGE_TYPE = "twentythree-upload:callback";

/**
 * What a return_url page posts to the page that started the upload (the iframe transport's
 * parent, or a popup's opener). Only ever posted to the page's own origin.
 */
export interface CallbackMessage {
  /** Always {@link CALLBACK_MESSAGE_TYPE}: tells this message from other `postMessage` traffic. */
  readonly type: typeof CALLBACK_MESSAGE_TYPE;
  /** The return_url page's full URL, with TwentyThree's callback parameters. */
  readonly href: string;
}

/** Whether a `message` event's `data` is a {@link CallbackMessage}. Check `event.origin` too. */
export function isCallbackMessage(data: unknown): data is CallbackMessage {
  return (
    data !== null &&
    typeof data === "object" &&
    (data as { type?: unknown }).type === CALLBACK_MESSAGE_TYPE &&
    typeof (data as { href?: unknown }).href === "string"
  );
}

/** Options of {@link handOffCallback}. */
export interface HandOffCallbackOptions {
  /** The return_url page's window. Default: the global `window`. */
  window?: Window;
}

/**
 * Call this on your return_url page. When the page runs inside the iframe transport's hidden
 * frame (or in a popup), it hands the callback URL to the page that started the upload by
 * `postMessage`, addressed to this page's own origin only (never `"*"`): the callback carries
 * the upload token.
 *
 * @returns `true` when it posted the callback to a same-origin parent or opener (postMessage
 *   cannot tell whether anything there listens: call it only where the page that started the
 *   upload does, as core's iframe transport does); `false` when there is none (the page was
 *   opened directly: handle the callback yourself, e.g. with `parseCallbackUrl(location.href)`),
 *   or during server-side rendering.
 */
export function handOffCallback(options: HandOffCallbackOptions = {}): boolean {
  const self = options.window ?? (typeof window === "undefined" ? undefined : window);
  if (!self) return false;
  const target = self.parent !== self ? self.parent : (self.opener as Window | null);
  if (!target || target === self) return false;
  try {
    // Reading a cross-origin window's location throws: such a page gets nothing.
    if (target.location.origin !== self.location.origin) return false;
  } catch {
    return false;
  }
  const message: CallbackMessage = { type: CALLBACK_MESSAGE_TYPE, href: self.location.href };
  target.postMessage(message, self.location.origin);
  return true;
}
