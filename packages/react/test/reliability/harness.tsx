// The reliability suite's harness (browser side): an isolated emulator per test, its records as
// the suite reads them, real files, the hidden file input the picker uses, row recorders, and a
// leak detector. It also gathers, for the whole file, every upload token any of its emulators
// issued and everything a user or a developer could see (console output, visible text, error
// messages), so that the last test of a file can check that no token ever showed up in any of it.
import {
  createEmulatorClient,
  type InstanceOptions,
  type RequestRecord,
  type SpawnedEmulatorClient,
  type UploadRecord,
} from "@twentythree-upload/emulator/client";
import type { Uploader } from "@twentythree-upload/core";
import { useContext, useEffect } from "react";
import { inject, onTestFinished } from "vitest";
import { cdp, page, userEvent } from "vitest/browser";
import { UploadQueueContext } from "../../src/UploadQueueContext.js";
// The types of `cdp()`'s session come with the Playwright provider.
import type {} from "@vitest/browser-playwright";

export { randomFile } from "../helpers.js";

/** Everything the suite saw, for the token-leak check. */
export const seen = {
  /** Every upload token issued by the emulators of this file. */
  tokens: new Set<string>(),
  /** Console output of the page (all levels), as text. */
  console: [] as string[],
  /** `message` and `serverMessage` of every error an uploader reported. */
  errors: [] as string[],
  /**
   * `name:status` for every status an item took, as the engine announced it (a status shorter
   * than a render, such as a quick `retrying`, is here even when the row never showed it).
   */
  statuses: [] as string[],
  /** Every text shown in the document (text nodes as they were added or changed). */
  texts: [] as string[],
};

let isCapturing = false;

/**
 * Records console output and every text the document shows, for the rest of the file. The
 * console is still printed (the original methods are called).
 */
export function captureEverything(): void {
  if (isCapturing) {
    return;
  }
  isCapturing = true;
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    // eslint-disable-next-line no-console -- wrapping every console method is the point here
    const original = console[level].bind(console);
    // eslint-disable-next-line no-console -- see above
    console[level] = (...args: unknown[]) => {
      seen.console.push(args.map(describe).join(" "));
      original(...args);
    };
  }
  const recordText = (node: Node) => {
    const text = node.textContent;
    if (text) {
      seen.texts.push(text);
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "characterData") {
        recordText(record.target);
      } else {
        record.addedNodes.forEach(recordText);
      }
      if (record.type === "attributes" && record.target instanceof Element) {
        // Accessible names and descriptions are shown too (by screen readers); `value` is not
        // recorded: the form's hidden upload_token field legitimately holds its token.
        const value = record.target.getAttribute(record.attributeName ?? "");
        if (value) {
          seen.texts.push(value);
        }
      }
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["aria-label", "aria-valuetext", "title", "alt"],
  });
}

function describe(value: unknown): string {
  if (value instanceof Error) {
    return `${value.name}: ${value.message} ${String((value as { serverMessage?: unknown }).serverMessage ?? "")}`;
  }
  if (typeof value === "string") {
    return value;
  }
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * A private emulator for the running test (faults stay local), closed when the test ends; the
 * tokens it issued are remembered for the token-leak check.
 */
export async function openSite(options: InstanceOptions = {}): Promise<SpawnedEmulatorClient> {
  const emulator = await createEmulatorClient(inject("emulatorUrl")).spawn({
    encodingDelayMs: 0,
    ...options,
  });
  onTestFinished(async () => {
    for (const token of await emulator.tokens()) {
      seen.tokens.add(token.uploadToken);
    }
    await emulator.close();
  });
  return emulator;
}

/** The token endpoint users of the emulator get: callbacks go to its echo page (the seed flow). */
export function tokenUrlOf(emulator: SpawnedEmulatorClient): string {
  return emulator.tokenUrl({ return_url: emulator.returnUrl({ theme: "green" }) });
}

/** Upload POSTs to redeem-upload-token (not CORS preflights, not the auto transport's probe). */
export async function uploadPosts(emulator: SpawnedEmulatorClient): Promise<RequestRecord[]> {
  return (await emulator.requests()).filter(
    (request) =>
      request.endpoint === "photo/redeem-upload-token" &&
      request.method === "POST" &&
      !request.probe,
  );
}

/** Requests to the emulator's token endpoint (one per token the library asked for). */
export async function tokenRequests(emulator: SpawnedEmulatorClient): Promise<RequestRecord[]> {
  return (await emulator.requests()).filter(
    (request) => request.endpoint === "token" && request.method === "POST",
  );
}

/** What the emulator stored with these bytes (not deleted). */
export async function storedWith(
  emulator: SpawnedEmulatorClient,
  sha256: string,
): Promise<UploadRecord[]> {
  return (await emulator.uploads()).filter((upload) => upload.sha256 === sha256 && !upload.deleted);
}

/** Chooses files through the queue's (or form's) file input, as the picker would. */
export async function choose(container: HTMLElement, files: File[]): Promise<void> {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) {
    throw new Error("no file input");
  }
  await userEvent.upload(page.elementLocator(input), files);
}

