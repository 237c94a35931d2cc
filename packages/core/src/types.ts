// Public types shared by the parsers, the transports, the queue engine and the React bindings.
// Implementations live in files named after their exports; this file holds only types.

import type { UploadError } from "./errors.js";

// ---------------------------------------------------------------------------------------------
// Site
// ---------------------------------------------------------------------------------------------

/**
 * Which generation of the TwentyThree API to talk to: `"legacy"` is `/api/...` (the seed's
 * documented flow), `"v2"` is `/api/2/...`.
 */
export type ApiVersion = "legacy" | "v2";

/** Where uploads go. */
export interface SiteConfig {
  /**
   * The TwentyThree site: a bare domain (`"videos.example.com"`, HTTPS is assumed) or an origin
   * URL (`"http://127.0.0.1:8023"` for the emulator).
   */
  site: string;
  /** API generation. Default: `"legacy"`. */
  apiVersion?: ApiVersion;
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

/** A parsed upload token, whatever shape TwentyThree or the consumer's endpoint returned. */
export interface UploadToken {
  /** The single-use credential. Treat it like a password: never log it. */
  readonly uploadToken: string;
  /** The title the video gets (`""` when the token has none). */
  readonly title: string;
  /** The description the video gets (`""` when the token has none). */
  readonly description: string;
  /** Whether the video is published once uploaded (`publish=1`, or v2's `"t"`). */
  readonly publish: boolean;
  /** As TwentyThree returned it (its separator is not consistent between docs and examples). */
  readonly tags: string;
  /** The user the video is uploaded as, or `null` when the token names none. */
  readonly userId: string | null;
  /** The album (channel/category) id or ids, comma-separated, or `null` when none. */
  readonly albumId: string | null;
  /** How many files the token may be redeemed for. */
  readonly maxUploads: number;
  /** The lifetime TwentyThree gave the token, in minutes (`validUntil` is what counts). */
  readonly validMinutes: number;
  /** When the token expires (from the epoch-seconds `valid_until`). */
  readonly validUntil: Date;
  /** Where TwentyThree redirects after the upload, or `null` when the token has none. */
  readonly returnUrl: string | null;
  /** `background_return_p=1`: TwentyThree calls return_url itself and answers with a text line. */
  readonly backgroundReturn: boolean;
  /** Every other field of the response, as strings (v2 `publish_date`, custom variables, …). */
  readonly extra: Readonly<Record<string, string>>;
}

/** The metadata an app asks its token endpoint to put on a new upload. */
export interface UploadMeta {
  /** The video's title (TwentyThree strips HTML tags). Default: none (TwentyThree's default). */
  title?: string;
  /** The video's description. Default: none. */
  description?: string;
  /** One or more album (channel/category) ids, comma-separated. Default: none. */
  albumId?: string;
  /** Tags, as the token endpoint passes them to TwentyThree. Default: none. */
  tags?: string;
  /** Publish immediately. Default: TwentyThree's, which is `true`. */
  publish?: boolean;
  /** v2 only: a future publish time, e.g. `"2026-11-01 09:00:00"`. Default: none. */
  publishDate?: string;
  /** Extra parameters, repeated by TwentyThree in the callback to return_url. Default: none. */
  extra?: Record<string, string>;
}

/**
 * The JSON body `requestUploadToken` POSTs to a token endpoint URL: the meta plus what is known
 * about the file, so that the server can validate and log without seeing the bytes.
 */
export interface UploadTokenRequest extends UploadMeta {
  /**
   * The file's name (`""` for a `Blob` without one). The uploader sends the three file fields
   * with per-file tokens only: a `"shared"` token serves several files.
   */
  fileName?: string;
  /** The file's size in bytes (per-file tokens only). */
  fileSize?: number;
  /** The file's MIME type as the browser reports it, `""` when unknown (per-file tokens only). */
  fileType?: string;
  /**
   * How many uploads the token should allow. Sent only with `tokenStrategy: "shared"`: the
   * number of files waiting, capped at TwentyThree's maximum (100 legacy, 1000 v2).
   * Default: none (one upload per token, TwentyThree's default).
   */
  maxUploads?: number;
}

/** Context passed to a token function. */
export interface TokenRequestContext {
  /**
   * Aborted when the token is no longer wanted (e.g. its upload was canceled or the uploader
   * destroyed). Pass it on to `fetch` so that the request to the token endpoint stops too.
   */
  signal: AbortSignal;
}

/**
 * Where tokens come from. The library never calls get-upload-token itself: that needs write
 * credentials, which belong on a server.
 * - a URL (string or `URL`) of the app's own endpoint: POSTed the {@link UploadTokenRequest} as
 *   JSON; any shape TwentyThree or the endpoint returns is parsed;
 * - a function returning (or resolving to) a parsed {@link UploadToken}, a raw body (XML/JSON
 *   text) or a parsed JSON object. A function that already holds a token (e.g. one fetched ahead)
 *   may return it as is, not in a promise: the uploader then sends the file in the same task as
 *   `add()`, before the page renders anything.
 */
export type TokenSource =
  | string
  | URL
  | ((
      request: UploadTokenRequest,
      context: TokenRequestContext,
    ) => UploadToken | string | object | Promise<UploadToken | string | object>);

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/** What TwentyThree says about a stored upload. */
export interface UploadResult {
  /** The new video's id (`photo_id`). */
  readonly photoId: string;
  /** TwentyThree's `tree_id` for the video, or `null` when the answer had none. */
  readonly treeId: string | null;
  /** The per-video secret: with `photoId` it fetches the video even when unpublished. */
  readonly token: string | null;
  /** The site domain TwentyThree reported, when it reported one. */
  readonly domain: string | null;
  /** Every other parameter of the answer (e.g. the app's own `theme=green`). */
  readonly params: Readonly<Record<string, string>>;
}

/** A parsed return_url callback: success (step 4a) or error (step 4b). */
export type CallbackResult =
  | {
      readonly status: "success";
      readonly domain: string;
      readonly uploadToken: string;
      readonly photoId: string;
      readonly treeId: string;
      readonly token: string;
      /** The app's own parameters, without the ones TwentyThree added. */
      readonly params: Readonly<Record<string, string>>;
    }
  | {
      readonly status: "error";
      readonly domain: string;
      readonly uploadToken: string;
      /** TwentyThree's message. Attacker-controllable: render as text only. */
      readonly errorMessage: string;
      readonly params: Readonly<Record<string, string>>;
    };

// ---------------------------------------------------------------------------------------------
// Transports
// ---------------------------------------------------------------------------------------------

/** Byte progress of one request. `total: null` means the transport cannot tell (iframe). */
export interface TransportProgress {
  /** Bytes sent so far in this request. */
  readonly loaded: number;
  /** Bytes to send in all, or `null` when unknown. */
  readonly total: number | null;
}

/** One file to send with one token. */
export interface TransportRequest {
  /** The bytes to send. */
  readonly file: Blob;
  /** The file name sent in the multipart `file` part. */
  readonly fileName: string;
  /** The token to redeem; its `uploadToken` goes in the `upload_token` field. */
  readonly token: UploadToken;
  /** The TwentyThree site, as given in the options (a domain or an origin URL). */
  readonly site: string;
  /** Which redeem-upload-token to call: `/api/...` or `/api/2/...`. */
  readonly apiVersion: ApiVersion;
  /** Extra multipart fields, sent after `upload_token` and before `file`. */
  readonly fields: Readonly<Record<string, string>>;
  /** Aborts the request; the transport rejects with an `UploadError` of kind `"aborted"`. */
  readonly signal: AbortSignal;
  /** Byte progress. Called at least once, when sending starts. */
  onProgress(progress: TransportProgress): void;
  /** The whole body has been sent; from now on the server is processing. */
  onBodySent(): void;
  /**
   * For transports that cannot see their bytes leave (no byte progress, no `onBodySent` until
   * the answer), like the iframe's form POST: call it when the request is handed to the browser.
   * From then on TwentyThree may store the file whatever the page learns, so the uploader counts
   * a cancel, a timeout or a lost answer as `ambiguous`: it never hands the token out again and
   * looks the attempt up (`findUploads`) before sending the file again. Transports that report
   * `onBodySent` need not call it. Optional for callers: call it as `request.onSubmitted?.()`.
   * Default: not provided (the uploader always provides it).
   */
  onSubmitted?(): void;
}

/**
 * Sends one file. Resolves with the result or rejects with an {@link UploadError}.
 * Inject your own for tests, or to route uploads through a proxy.
 */
export type Transport = (request: TransportRequest) => Promise<UploadResult>;

/** The built-in transports. `"auto"` uses XHR and falls back to the iframe when CORS is refused. */
export type TransportName = "auto" | "xhr" | "chunked" | "iframe";

// ---------------------------------------------------------------------------------------------
// Queue engine
// ---------------------------------------------------------------------------------------------

/**
 * Status of one item; the same string appears as `data-state` in the DOM.
 * - `rejected`: failed validation, never sent (the reason is in `rejection`);
 * - `queued`: waiting for a slot (or for `start()` when `autoStart` is off);
 * - `uploading`: getting a token or sending bytes;
 * - `processing`: all bytes sent, waiting for TwentyThree's answer (or for encoding);
 * - `retrying`: waiting out a backoff before the next attempt;
 * - `paused`: the browser is offline; resumes by itself;
 * - `succeeded`, `failed`, `canceled`: settled.
 */
export type UploadStatus =
  | "rejected"
  | "queued"
  | "uploading"
  | "processing"
  | "retrying"
  | "paused"
  | "succeeded"
  | "failed"
  | "canceled";

/**
 * Why a file was refused before anything was sent. `unreadable`: an entry of a drop that the
 * browser could not read (deleted mid-drag, a broken link, no permission); `empty-folder`: a
 * dropped folder with no file in it (at any depth). Neither becomes an item: the drop zone
 * reports them (see `readDroppedFiles` in the React package). `duplicate`: the file is already in
 * the queue (see the uploader's `allowDuplicates`).
 */
export type FileRejectionCode =
  | "file-type"
  | "too-large"
  | "too-small"
  | "empty"
  | "too-many-files"
  | "unreadable"
  | "empty-folder"
  | "duplicate";

/** A validation failure, readable as is. */
export interface FileRejection {
  /** Which rule refused the file, for code that reacts to it. */
  readonly code: FileRejectionCode;
  /** A plain-language sentence, e.g. `"clip.mov is 3.2 GB; the limit is 2 GB."`. */
  readonly message: string;
}

/** Progress of one item or of the whole queue. */
export interface ProgressState {
  /** Bytes sent (for the current attempt). */
  readonly loaded: number;
  /** Bytes to send in all. */
  readonly total: number;
  /** 0–1, or `null` when indeterminate (the iframe transport has no byte progress). */
  readonly fraction: number | null;
  /** Smoothed bytes per second, or `null` before there is a measurement. */
  readonly bytesPerSecond: number | null;
  /** Smoothed seconds remaining, or `null` when unknown. */
  readonly secondsRemaining: number | null;
}

/** One file in the queue. Immutable: a new object whenever anything about it changes. */
export interface UploadItem {
  /** Unique within the page; stable for the item's life (use it as a React key). */
  readonly id: string;
  /** The file as added. */
  readonly file: Blob;
  /** The file's name (`""` for a `Blob` without one). */
  readonly name: string;
  /** The file's size in bytes. */
  readonly size: number;
  /** The file's MIME type as the browser reports it (`""` when unknown). */
  readonly type: string;
  /** Where the item is; also its `data-state` in the DOM. */
  readonly status: UploadStatus;
  /** Byte progress of the current attempt, with speed and time remaining. */
  readonly progress: ProgressState;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Epoch ms of the next automatic attempt while `retrying`. */
  readonly retryAt: number | null;
  /** The metadata sent to the token endpoint for this file (the `meta` option, then `add`'s). */
  readonly meta: UploadMeta;
  /** Why the file was refused (`rejected` items), else `null`. */
  readonly rejection: FileRejection | null;
  /**
   * The last attempt's error: once `failed`, or while waiting to try again; once `canceled` after
   * the file was sent, an `aborted` error with `ambiguous` (it may be stored); else `null`.
   */
  readonly error: UploadError | null;
  /** What TwentyThree stored (`succeeded`, and `processing` while waiting for encoding). */
  readonly result: UploadResult | null;
}

/** Counts of items per status. */
export type StatusCounts = Readonly<Record<UploadStatus, number>>;

/** The queue's state. Same object identity until something changes. */
export interface UploaderSnapshot {
  /** Items in the order they were added. */
  readonly items: readonly UploadItem[];
  /** The same items by id. */
  readonly byId: ReadonlyMap<string, UploadItem>;
  /** How many items are in each status. */
  readonly counts: StatusCounts;
  /** Over the items that are not rejected or canceled. */
  readonly progress: ProgressState;
  /** `false` while the browser reports being offline (uploads are paused). */
  readonly isOnline: boolean;
  /** Some item is uploading, processing, retrying, paused or queued (with autoStart). */
  readonly isBusy: boolean;
}

/** Retry policy for failures that are worth retrying (network, timeout, 408, 429, 5xx). */
export interface RetryPolicy {
  /** Automatic retries after the first attempt. Default: `5`. */
  retries?: number;
  /** First backoff. Default: `1000` ms. */
  baseDelayMs?: number;
  /** Backoff cap. Default: `30_000` ms. */
  maxDelayMs?: number;
  /** Full jitter on each backoff. Default: `true`. */
  jitter?: boolean;
  /** Final say on whether an error is retried. Default: the built-in classification. */
  shouldRetry?: (error: UploadError, attempt: number) => boolean;
}

/** Looks up what was stored with a token; used to reconcile after an ambiguous failure. */
export type FindUploads = (context: {
  token: UploadToken;
  site: string;
  apiVersion: ApiVersion;
  signal: AbortSignal;
  /**
   * The uploader's `jsonpFallback`: whether a site whose answers fetch cannot read (no CORS) may
   * be asked through JSONP. Default (when absent): `true`.
   */
  jsonpFallback?: boolean;
}) => Promise<readonly UploadResult[]>;

/** Options of `createUploader`. */
export interface UploaderOptions extends SiteConfig {
  /** Where tokens come from. */
  token: TokenSource;
  /** Metadata for each file. Default: the file name (without extension) as title. */
  meta?: (file: Blob & { name?: string }) => UploadMeta;
  /** A built-in transport or your own. Default: `"auto"`. */
  transport?: TransportName | Transport;
  /** Chunk size for `"chunked"`. Default: 16 MiB. */
  chunkSize?: number;
  /** Start uploads as soon as files are added. Default: `true`. */
  autoStart?: boolean;
  /** Files sent at the same time. Default: `3`. */
  concurrency?: number;
  /** Accepted types: MIME types, wildcards (`video/*`) and extensions (`.mov`). Default: any. */
  accept?: string | readonly string[];
  /** Smallest accepted size in bytes. Default: none. */
  minSize?: number;
  /** Largest accepted size in bytes. Default: none. */
  maxSize?: number;
  /** Most files in the queue (rejected ones excluded). Default: none. */
  maxFiles?: number;
  /**
   * Accept a file that is already in the queue (not rejected): one with the same name, size, type,
   * `lastModified` and `webkitRelativePath`, as a new pick, drop or paste of the same file makes.
   * When `false`, such a file (and the very same `File` object, whatever this option) becomes a
   * `rejected` item with code `duplicate`; to send it again, retry or remove its item. Default:
   * `false`.
   */
  allowDuplicates?: boolean;
  /** Retry policy, or `false` for none. Default: the {@link RetryPolicy} defaults. */
  retry?: RetryPolicy | false;
  /**
   * Abort when no byte progress for this long while sending (armed once bytes are reported sent).
   * Default: `30_000` ms.
   */
  stallTimeoutMs?: number;
  /** Deadline for TwentyThree's answer once the whole body is sent. Default: `600_000` ms. */
  responseTimeoutMs?: number;
  /**
   * Deadline for each token request and each photo/list look-up (reconciliation, the encoding
   * wait). A token request that runs out fails the attempt (retried like a network failure); a
   * look-up that runs out counts as unanswered. Default: `30_000` ms.
   */
  requestTimeoutMs?: number;
  /** `"per-file"` (default): a fresh token for each file and attempt. `"shared"`: one token with `max_uploads` for a batch. */
  tokenStrategy?: "per-file" | "shared";
  /** Refresh a token this long before its `valid_until`. Default: `60_000` ms. */
  tokenExpiryMarginMs?: number;
  /** Reconciliation hook. Default: `photo/list?upload_token=` on the site. */
  findUploads?: FindUploads;
  /**
   * Where the site sends no CORS headers, fetch cannot read photo/list, so reconciliation (did
   * a lost upload get stored?) and the encoding wait ask through JSONP instead: a `<script>`
   * from the site, as TwentyThree's own browser library does. Only tried after fetch failed.
   * Set `false` to never add script elements (e.g. under a Content-Security-Policy without the
   * site in `script-src`); on such a site an upload whose answer was lost then fails with an
   * unknown outcome instead of being looked up. Default: `true`.
   */
  jsonpFallback?: boolean;
  /**
   * Poll `photo/list` until `video_encoded_p` is 1 (`processing` → `succeeded`). An object sets
   * the poll interval (default: `5000` ms) and the longest wait (default: `1_800_000` ms, 30
   * minutes). Default: `false`.
   */
  waitForEncoding?: boolean | { intervalMs?: number; timeoutMs?: number };
  /** Called once per item when it succeeds (after encoding, when waiting for it). Default: none. */
  onSuccess?: (item: UploadItem) => void;
  /** Called once per item when it fails for good (not for cancellation). Default: none. */
  onError?: (item: UploadItem) => void;
}

/** The queue engine. */
export interface Uploader {
  /**
   * Registers `listener` to be called, without arguments, after the state changes; read the
   * new state with `getSnapshot()`. Calls are batched so that a burst of changes costs one call:
   * status changes are announced once per microtask, byte progress at most once per animation
   * frame. The signature fits React's `useSyncExternalStore`.
   *
   * The first call also attaches the `online`/`offline` listeners (not done at creation, so that
   * an uploader can be created during SSR). After `destroy()` the listener is never called.
   *
   * @param listener Called after each batch of changes.
   * @returns A function that removes this listener (calling it again does nothing).
   */
  subscribe(listener: () => void): () => void;
  /**
   * The current state: an immutable {@link UploaderSnapshot} that keeps its object identity until
   * something changes, so comparing snapshots with `===` tells whether to re-render. Byte
   * progress is applied once per animation frame, so between frames the snapshot may lag behind
   * the bytes actually sent. Still readable after `destroy()`.
   */
  getSnapshot(): UploaderSnapshot;
  /**
   * Adds files; invalid ones, and files already in the queue (`duplicate`, see
   * `allowDuplicates`), become `rejected` items. Returns the new items' ids, one per file.
   */
  add(files: Iterable<Blob> | ArrayLike<Blob>, meta?: UploadMeta): readonly string[];
  /** Starts queued items (all, or one). Needed only with `autoStart: false`. */
  start(id?: string): void;
  /** Cancels one item or all unsettled ones; aborts requests in flight. */
  cancel(id?: string): void;
  /** Retries one failed/canceled item or all of them. */
  retry(id?: string): void;
  /** Removes an item (canceling it first if needed). */
  remove(id: string): void;
  /**
   * Changes options after creation: `options` is merged over the options given so far (fields
   * not named keep their value) and the result is validated like `createUploader`'s. Attempts in
   * flight keep the settings they started with (site, transport, timeouts); the next attempt,
   * the next retry decision and files added afterwards use the new ones. Raising
   * `concurrency` starts more queued items at once; turning `autoStart` on starts the items
   * waiting in `queued`. Does nothing after `destroy()`.
   *
   * @param options The options to change.
   * @throws TwentyThreeUploadError `invalid_options` when the merged options are invalid; the
   *   previous options then stay in effect.
   */
  setOptions(options: Partial<UploaderOptions>): void;
  /** Aborts everything, removes listeners; the uploader is unusable afterwards. */
  destroy(): void;
}
