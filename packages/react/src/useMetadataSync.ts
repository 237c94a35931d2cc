import { updateUploadToken, type ApiVersion, type UploadToken } from "@twentythree-upload/core";
import { useCallback, useEffect, useRef, useState } from "react";

/** The fields a form edits after its token was issued. */
export interface EditableMeta {
  title: string;
  description: string;
}

interface MetadataSync {
  /** Records an edit; it is sent (debounced) to every token the upload may be using. */
  edit: (meta: EditableMeta) => void;
  /** Sends the latest edits to a token now (e.g. the moment a token is handed to the engine). */
  attach: (token: UploadToken) => void;
  /** The last update was refused or could not be sent (it is retried; see below). */
  hasError: boolean;
  /** Drops edits not sent yet (the form's `meta` changed: its fields show the new values). */
  forget: () => void;
}

/**
 * @internal Sends title/description edits to photo/update-upload-token (no secrets needed: the
 * token is the proof), debounced, so an upload can start before the user has finished typing.
 * Edits made before any token exists are sent as soon as one is attached. A failed update is
 * sent again after 1, 2 and 4 s (it is idempotent: the latest edits replace the token's fields),
 * or at once with the next edit; `hasError` holds until one succeeds.
 */
export function useMetadataSync(
  site: string,
  apiVersion: ApiVersion,
  debounceMs: number,
): MetadataSync {
  const latest = useRef<EditableMeta | null>(null);
  const token = useRef<UploadToken | null>(null);
  const sent = useRef(new WeakMap<UploadToken, string>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [hasError, setError] = useState(false);

  const flush = useCallback(
    (attempt = 0) => {
      const meta = latest.current;
      const target = token.current;
      if (!meta || !target) {
        return;
      }
      const key = JSON.stringify(meta);
      const unchanged =
        sent.current.get(target) === key ||
        (!sent.current.has(target) &&
          meta.title === target.title &&
          meta.description === target.description);
      if (unchanged) {
        return;
      }
      sent.current.set(target, key);
      updateUploadToken({ site, apiVersion, uploadToken: target.uploadToken, meta }).then(
        () => setError(false),
        () => {
          sent.current.delete(target);
          setError(true);
          // Also after unmount, so that edits flushed then still get their retries.
          if (attempt < 3) {
            timer.current = setTimeout(() => flush(attempt + 1), 1000 * 2 ** attempt);
          }
        },
      );
    },
    [site, apiVersion],
  );

  const edit = useCallback(
    (meta: EditableMeta) => {
      latest.current = meta;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => flush(), debounceMs);
    },
    [flush, debounceMs],
  );
  const attach = useCallback(
    (next: UploadToken) => {
      token.current = next;
      flush();
    },
    [flush],
  );
  const forget = useCallback(() => {
    latest.current = null;
    clearTimeout(timer.current);
  }, []);
  // Unmounting sends what is pending rather than dropping the user's edits.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      flush();
    },
    [flush],
  );
  return { edit, attach, hasError, forget };
}