/**
 * Drops files on the queue's drop zone, as a user dragging them from the desktop would. Unlike
 * `choose`, nothing goes through the test runner's connection (which `throttleUploads` slows).
 */
export function drop(container: HTMLElement, files: File[]): void {
  const zone = container.querySelector('[data-part="drop-zone"]');
  if (!zone) {
    throw new Error("no drop zone");
  }
  const data = new DataTransfer();
  files.forEach((file) => data.items.add(file));
  for (const type of ["dragenter", "dragover", "drop"]) {
    zone.dispatchEvent(
      new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }
}

/**
 * Caps the browser's upload throughput (DevTools network conditions) until the test ends. Unlike
 * an emulator throughput fault, the browser then never blocks on a full socket: when it gives up
 * on a request it closes the connection at once, so the emulator sees the abort. (With a slow
 * reader instead, Chromium may keep a connection whose write is stuck open long after the
 * request was aborted.)
 */
export async function throttleUploads(bytesPerSecond: number): Promise<void> {
  const session = cdp();
  const conditions = (uploadThroughput: number) =>
    session.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput,
    });
  await session.send("Network.enable");
  await conditions(bytesPerSecond);
  onTestFinished(async () => {
    await conditions(-1);
  });
}

/** The queue row of a file, by its visible name (rows are virtualized: query each time). */
export function rowOf(container: HTMLElement, name: string): HTMLElement | null {
  return (
    [...container.querySelectorAll<HTMLElement>('[data-part="item"]')].find(
      (element) => element.querySelector('[data-part="item-name"]')?.textContent === name,
    ) ?? null
  );
}

/** The visible status text of a file's row. */
export function statusOf(container: HTMLElement, name: string): string | null {
  return rowOf(container, name)?.querySelector('[data-part="item-status"]')?.textContent ?? null;
}

/**
 * Records every `data-state` a file's row shows, in order (consecutive duplicates collapsed),
 * and every status text, even when the row element is replaced.
 */
