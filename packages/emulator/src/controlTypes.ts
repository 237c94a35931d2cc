// Types shared by the server and the fetch-based client: the JSON shapes of the control API.
// No runtime code and no Node imports, so that browser code can import it.

/** Which API generation a request used: `/api/...` (`"legacy"`) or `/api/2/...` (`"v2"`). */
export type ApiGeneration = "legacy" | "v2";

/**
 * Whether the emulator sends CORS headers on the TwentyThree API paths. TwentyThree's docs are
 * silent on CORS, so both behaviours are available:
 * - `"full"`: preflights answered, `Access-Control-Allow-Origin: *` on every response (also on
 *   the 301), `Access-Control-Expose-Headers: Retry-After, Location`;
 * - `"none"`: no CORS header at all; preflights get `405` like a server that has never heard of them.
 */
export type CorsMode = "full" | "none";

/** TwentyThree's permission levels, lowest first. */
export type PermissionLevel = "none" | "anonymous" | "read" | "write" | "admin" | "super";

/**
 * Canonical endpoint names used by faults and the request log. Faults also accept the short form
 * without `photo/` (e.g. `"redeem-upload-token"`) and `"*"` for any endpoint.
 * `"token"` is the control API's own token endpoint, `POST /__emulator/token`. `"return"` is the
 * echo page `/__emulator/return` (the return_url of tests): faults only (`latencyMs`, `status`),
 * never in the request log, and never matched by `"*"`.
 */
export type EndpointName =
  | "photo/get-upload-token"
  | "photo/redeem-upload-token"
  | "photo/list"
  | "photo/update-upload-token"
  | "photo/delete-upload-token"
  | "crossdomain.xml"
  | "token"
  | "return"
  | "unknown";

/**
 * A fault applied to the next `count` matching requests. Several effects may be combined in one
 * fault; they apply in this order: latency, then the body is read (throughput cap, reset or stall),
 * then `status` (instead of the real handler), then processing, `processingDelayMs`, `dropAnswer`.
 */
export interface FaultSpec {
  /**
   * Endpoint to match: a name from {@link EndpointName}, its short form, or `"*"` (any API
   * endpoint). `"return"` (the echo page) takes only `latencyMs` and `status`.
   * Default: `"redeem-upload-token"`.
   */
  endpoint?: string;
  /** Only requests to this API generation. Default: both. */
  api?: ApiGeneration;
  /** How many matching requests get the fault. Default: `1`. */
  count?: number;
  /**
   * Let this many matching requests through untouched first (e.g. fail the 3rd chunk).
   * Default: `0`.
   */
  after?: number;
  /** Wait this long before reading the request. Default: none. */
  latencyMs?: number;
  /**
   * Read the request body at most this fast (bytes per second), with real TCP back-pressure.
   * Default: none.
   */
  bytesPerSecond?: number;
  /**
   * Destroy the connection once this many body bytes were read (at the end of the body if it is
   * shorter). Default: none.
   */
  resetAfterBytes?: number;
  /**
   * Stop reading once this many body bytes were read and never answer (at the end of the body if it
   * is shorter). Default: none.
   */
  stallAfterBytes?: number;
  /**
   * Read the whole body, store nothing, and answer with this HTTP status (e.g. `500`, `503`,
   * `429`). Default: none.
   */
  status?: number;
  /**
   * Process the request (store the file, use the token), then answer with this HTTP status and a
   * plain-text body instead of TwentyThree's answer: a gateway that gave up waiting (`502`,
   * `504`) while the server stored the upload. Takes `retryAfter` and `message` like `status`.
   * Default: none.
   */
  statusAfterProcessing?: number;
  /**
   * With `status` or `statusAfterProcessing`: the `Retry-After` header, in seconds (a number) or
   * an HTTP date (a string). Default: none.
   */
  retryAfter?: number | string;
  /** With `status` or `statusAfterProcessing`: the plain-text body. Default: the status text. */
  message?: string;
  /**
   * After the whole body arrived and was processed (the file stored), wait this long before
   * answering. Default: none.
   */
  processingDelayMs?: number;
  /**
   * Process the request (store the file, consume the token), then destroy the connection without
   * answering. Default: `false`.
   */
  dropAnswer?: boolean;
  /**
   * Fault each matching request only with this probability (0 < p ≤ 1), drawn from a PRNG seeded
   * with `seed`; `count` is then the number of matching requests that draw. A request that draws
   * no fault goes on to the faults queued after this one. Default: every matching request.
   */
  probability?: number;
  /** With `probability`: the PRNG seed (an integer), for a reproducible sequence of draws. Default: a random seed, reported in the fault record. */
  seed?: number;
  /**
   * Also fault probes: redeem POSTs with an empty form (no token, no file), such as the CORS probe
   * of `@twentythree-upload/core`. Default: `false` (probes pass untouched and do not count).
   */
  probes?: boolean;
}

