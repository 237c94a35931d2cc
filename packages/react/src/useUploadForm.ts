import {
  apiUrl,
  fileKey,
  UploadError,
  type TokenRequestContext,
  type Uploader,
  type UploaderOptions,
  type UploadItem,
  type UploadMeta,
  type UploadToken,
  type UploadTokenRequest,
} from "@twentythree-upload/core";
import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import { useMetadataSync, type EditableMeta } from "./useMetadataSync.js";
import { resolveUploaderOptions } from "./resolveUploaderOptions.js";
import { useLatest } from "./useLatest.js";
import { useProvidedSettings } from "./useProvidedSettings.js";
import { useUploader } from "./useUploader.js";
import { useUploaderState } from "./useUploaderState.js";
import {
  isTokenFresh,
  markTokenConsumed,
  useUploadToken,
  type UploadTokenState,
} from "./useUploadToken.js";

/** Options of {@link useUploadForm}. */
export interface UseUploadFormOptions extends Partial<Omit<UploaderOptions, "meta">> {
  /** Metadata for the form's token request. Default: `{}`. */
  meta?: UploadMeta | undefined;
  /** A token issued by your server (needed for the no-JavaScript form). Default: none. */
  initialToken?: UploadToken | undefined;
  /**
   * Wait this long after the last keystroke before sending title/description. Default: `600` ms.
   */
  metadataDebounceMs?: number | undefined;
}

/** What {@link useUploadForm} returns. */
export interface UploadFormController {
  /** The form's one-file uploader. */
  uploader: Uploader;
  /** The form's `action`: the site's redeem-upload-token URL. */
  action: string;
  /** The token for the hidden `upload_token` field (absent once consumed). */
  token: UploadTokenState;
  /** The current upload, if any. */
  item: UploadItem | undefined;
  /**
   * Uploads a file; ignored while an upload is in flight (a double submit uploads once). The
   * current upload's file (or a new pick of it) is retried if it failed, kept if it succeeded.
   */
  upload: (file: File) => void;
  /** The last file submitted was the one already uploaded: it was not sent again. */
  alreadyUploaded: boolean;
  /** Cancels the current upload. */
  cancel: () => void;
  /** Retries the current upload (failed or canceled) with a fresh token. */
  retry: () => void;
  /** Records a title/description edit (sent to update-upload-token once a token exists). */
  editMeta: (meta: EditableMeta) => void;
  /** The last metadata update failed. */
  metadataError: boolean;
  /**
   * The form can get another token (`token` given, or a provider's): without one, a form with
   * only `initialToken` cannot retry once that token was sent.
   */
  hasTokenSource: boolean;
}

// A typed token error, not a network one: the engine then tries no more than once again (no
// retry loop with backoff), and the form says that a new token is needed. One function per form:
// its token query is keyed by it, so that each form starts from its own `initialToken`.
const createNoMoreTokens = () => async (): Promise<never> => {
  throw new UploadError(
    "token-invalid",
    "This form's server-issued token is used up, and it has no `token` source for another: pass `token` to <UploadForm> to allow retries.",
  );
};

const inFlight = new Set(["queued", "uploading", "processing", "retrying", "paused"]);

/**
 * @internal The behaviour of `<UploadForm>`: a one-file uploader whose first token is the form's
 * own (the one in the hidden field, fetched once through `useUploadToken`), handed to the engine
 * exactly once and marked consumed; later attempts get fresh tokens through the same query.
 */
export function useUploadForm(
  options: UseUploadFormOptions,
  host?: RefObject<Element | null>,
): UploadFormController {
  const { meta = {}, initialToken, metadataDebounceMs = 600, ...uploaderOptions } = options;
  const settings = useProvidedSettings();
  const hasSource = Boolean(uploaderOptions.token ?? settings.defaults.token ?? settings.token);
  const [noMoreTokens] = useState(createNoMoreTokens);
  // A form with only a server-issued token still works; only a second token is impossible.
  const resolved = resolveUploaderOptions(
    settings,
    hasSource || !initialToken ? uploaderOptions : { ...uploaderOptions, token: noMoreTokens },
  );
  const token = useUploadToken(meta, {
    token: resolved.token,
    // Without a source only `initialToken` is served (a fetch could only fail).
    enabled: hasSource,
    ...(initialToken ? { initialToken } : {}),
    ...(resolved.requestTimeoutMs === undefined ? {} : { timeoutMs: resolved.requestTimeoutMs }),
  });
  const sync = useMetadataSync(resolved.site, resolved.apiVersion ?? "legacy", metadataDebounceMs);
  // New `meta` (new fields, a new token): edits typed for the old one are not sent to the new.
  const { forget } = sync;
  const metaKey = `${meta.title ?? ""}\n${meta.description ?? ""}`;
  useEffect(() => forget(), [forget, metaKey]);
  const latest = useLatest({ token: token.token, getToken: token.getToken, attach: sync.attach });
  const formToken = useCallback(
    (_request: UploadTokenRequest, _context: TokenRequestContext) => {
      const consume = (issued: UploadToken) => {
        markTokenConsumed(issued);
        latest.current.attach(issued);
        return issued;
      };
      // The prefetched token is handed over as is, not in a promise: the engine then sends the
      // file in the change event itself, before React renders the pick (start latency).
      const held = latest.current.token;
      return held && isTokenFresh(held) ? consume(held) : latest.current.getToken().then(consume);
    },
    [latest],
  );
  const uploader = useUploader(
    { ...uploaderOptions, token: formToken, concurrency: 1, tokenStrategy: "per-file" },
    host,
  );
  const item = useUploaderState(uploader, (snapshot) => snapshot.items.at(-1));
  const formTokenValue = token.token;
  const hasItem = item !== undefined;
  const { attach } = sync;
  // Edits typed before any upload go to the form's token as soon as it is issued.
  useEffect(() => {
    if (formTokenValue && !hasItem) {
      attach(formTokenValue);
    }
  }, [formTokenValue, hasItem, attach]);

  const [alreadyUploaded, setAlreadyUploaded] = useState(false);
  const allowDuplicates = resolved.allowDuplicates === true;
  const upload = useCallback(
    (file: File) => {
      // Read the engine, not React state: two submits in one tick must still upload once.
      const current = uploader.getSnapshot().items.at(-1);
      if (current && inFlight.has(current.status)) {
        return;
      }
      const held = allowDuplicates || current?.status === "rejected" ? undefined : current;
      const isSame = held !== undefined && fileKey(held.file) === fileKey(file);
      setAlreadyUploaded(isSame && held.status === "succeeded");
      if (isSame) {
        // The engine would refuse it as a duplicate: kept once uploaded, else retried.
        uploader.retry(held.id);
        return;
      }
      if (current) {
        uploader.remove(current.id);
      }
      uploader.add([file]);
    },
    [uploader, allowDuplicates],
  );
  const id = item?.id;
  const cancel = useCallback(() => id && uploader.cancel(id), [uploader, id]);
  const retry = useCallback(() => id && uploader.retry(id), [uploader, id]);
  const action = useMemo(
    () => apiUrl(resolved.site, resolved.apiVersion ?? "legacy", "photo/redeem-upload-token"),
    [resolved.site, resolved.apiVersion],
  );
  return {
    uploader,
    action,
    token,
    item,
    upload,
    alreadyUploaded,
    cancel,
    retry,
    editMeta: sync.edit,
    metadataError: sync.hasError,
    hasTokenSource: hasSource,
  };
}