export function recordRow(
  container: HTMLElement,
  name: string,
): { states: string[]; texts: string[]; stop: () => void } {
  const states: string[] = [];
  const texts: string[] = [];
  const record = () => {
    const row = rowOf(container, name);
    const state = row?.dataset.state;
    if (state && states.at(-1) !== state) {
      states.push(state);
    }
    const text = statusOf(container, name);
    if (text && texts.at(-1) !== text) {
      texts.push(text);
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(container, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["data-state"],
  });
  record();
  return { states, texts, stop: () => observer.disconnect() };
}

/**
 * A part for `<UploadQueue>`'s children: records the message and server message of every error
 * its uploader reports (retried ones included) into `seen.errors`, and every item's statuses into
 * `seen.statuses`.
 */
export function ErrorRecorder() {
  const queue = useContext(UploadQueueContext);
  useEffect(() => {
    if (!queue) {
      return;
    }
    const recorded = new WeakSet<object>();
    const lastStatus = new Map<string, string>();
    const record = () => {
      for (const item of queue.uploader.getSnapshot().items) {
        if (lastStatus.get(item.id) !== item.status) {
          lastStatus.set(item.id, item.status);
          seen.statuses.push(`${item.name}:${item.status}`);
        }
        if (item.error && !recorded.has(item.error)) {
          recorded.add(item.error);
          seen.errors.push(`${item.error.message} ${item.error.serverMessage ?? ""}`);
        }
      }
    };
    record();
    return queue.uploader.subscribe(record);
  }, [queue]);
  return null;
}

/** What {@link UploaderSpy} saw of the queue's own uploader. */
export interface UploaderProbe {
  uploader: Uploader | null;
  /** Listeners subscribed now (subscribe calls whose unsubscribe has not been called). */
  live: number;
  /** Times any subscribed listener was called (a state update reaching React). */
  calls: number;
  /** `destroy()` was called. */
  destroyed: boolean;
}

export function createUploaderProbe(): UploaderProbe {
  return { uploader: null, live: 0, calls: 0, destroyed: false };
}

/**
 * A part for `<UploadQueue>`'s children that wraps the queue's own uploader (the one it created
 * from options) to count its subscribers and notifications, and to see it destroyed. It wraps
 * while rendering, before any effect of the tree has subscribed (React subscribes in effects).
 */
export function UploaderSpy({ probe }: { probe: UploaderProbe }) {
  const queue = useContext(UploadQueueContext);
  const uploader = queue?.uploader;
  if (uploader && probe.uploader !== uploader) {
    probe.uploader = uploader;
    const { subscribe, destroy } = uploader;
    uploader.subscribe = (listener) => {
      probe.live += 1;
      let subscribed = true;
      const unsubscribe = subscribe.call(uploader, () => {
        probe.calls += 1;
        listener();
      });
      return () => {
        if (subscribed) {
          subscribed = false;
          probe.live -= 1;
        }
        unsubscribe();
      };
    };
    uploader.destroy = () => {
      probe.destroyed = true;
      destroy.call(uploader);
    };
  }
  return null;
}

/** Live event listeners, requests and object URLs, counted by wrapping the platform's methods. */
export interface LeakCounter {
  /**
   * Listeners currently attached to long-lived targets (`Window`, the document, `AbortSignal`s),
   * as `"<target>:<event type>": count`. Listeners on elements and requests that are gone are
   * garbage with them, and React's own document-wide `selectionchange` listener (added once per
   * document by react-dom) is not the library's, so neither is counted.
   */
  listeners(): Record<string, number>;
  /** XMLHttpRequests sent and not yet ended (`loadend`). */
  openRequests(): number;
  /**
   * Object URLs: `created` counts every `URL.createObjectURL` call since counting began, `live`
   * those not revoked. The library creates none today, so `created` guards against one
   * appearing (and `live` against it leaking).
   */
  objectUrls(): { created: number; live: number };
  restore(): void;
}

const longLived = ["Window", "HTMLDocument", "Document", "AbortSignal"];

/** Starts counting listeners and object URLs (until `restore()`). */
export function countLeaks(): LeakCounter {
  const proto = EventTarget.prototype;
  const { addEventListener, removeEventListener } = proto;
  // Window is a [Global] interface: its methods are own properties, not EventTarget.prototype's.
  const ownWindowMethods = Object.hasOwn(window, "addEventListener");
  const windowMethods = {
    add: window.addEventListener,
    remove: window.removeEventListener,
  };
  const live = new Map<EventTarget, Set<string>>();
  const keyOf = (
    type: string,
    listener: unknown,
    options: boolean | EventListenerOptions | undefined,
  ) => {
    const capture = typeof options === "boolean" ? options : Boolean(options?.capture);
    return { type, listener, capture };
  };
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  const idOf = (value: unknown) => {
    if (typeof value !== "object" && typeof value !== "function") {
      return 0;
    }
    if (value === null) {
      return 0;
    }
    let id = ids.get(value);
    if (id === undefined) {
      id = nextId++;
      ids.set(value, id);
    }
    return id;
  };
  const keyString = (key: ReturnType<typeof keyOf>) =>
    `${key.type}|${idOf(key.listener)}|${key.capture}`;
  proto.addEventListener = function add(
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    if (listener) {
      const set = live.get(this) ?? new Set<string>();
      live.set(this, set);
      const key = keyString(keyOf(type, listener, options));
      set.add(key);
      // A `once` listener removes itself when it fires; so does aborting its `signal`.
      if (typeof options === "object" && options.once) {
        addEventListener.call(this, type, () => set.delete(key), { once: true });
      }
      if (typeof options === "object" && options.signal) {
        addEventListener.call(options.signal, "abort", () => set.delete(key), { once: true });
      }
    }
    return addEventListener.call(this, type, listener, options);
  };
  proto.removeEventListener = function remove(
    this: EventTarget,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    if (listener) {
      live.get(this)?.delete(keyString(keyOf(type, listener, options)));
    }
    return removeEventListener.call(this, type, listener, options);
  };
  if (ownWindowMethods) {
    window.addEventListener = proto.addEventListener;
    window.removeEventListener = proto.removeEventListener;
  }
  const { send } = XMLHttpRequest.prototype;
  const open = new Set<XMLHttpRequest>();
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
    open.add(this);
    addEventListener.call(this, "loadend", () => open.delete(this), { once: true });
    return send.call(this, body);
  };
  const { createObjectURL, revokeObjectURL } = URL;
  const urls = new Set<string>();
  let created = 0;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = createObjectURL(object);
    created += 1;
    urls.add(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    urls.delete(url);
    revokeObjectURL(url);
  };
  return {
    listeners() {
      const counts: Record<string, number> = {};
      for (const [target, set] of live) {
        const kind = target.constructor.name;
        if (!longLived.includes(kind)) {
          continue;
        }
        for (const key of set) {
          const type = key.split("|")[0] ?? "";
          if (type !== "selectionchange") {
            counts[`${kind}:${type}`] = (counts[`${kind}:${type}`] ?? 0) + 1;
          }
        }
      }
      return counts;
    },
    openRequests: () => open.size,
    objectUrls: () => ({ created, live: urls.size }),
    restore() {
      proto.addEventListener = addEventListener;
      proto.removeEventListener = removeEventListener;
      if (ownWindowMethods) {
        window.addEventListener = windowMethods.add;
        window.removeEventListener = windowMethods.remove;
      }
      XMLHttpRequest.prototype.send = send;
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    },
  };
}

/** The texts among `seen` that contain one of the issued tokens (empty when none leaked). */
export function leakedTokens(): string[] {
  const everything = [...seen.console, ...seen.errors, ...seen.texts];
  const leaks: string[] = [];
  for (const token of seen.tokens) {
    for (const text of everything) {
      if (text.includes(token)) {
        leaks.push(text.replaceAll(token, "<token>").slice(0, 200));
      }
    }
  }
  return leaks;
}