/** A queued fault as the control API reports it. */
export interface FaultRecord extends FaultSpec {
  /** `f1`, `f2`…: named in the request log's `fault` description. */
  readonly id: string;
  /** The canonical endpoint name (`photo/` added to a short form), or `"*"`. */
  readonly endpoint: string;
  /** Requests still to be faulted. */
  readonly remaining: number;
  /** Matching requests still to be let through before the fault applies. */
  readonly skip: number;
  /** With `probability`: the seed in use (the one given, or the random one chosen). */
  readonly seed?: number;
}

/** An upload token as the emulator stores it. */
export interface TokenRecord {
  /** The token itself (40 hex characters on legacy, 64 alphanumerics on v2). */
  readonly uploadToken: string;
  /** The API generation that issued it (`"legacy"` also for `POST /__emulator/token` without `api=v2`). */
  readonly api: ApiGeneration;
  /** `title`, HTML tags stripped. */
  readonly title: string;
  /** `description`, unsafe HTML removed. */
  readonly description: string;
  /** `tags`, as given. */
  readonly tags: string;
  /** Whether uploads are published (`false` when a `publish_date` is set). */
  readonly publish: boolean;
  /** v2 `publish_date`, or `""`. */
  readonly publishDate: string;
  /** `user_id`, or the seed's example user `17488` when none was given. */
  readonly userId: string;
  /** `album_id`, or `""`. */
  readonly albumId: string;
  /** `absolute_url`, or `""`. */
  readonly absoluteUrl: string;
  /** `return_url`, or `""` (then redeem answers with a JSON/XML body, no redirect). */
  readonly returnUrl: string;
  /** `background_return_p=1`: the emulator calls `returnUrl` itself instead of redirecting. */
  readonly backgroundReturn: boolean;
  /** `valid_minutes` (default 180 on legacy, 360 on v2). */
  readonly validMinutes: number;
  /** Epoch seconds. */
  readonly validUntil: number;
  /** `max_uploads`: how many files the token may store. */
  readonly maxUploads: number;
  /** Files stored with it so far. */
  readonly uploadsUsed: number;
  /** Extra parameters, repeated in the callback. */
  readonly extra: Readonly<Record<string, string>>;
  /** When it was issued (ISO 8601). */
  readonly createdAt: string;
  /** `valid` until it expires, is used up (`consumed`) or deleted through v2 delete-upload-token. */
  readonly state: "valid" | "expired" | "consumed" | "deleted";
}

/** What happened to the callback of an upload. */
export interface CallbackRecord {
  /** `redirect`: a 301 (or a POST form when longer than 1500 characters); `background`: the emulator called return_url itself. */
  readonly mode: "redirect" | "background";
  /** return_url with TwentyThree's parameters added; return_url alone when they were POSTed. */
  readonly url: string;
  /** `GET`, or `POST` when the callback URL would exceed 1500 characters. */
  readonly method: "GET" | "POST";
  /** HTTP status of the background call (`null` when not made yet, failed, or not a background call). */
  readonly status: number | null;
  /** Why the background call failed, if it did. */
  readonly error: string | null;
}

