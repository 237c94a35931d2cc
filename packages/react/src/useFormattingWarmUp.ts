import { useEffect } from "react";
import { formatFileSize } from "./formatting.js";

/**
 * @internal Creates the first `Intl.NumberFormat` of the page in idle time after mount. The first
 * one costs tens of milliseconds (the browser loads its number-formatting data); without this,
 * that cost lands in the first render after a file is picked, before the upload's first byte.
 */
export function useFormattingWarmUp(locale: string): void {
  useEffect(() => {
    const run = () => void formatFileSize(0, locale);
    if (typeof requestIdleCallback === "function") {
      const handle = requestIdleCallback(run, { timeout: 1000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(run, 0);
    return () => clearTimeout(handle);
  }, [locale]);
}
