import type { CorsMode, PermissionLevel } from "./controlTypes.js";

/** OAuth 1.0a privileged credentials ("Settings → API & Applications" on a real site). */
export interface EmulatorCredentials {
  /** `oauth_consumer_key`. Default: `"emulator-key"`. */
  consumerKey: string;
  /** The consumer secret (signs requests, never sent). Default: `"emulator-secret"`. */
  consumerSecret: string;
  /** `oauth_token`. Default: `"emulator-token"`. */
  accessToken: string;
  /** The access token secret (signs requests, never sent). Default: `"emulator-token-secret"`. */
  accessTokenSecret: string;
}

/** Options for `createEmulator`. */
export interface EmulatorOptions {
  /** Interface to listen on. Default: `"127.0.0.1"`. */
  host?: string;
  /** Port to listen on; `0` picks a free one. Default: `0`. */
  port?: number;
  /** CORS on the API paths (the control API always sends CORS headers). Default: `"full"`. */
  cors?: CorsMode;
  /**
   * Where uploads are stored. Default: a fresh temporary directory. A directory the emulator
   * created is removed on close; in a directory that already existed only the emulator's own
   * sub-folders are removed.
   */
  dataDir?: string;
  /** Keep the data directory on close. Default: `false`. */
  keepData?: boolean;
  /** OAuth credentials; each missing field takes its default. */
  credentials?: Partial<EmulatorCredentials>;
  /**
   * Bearer token accepted by `/api/2` (`Authorization: Bearer …`). Default: `"emulator-bearer"`.
   */
  bearerToken?: string;
  /**
   * Permission level of the credentials. `write` is enough for get-upload-token; `user_id` needs
   * `super`; `read` makes get-upload-token refuse with `permission_denied`. Default: `"write"`.
   */
  permissionLevel?: Exclude<PermissionLevel, "none" | "anonymous">;
  /**
   * Delay after an upload is stored before photo/list reports `video_encoded_p=1`. Default: `1000`
   * ms.
   */
  encodingDelayMs?: number;
  /**
   * File types redeem-upload-token refuses with "The file type isn't supported": MIME types
   * (`application/x-msdownload`), wildcards (`text/*`) or extensions (`.exe`).
   * Default: `[".exe", "application/x-msdownload", "application/x-msdos-program"]`.
   */
  refuseTypes?: readonly string[];
  /** Accepted clock skew of `oauth_timestamp`, in seconds. Default: `300`. */
  timestampWindowSeconds?: number;
  /**
   * HTTP status of the plain-text answer to an invalid, consumed or expired upload token.
   * Default: `403`.
   */
  tokenErrorStatus?: number;
  /** The `domain` reported in callbacks. Default: the Host header of the request (`127.0.0.1:<port>`). */
  domain?: string;
  /**
   * Deadline of the background (`background_return_p=1`) call to return_url. Default: `10_000` ms.
   */
  callbackTimeoutMs?: number;
  /** Largest request head accepted; larger ones get `431`. Default: `16384` bytes. */
  maxHeaderSize?: number;
  /** Do not log requests. Default: `false`. */
  quiet?: boolean;
  /** Where request log lines go. Default: standard output. */
  logger?: (line: string) => void;
}

/**
 * {@link EmulatorOptions} with every default applied and checked, as `Emulator.options`
 * reports them. Each field is the option of the same name; only the ones whose resolved form
 * differs are described here.
 */
export interface ResolvedOptions {
  /** The interface listened on. */
  host: string;
  /** The port asked for (`0`: any free one); the port actually used is `Emulator.port`. */
  port: number;
  /** CORS on the API paths. */
  cors: CorsMode;
  /** The directory given, or `null` when the emulator made a temporary one (`Emulator.dataDir`). */
  dataDir: string | null;
  /** Whether the data directory survives `close()`. */
  keepData: boolean;
  /** All four credentials: the ones given, defaults for the rest (`""` counts as not given). */
  credentials: EmulatorCredentials;
  /** The bearer token accepted by `/api/2`. */
  bearerToken: string;
  /** Permission level of the credentials. */
  permissionLevel: Exclude<PermissionLevel, "none" | "anonymous">;
  /** Milliseconds from storing an upload to `video_encoded_p=1`. */
  encodingDelayMs: number;
  /** File types redeem-upload-token refuses (a copy of the list given, or of the default). */
  refuseTypes: readonly string[];
  /** Accepted `oauth_timestamp` skew, in seconds. */
  timestampWindowSeconds: number;
  /** HTTP status of the answer to an invalid, consumed or expired upload token. */
  tokenErrorStatus: number;
  /** The `domain` reported in callbacks, or `null` to report the request's Host header. */
  domain: string | null;
  /** Deadline of the background call to return_url, in milliseconds. */
  callbackTimeoutMs: number;
  /** Largest request head accepted, in bytes. */
  maxHeaderSize: number;
  /** Whether request logging is off. */
  quiet: boolean;
  /**
   * Receives one line per finished request unless `quiet`: method, path (without the query
   * string, which may carry upload tokens), status or `aborted`/`no answer`, body bytes read and
   * the fault applied. The given `logger`, or one that writes to standard output.
   *
   * @param line The log line, without a trailing newline.
   */
  logger: (line: string) => void;
}