/** A stored upload: exactly the bytes the emulator received, with their SHA-256. */
export interface UploadRecord {
  /** The new video's `photo_id` (sequential, from `1000001`). */
  readonly photoId: string;
  /** Its `tree_id`. */
  readonly treeId: string;
  /** The per-video secret returned as `token`. */
  readonly token: string;
  /** The upload token it was stored with. */
  readonly uploadToken: string;
  /** The API generation of that token. */
  readonly api: ApiGeneration;
  /** The file name the multipart `file` part (or the chunk fields) carried. */
  readonly fileName: string;
  /** The `Content-Type` of the `file` part. */
  readonly contentType: string;
  /** Bytes stored. */
  readonly size: number;
  /** Lower-case hex SHA-256 of the stored bytes. */
  readonly sha256: string;
  /** The token's `title`. */
  readonly title: string;
  /** The token's `description`. */
  readonly description: string;
  /** The token's `tags`. */
  readonly tags: string;
  /** The token's `album_id`, or `""`. */
  readonly albumId: string;
  /** The token's `publish`. */
  readonly publish: boolean;
  /** The token's v2 `publish_date`, or `""`. */
  readonly publishDate: string;
  /** The token's `absolute_url`, or `""`. */
  readonly absoluteUrl: string;
  /** Extra parameters from the token request and the redeem POST. */
  readonly extra: Readonly<Record<string, string>>;
  /** Set for chunked uploads. */
  readonly resumableIdentifier: string | null;
  /** Number of chunks for a chunked upload, `null` otherwise. */
  readonly chunks: number | null;
  /** When the file was stored (ISO 8601). */
  readonly storedAt: string;
  /** When `video_encoded_p` turns 1 in photo/list. */
  readonly encodedAt: string;
  /** Deleted through v2 delete-upload-token (kept here so tests can still see it). */
  readonly deleted: boolean;
  /** What happened to the callback to return_url, or `null` when there was none (yet). */
  readonly callback: CallbackRecord | null;
  /** Where the bytes are on disk (only meaningful on the emulator's machine). */
  readonly path: string;
}

/** One request to an API endpoint (or `POST /__emulator/token`), logged as it happens. */
export interface RequestRecord {
  /** Sequential from 1, per emulator. */
  readonly id: number;
  /** When the request arrived (ISO 8601). */
  readonly at: string;
  /** The HTTP method. */
  readonly method: string;
  /** Path without the query string (which may carry tokens). */
  readonly path: string;
  /** Which endpoint the path is (`"unknown"` for a path that is none of them). */
  readonly endpoint: EndpointName;
  /** `null` for paths outside `/api` and `/api/2`. */
  readonly api: ApiGeneration | null;
  /**
   * A redeem POST with an empty form (no token, no file): what `@twentythree-upload/core`'s CORS
   * probe sends. Faults skip probes unless they set `probes: true`.
   */
  readonly probe: boolean;
  /** HTTP status sent, or `null` while in flight, when aborted, stalled or dropped. */
  readonly status: number | null;
  /** The client went away (or a reset fault cut it) before the request was answered. */
  readonly aborted: boolean;
  /** Body bytes read so far. */
  readonly bytesReceived: number;
  /** A description of the fault applied, or `null`. */
  readonly fault: string | null;
  /** The upload token the request carried, once known. */
  readonly uploadToken: string | null;
  /** `resumableChunkNumber` of a chunk request. */
  readonly chunk: number | null;
  /** Finished: answered, aborted or dropped. */
  readonly done: boolean;
  /** When it finished (answer sent, connection lost or dropped); `null` while in flight. */
  readonly endedAt: string | null;
}

/** A request received by the `/__emulator/return` echo page. */
export interface ReturnRecord {
  /** When the page was requested (ISO 8601). */
  readonly at: string;
  /** `GET` for a redirect, `POST` for a callback too long for a URL. */
  readonly method: string;
  /** The query string, as an object (the last value wins for repeated names). */
  readonly query: Readonly<Record<string, string>>;
  /** URL-encoded body fields of a POST callback. */
  readonly body: Readonly<Record<string, string>>;
  /** `true` when the emulator itself made the call (background_return_p). */
  readonly fromEmulator: boolean;
  /** A description of the fault this call got (endpoint `"return"`), or `null`. */
  readonly fault: string | null;
}

