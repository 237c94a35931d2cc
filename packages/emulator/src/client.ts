// A client for the emulator's control API, built on fetch only: it runs in browsers and in Node.
// No Node imports here.
import type {
  ApiGeneration,
  EmulatorInfo,
  FaultRecord,
  FaultSpec,
  InstanceOptions,
  InstanceRecord,
  RequestRecord,
  ReturnRecord,
  TokenIssueRequest,
  TokenRecord,
  UploadRecord,
} from "./controlTypes.js";

export type * from "./controlTypes.js";

/** Path prefix of the control API. */
export const CONTROL_PREFIX = "/__emulator";

/** A control API call failed; `status` is the HTTP status, `message` the emulator's reason. */
export class EmulatorClientError extends Error {
  /**
   * Thrown by the client's methods when the control API refuses a call.
   *
   * @param status The HTTP status of the control API's answer (also readable as `status`).
   * @param message The emulator's reason.
   */
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "EmulatorClientError";
  }
}

/** Snake_case API parameters, e.g. `{ return_url: "…", background_return_p: 1 }`. */
export type ApiParamsInput = Record<string, string | number | boolean>;

/** The client for one emulator. */
export interface EmulatorClient {
  /** The emulator's base URL, without a trailing slash. */
  readonly url: string;
  /** `GET /__emulator/health` → `{ status: "ok" }`. */
  health(): Promise<{ status: "ok" }>;
  /** `GET /__emulator/info`: the configuration in use (no secrets). */
  info(): Promise<EmulatorInfo>;
  /**
   * `POST /__emulator/token`: issues a token without OAuth and resolves with the raw body, exactly
   * as get-upload-token answers (legacy `format=json&raw` JSON unless `params` choose otherwise).
   * A refusal in TwentyThree's error envelope resolves too (legacy errors are HTTP 200); only an
   * HTTP error status (v2 errors, faults, malformed requests) rejects.
   */
  issueToken(request?: TokenIssueRequest, params?: ApiParamsInput): Promise<string>;
  /** Issues a token like {@link issueToken} and resolves with the stored token record. */
  createToken(request?: TokenIssueRequest, params?: ApiParamsInput): Promise<TokenRecord>;
  /** The URL of `POST /__emulator/token` with `params` in its query (usable as a TokenSource URL). */
  tokenUrl(params?: ApiParamsInput): string;
  /** `GET /__emulator/tokens`. */
  tokens(): Promise<TokenRecord[]>;
  /** `GET /__emulator/tokens/<token>`. */
  token(uploadToken: string): Promise<TokenRecord>;
  /** `POST /__emulator/tokens/<token>/expire`: the token is expired from now on. */
  expireToken(uploadToken: string): Promise<TokenRecord>;
  /** `GET /__emulator/uploads`: stored files with size and SHA-256. */
  uploads(): Promise<UploadRecord[]>;
  /** `GET /__emulator/requests`: the API request log (in-flight requests included). */
  requests(): Promise<RequestRecord[]>;
  /** `GET /__emulator/returns`: calls received by the `/__emulator/return` echo page. */
  returns(): Promise<ReturnRecord[]>;
  /** `POST /__emulator/faults`: queues a fault. */
  addFault(fault: FaultSpec): Promise<FaultRecord>;
  /** `POST /__emulator/faults` with an array: queues several, in order. */
  addFaults(faults: readonly FaultSpec[]): Promise<FaultRecord[]>;
  /** `GET /__emulator/faults`: faults still queued. */
  faults(): Promise<FaultRecord[]>;
  /** `DELETE /__emulator/faults`. */
  clearFaults(): Promise<void>;
  /** `POST /__emulator/reset`: forgets everything (never call it on a shared emulator: spawn one). */
  reset(): Promise<void>;
  /** `POST /__emulator/instances`: a fresh, isolated emulator on its own port, closed with its parent. */
  spawn(options?: InstanceOptions): Promise<SpawnedEmulatorClient>;
  /** `GET /__emulator/instances`. */
  instances(): Promise<InstanceRecord[]>;
  /** The `/__emulator/return` echo page with `params` in its query (for return_url). */
  returnUrl(params?: Record<string, string>): string;
  /** `${url}/api/photo/<method>` (legacy) or `${url}/api/2/photo/<method>` (v2). */
  apiUrl(method: string, api?: ApiGeneration): string;
}

