import { createUploader, type Uploader, type UploaderOptions } from "@twentythree-upload/core";
import { useEffect, useState } from "react";
import { resolveUploaderOptions } from "./resolveUploaderOptions.js";
import { useProvidedSettings } from "./useProvidedSettings.js";

/** Options of {@link useUploader}: core's `UploaderOptions`; `site` and `token` may come from `UploadProvider`. */
export type UseUploaderOptions = Partial<UploaderOptions>;

// Destroys scheduled by an effect cleanup, cancelled when the effect is set up again.
const pendingDestroys = new WeakMap<Uploader, ReturnType<typeof setTimeout>>();

/** Whether `value` is an uploader rather than options. */
export function isUploader(value: unknown): value is Uploader {
  const candidate = value as Partial<Uploader> | null;
  return typeof candidate?.subscribe === "function" && typeof candidate.getSnapshot === "function";
}

/**
 * Creates one core uploader for the lifetime of the component and keeps its options in sync
 * (merged over `UploadProvider`'s settings). Given an existing uploader instead of options, it
 * returns that one untouched (the caller owns it). Read state with `useUploaderState`,
 * `useUploadQueue` or `useUploadItem`.
 *
 * StrictMode-safe: React runs effect cleanup and setup again on the same instance in development,
 * so the cleanup only schedules `destroy()` for the next macrotask and a new setup cancels it.
 * Creating an uploader fetches no token and adds no listener; in a browser, with the default
 * `"auto"` transport, it starts the CORS probe for its site (an answer is cached per site and
 * page, a refusal for 10 minutes), so the extra instance StrictMode builds and discards costs
 * nothing. Tokens are fetched only when an item starts.
 * @throws UploadSettingsError when `site` or `token` is missing everywhere.
 */
export function useUploader(source: UseUploaderOptions | Uploader = {}): Uploader {
  const settings = useProvidedSettings();
  const external = isUploader(source) ? source : null;
  const resolved = external ? null : resolveUploaderOptions(settings, source as UseUploaderOptions);
  const [owned] = useState(() => (resolved ? createUploader(resolved) : null));

  useEffect(() => {
    if (owned && resolved) {
      owned.setOptions(resolved);
    }
  });

  useEffect(() => {
    if (!owned) {
      return;
    }
    const pending = pendingDestroys.get(owned);
    if (pending !== undefined) {
      clearTimeout(pending);
      pendingDestroys.delete(owned);
    }
    return () => {
      const destroy = () => {
        pendingDestroys.delete(owned);
        owned.destroy();
      };
      pendingDestroys.set(owned, setTimeout(destroy, 0));
    };
  }, [owned]);

  if (external) {
    return external;
  }
  if (!owned) {
    throw new TypeError("useUploader: switching from an uploader to options is not supported.");
  }
  return owned;
}
