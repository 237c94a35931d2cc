import { createUploader, type Uploader, type UploaderOptions } from "@twentythree-upload/core";
import { useEffect, useRef, useState, type RefObject } from "react";
import { resolveUploaderOptions } from "./resolveUploaderOptions.js";
import { uploaderOptionKeys } from "./splitUploaderOptions.js";
import { useLatest } from "./useLatest.js";
import { useProvidedSettings } from "./useProvidedSettings.js";

/** Options of {@link useUploader}: core's `UploaderOptions`; `site` and `token` may come from `UploadProvider`. */
export type UseUploaderOptions = Partial<UploaderOptions>;

// Destroys scheduled by an effect cleanup, cancelled when the effect is set up again.
const pendingDestroys = new WeakMap<Uploader, ReturnType<typeof setTimeout>>();
// Uploaders this hook destroyed: an effect set up again afterwards (an <Activity> shown again
// after hiding a component that has no `host`) creates a new one.
const destroyed = new WeakSet<Uploader>();
// How often a hidden component's uploader looks whether its element left the document (the
// hidden tree was unmounted: no effect cleanup runs then).
const HIDDEN_CHECK_MS = 2000;

// Every option key set: `setOptions` merges, so an option the component no longer passes must
// be named (as undefined) to fall back to its default, and a removed callback to stop firing.
const cleared = Object.fromEntries(uploaderOptionKeys.map((key) => [key, undefined]));

/** Whether `value` is an uploader rather than options. */
export function isUploader(value: unknown): value is Uploader {
  const candidate = value as Partial<Uploader> | null;
  return typeof candidate?.subscribe === "function" && typeof candidate.getSnapshot === "function";
}

function scheduleDestroy(uploader: Uploader, host: RefObject<Element | null>): void {
  const check = () => {
    // Effects were cleaned up, but the element is still in the document: hidden by
    // <Activity mode="hidden">, not unmounted. Uploads go on; showing it sets the effect up again.
    if (host.current?.isConnected) {
      pendingDestroys.set(uploader, setTimeout(check, HIDDEN_CHECK_MS));
      return;
    }
    pendingDestroys.delete(uploader);
    destroyed.add(uploader);
    uploader.destroy();
  };
  pendingDestroys.set(uploader, setTimeout(check, 0));
}

/**
 * Creates one core uploader for the lifetime of the component and keeps its options in sync
 * (merged over `UploadProvider`'s settings): each render's options replace the previous ones,
 * so an option no longer passed is back at its default and a removed callback is not called.
 * Given an existing uploader instead of options, it returns that one untouched (the caller owns
 * it). Read state with `useUploaderState`, `useUploadQueue` or `useUploadItem`.
 *
 * StrictMode-safe: React runs effect cleanup and setup again on the same instance in development,
 * so the cleanup only schedules `destroy()` for the next macrotask and a new setup cancels it.
 * Creating an uploader fetches no token and adds no listener; in a browser, with the default
 * `"auto"` transport, it starts the CORS probe for its site (an answer is cached per site and
 * page, a refusal for 10 minutes), so the extra instance StrictMode builds and discards costs
 * nothing. Tokens are fetched only when an item starts.
 *
 * Under `<Activity mode="hidden">` React cleans effects up as on unmount. With `host`, an element
 * the component renders, the uploader outlives the hiding while that element stays in the
 * document: uploads in flight and queued files go on, and showing the component again shows
 * where they are. Without `host`, hiding destroys the uploader (its uploads are canceled) and
 * showing creates a new one.
 * @param source The options, or an uploader of your own. Default: `{}` (all from the provider).
 * @param host A ref to an element the component renders. Default: none.
 * @throws UploadSettingsError when `site` or `token` is missing everywhere.
 */
export function useUploader(
  source: UseUploaderOptions | Uploader = {},
  host?: RefObject<Element | null>,
): Uploader {
  const settings = useProvidedSettings();
  const external = isUploader(source) ? source : null;
  const resolved = external ? null : resolveUploaderOptions(settings, source as UseUploaderOptions);
  const [owned, setOwned] = useState(() => (resolved ? createUploader(resolved) : null));
  const latest = useLatest(resolved);
  // The host element as last rendered: React detaches refs from a hidden tree.
  const element = useRef<Element | null>(null);

  useEffect(() => {
    element.current = host?.current ?? element.current;
    if (owned && resolved) {
      owned.setOptions({ ...cleared, ...resolved });
    }
  });

  useEffect(() => {
    if (!owned) {
      return;
    }
    if (destroyed.has(owned) && latest.current) {
      setOwned(createUploader(latest.current));
      return;
    }
    clearTimeout(pendingDestroys.get(owned));
    pendingDestroys.delete(owned);
    return () => scheduleDestroy(owned, element);
  }, [owned, latest]);

  if (external) {
    return external;
  }
  if (!owned) {
    throw new TypeError("useUploader: switching from an uploader to options is not supported.");
  }
  return owned;
}