/** A client for a spawned emulator. */
export interface SpawnedEmulatorClient extends EmulatorClient {
  /** The child emulator's port. */
  readonly port: number;
  /** `DELETE /__emulator/instances/<port>` on the parent. */
  close(): Promise<void>;
}

function query(params: ApiParamsInput | Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    search.append(k, typeof v === "boolean" ? (v ? "1" : "0") : String(v));
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** Options of {@link createEmulatorClient}. */
export interface EmulatorClientInit {
  /** The fetch to use (e.g. one that adds logging). Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** Creates a client for the emulator at `baseUrl` (e.g. `inject("emulatorUrl")`). */
export function createEmulatorClient(
  baseUrl: string | URL,
  init: EmulatorClientInit = {},
): EmulatorClient {
  const url = String(baseUrl).replace(/\/+$/, "");
  const doFetch =
    init.fetch ?? ((input: RequestInfo | URL, request?: RequestInit) => fetch(input, request));

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await doFetch(`${url}${CONTROL_PREFIX}/${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) {
      let message = text;
      try {
        message = (JSON.parse(text) as { error?: string }).error ?? text;
      } catch {
        // not JSON: keep the text
      }
      throw new EmulatorClientError(
        response.status,
        `${method} ${CONTROL_PREFIX}/${path} failed (${response.status}): ${message}`,
      );
    }
    return JSON.parse(text) as T;
  }

  const client: EmulatorClient = {
    url,
    health: () => call("GET", "health"),
    info: () => call("GET", "info"),
    async issueToken(request = {}, params = {}) {
      const response = await doFetch(client.tokenUrl(params), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(request),
      });
      const text = await response.text();
      if (response.status >= 400)
        throw new EmulatorClientError(
          response.status,
          `POST ${CONTROL_PREFIX}/token failed (${response.status}): ${text.slice(0, 300)}`,
        );
      return text;
    },
    async createToken(request = {}, params = {}) {
      const api = request.api ?? (params.api === "v2" ? "v2" : "legacy");
      const body = await client.issueToken(request, {
        ...params,
        ...(api === "legacy" ? { format: "json", raw: "" } : {}),
      });
      const parsed = JSON.parse(body) as {
        status?: string;
        message?: string;
        uploadtoken?: { upload_token?: string };
        data?: { upload_token?: string };
      };
      const uploadToken = parsed.uploadtoken?.upload_token ?? parsed.data?.upload_token;
      if (parsed.status !== "ok" || uploadToken === undefined) {
        throw new EmulatorClientError(
          200,
          `The emulator refused the token request: ${parsed.message ?? body.slice(0, 300)}`,
        );
      }
      return client.token(uploadToken);
    },
    tokenUrl: (params = {}) => `${url}${CONTROL_PREFIX}/token${query(params)}`,
    tokens: () => call("GET", "tokens"),
    token: (uploadToken) => call("GET", `tokens/${encodeURIComponent(uploadToken)}`),
    expireToken: (uploadToken) => call("POST", `tokens/${encodeURIComponent(uploadToken)}/expire`),
    uploads: () => call("GET", "uploads"),
    requests: () => call("GET", "requests"),
    returns: () => call("GET", "returns"),
    addFault: (fault) => call("POST", "faults", fault),
    addFaults: (faults) => call("POST", "faults", faults),
    faults: () => call("GET", "faults"),
    clearFaults: async () => void (await call("DELETE", "faults")),
    reset: async () => void (await call("POST", "reset")),
    async spawn(options = {}) {
      const record = await call<InstanceRecord>("POST", "instances", options);
      const child = createEmulatorClient(record.url, init);
      return {
        ...child,
        port: record.port,
        close: async () => void (await call("DELETE", `instances/${record.port}`)),
      };
    },
    instances: () => call("GET", "instances"),
    returnUrl: (params = {}) => `${url}${CONTROL_PREFIX}/return${query(params)}`,
    apiUrl: (method, api = "legacy") =>
      `${url}/api${api === "v2" ? "/2" : ""}/photo/${method.replace(/^photo\//, "")}`,
  };
  return client;
}
