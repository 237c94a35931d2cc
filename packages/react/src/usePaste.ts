import { useEffect, type RefObject } from "react";
import { useLatest } from "./useLatest.js";

/** Options of {@link usePaste}. */
export interface UsePasteOptions {
  /** Called with the pasted files (never with an empty list). */
  onFiles: (files: File[]) => void;
  /**
   * Where to listen: an element ref (pastes while focus is inside it) or `"document"` (anywhere
   * on the page). Default: `"document"`.
   */
  target?: RefObject<HTMLElement | null> | "document";
  /**
   * Stops listening: pastes then reach the page as if the hook were not there. Default: `false`.
   */
  disabled?: boolean;
}

/**
 * Accepts files pasted from the clipboard (e.g. a screenshot with Ctrl+V / Cmd+V). Pastes
 * without files (plain text) are left alone, so text fields keep working.
 */
export function usePaste(options: UsePasteOptions): void {
  const { target = "document", disabled = false } = options;
  const onFiles = useLatest(options.onFiles);
  useEffect(() => {
    const element = target === "document" ? document : target.current;
    if (!element || disabled) {
      return;
    }
    const listener = (event: Event) => {
      const files = Array.from((event as ClipboardEvent).clipboardData?.files ?? []);
      if (files.length > 0) {
        event.preventDefault();
        onFiles.current(files);
      }
    };
    element.addEventListener("paste", listener);
    return () => element.removeEventListener("paste", listener);
  }, [target, disabled, onFiles]);
}