/** Options for a child emulator spawned through the control API (a safe subset of `EmulatorOptions`). */
export interface InstanceOptions {
  /** CORS on the API paths (`EmulatorOptions.cors`). Default: `"full"`. */
  cors?: CorsMode;
  /** Milliseconds until an upload reports `video_encoded_p=1`. Default: `1000`. */
  encodingDelayMs?: number;
  /**
   * File types redeem-upload-token refuses (`EmulatorOptions.refuseTypes`).
   * Default: `[".exe", "application/x-msdownload", "application/x-msdos-program"]`.
   */
  refuseTypes?: readonly string[];
  /**
   * OAuth credentials; each missing field takes its default. Default: the emulator-* credentials.
   */
  credentials?: Partial<{
    consumerKey: string;
    consumerSecret: string;
    accessToken: string;
    accessTokenSecret: string;
  }>;
  /** Bearer token accepted by `/api/2`. Default: `"emulator-bearer"`. */
  bearerToken?: string;
  /**
   * Permission level of the credentials (`EmulatorOptions.permissionLevel`). Default: `"write"`.
   */
  permissionLevel?: "read" | "write" | "admin" | "super";
  /** Accepted clock skew of `oauth_timestamp`, in seconds. Default: `300`. */
  timestampWindowSeconds?: number;
  /** HTTP status of the answer to an invalid, consumed or expired upload token. Default: `403`. */
  tokenErrorStatus?: number;
  /** The `domain` reported in callbacks. Default: the Host header of each request. */
  domain?: string;
}

/** A child emulator. */
export interface InstanceRecord {
  /** The child's base URL. */
  readonly url: string;
  /** The child's port; also its name in `DELETE /__emulator/instances/<port>`. */
  readonly port: number;
}

/** `GET /__emulator/info`: the configuration in use (no secrets). */
export interface EmulatorInfo {
  /** The emulator's base URL. */
  readonly url: string;
  /** The `cors` option in effect. */
  readonly cors: CorsMode;
  /** The `permissionLevel` option in effect. */
  readonly permissionLevel: PermissionLevel;
  /** The `encodingDelayMs` option in effect. */
  readonly encodingDelayMs: number;
  /** The `refuseTypes` option in effect. */
  readonly refuseTypes: readonly string[];
  /** The `tokenErrorStatus` option in effect. */
  readonly tokenErrorStatus: number;
  /** The `timestampWindowSeconds` option in effect. */
  readonly timestampWindowSeconds: number;
  /** The OAuth consumer key (not secret: it is sent in every signed request). */
  readonly consumerKey: string;
  /** The OAuth access token (not secret: it is sent in every signed request). */
  readonly accessToken: string;
  /** Whether each secret is still the documented default. */
  readonly defaultSecrets: {
    /** The consumer secret is `DEFAULT_CREDENTIALS.consumerSecret`. */
    readonly consumerSecret: boolean;
    /** The access token secret is `DEFAULT_CREDENTIALS.accessTokenSecret`. */
    readonly accessTokenSecret: boolean;
    /** The bearer token is `DEFAULT_BEARER_TOKEN`. */
    readonly bearerToken: boolean;
  };
}

/**
 * The camelCase body `POST /__emulator/token` accepts (the `UploadTokenRequest` of
 * `@twentythree-upload/core`), plus `params` (snake_case API parameters) and `api`.
 */
export interface TokenIssueRequest {
  /** `title` (HTML tags are stripped, as TwentyThree does). Default: `""`. */
  title?: string;
  /** `description`. Default: `""`. */
  description?: string;
  /** `album_id`: one or more numeric ids, comma-separated. Default: none. */
  albumId?: string;
  /** `tags`. Default: `""`. */
  tags?: string;
  /** `publish` (sent as `1`/`0`). Default: `true`, or `false` when `publishDate` is set. */
  publish?: boolean;
  /**
   * v2 `publish_date`, e.g. `"2026-11-01 09:00:00"` (a legacy token keeps it as an extra).
   * Default: none.
   */
  publishDate?: string;
  /** Extra parameters, stored on the token and repeated in the callback. Default: none. */
  extra?: Record<string, string>;
  /** `max_uploads`: 1 to 100 (legacy) or 1000 (v2). Default: `1`. */
  maxUploads?: number;
  /** Accepted so that an `UploadTokenRequest` can be sent as is; not used. */
  fileName?: string;
  /** Accepted so that an `UploadTokenRequest` can be sent as is; not used. */
  fileSize?: number;
  /** Accepted so that an `UploadTokenRequest` can be sent as is; not used. */
  fileType?: string;
  /**
   * snake_case API parameters (`return_url`, `valid_minutes`, `format`…); they win over the
   * camelCase fields. Default: none.
   */
  params?: Record<string, string | number | boolean>;
  /** `"v2"` for a v2-shaped answer. Default: `"legacy"`. */
  api?: ApiGeneration;
}