/**
 * The OAuth 1.0a credentials an emulator accepts when `credentials` is not given (or for the
 * fields it leaves out). Exported so that a test can sign requests, or configure the token
 * endpoint under test, with the same values. Frozen. Not secret: anyone can read them here.
 */
export const DEFAULT_CREDENTIALS: Readonly<EmulatorCredentials> = Object.freeze({
  consumerKey: "emulator-key",
  consumerSecret: "emulator-secret",
  accessToken: "emulator-token",
  accessTokenSecret: "emulator-token-secret",
});

/**
 * The bearer token `/api/2` accepts (`Authorization: Bearer emulator-bearer`) when
 * `bearerToken` is not given. Exported for tests that call the v2 API directly.
 */
export const DEFAULT_BEARER_TOKEN = "emulator-bearer";

/**
 * The file types redeem-upload-token refuses when `refuseTypes` is not given: Windows
 * executables, by extension and by their two MIME types, so that a test can exercise the
 * "file type isn't supported" refusal without configuring anything. Frozen; spread it to extend
 * it (`refuseTypes: [...DEFAULT_REFUSE_TYPES, ".zip"]`).
 */
export const DEFAULT_REFUSE_TYPES: readonly string[] = Object.freeze([
  ".exe",
  "application/x-msdownload",
  "application/x-msdos-program",
]);

const PERMISSIONS = ["read", "write", "admin", "super"] as const;

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative number; got ${String(value)}.`);
  }
  return value;
}

/** Applies defaults and rejects nonsense early, with a message that names the option. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const cors = options.cors ?? "full";
  if (cors !== "full" && cors !== "none") {
    throw new TypeError(`cors must be "full" or "none"; got ${JSON.stringify(cors)}.`);
  }
  const permissionLevel = options.permissionLevel ?? "write";
  if (!PERMISSIONS.includes(permissionLevel)) {
    throw new TypeError(`permissionLevel must be one of ${PERMISSIONS.join(", ")}.`);
  }
  const tokenErrorStatus = options.tokenErrorStatus ?? 403;
  if (!Number.isInteger(tokenErrorStatus) || tokenErrorStatus < 200 || tokenErrorStatus > 599) {
    throw new TypeError("tokenErrorStatus must be an HTTP status between 200 and 599.");
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`port must be an integer between 0 and 65535; got ${String(port)}.`);
  }
  const quiet = options.quiet ?? false;
  return {
    host: options.host ?? "127.0.0.1",
    port,
    cors,
    dataDir: options.dataDir ?? null,
    keepData: options.keepData ?? false,
    credentials: { ...DEFAULT_CREDENTIALS, ...definedOnly(options.credentials ?? {}) },
    bearerToken: options.bearerToken ?? DEFAULT_BEARER_TOKEN,
    permissionLevel,
    encodingDelayMs: nonNegative("encodingDelayMs", options.encodingDelayMs, 1000),
    refuseTypes: [...(options.refuseTypes ?? DEFAULT_REFUSE_TYPES)],
    timestampWindowSeconds: nonNegative(
      "timestampWindowSeconds",
      options.timestampWindowSeconds,
      300,
    ),
    tokenErrorStatus,
    domain: options.domain ?? null,
    callbackTimeoutMs: nonNegative("callbackTimeoutMs", options.callbackTimeoutMs, 10_000),
    maxHeaderSize: nonNegative("maxHeaderSize", options.maxHeaderSize, 16_384),
    quiet,
    logger: options.logger ?? ((line) => void process.stdout.write(`${line}\n`)),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => typeof v === "string" && v !== ""),
  ) as Partial<T>;
}
