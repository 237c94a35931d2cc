// The contract between a bench page and the Node harness (bench/src/browser.ts): a page puts an
// object on `window.__bench` whose `calls` the harness invokes with one JSON argument.

/** What a bench page exposes. */
export interface BenchApi {
  /**
   * Set when the scenario cannot run yet because a piece of ours is not exported; the harness
   * then records the series as pending with this reason.
   */
  readonly pending: string | null;
  readonly calls: Record<string, (argument: never) => Promise<unknown>>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

/** Publishes the page's bench API. */
export function expose(calls: BenchApi["calls"], pending: string | null = null): void {
  window.__bench = { pending, calls };
}

/** The emulator's base URL, passed by the harness as `?emulator=`. */
export function emulatorUrl(): string {
  const value = new URLSearchParams(location.search).get("emulator");
  if (!value) {
    throw new Error("The bench page needs ?emulator=<url>");
  }
  return value;
}

/** A query parameter, or a default. */
export function queryParameter(name: string, fallback: string): string {
  return new URLSearchParams(location.search).get(name) ?? fallback;
}
