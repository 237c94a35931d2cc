import { type IncomingMessage, createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { ChunkSessions } from "./chunkAssembler.js";
import type {
  FaultRecord,
  FaultSpec,
  InstanceOptions,
  InstanceRecord,
  RequestRecord,
  ReturnRecord,
  TokenRecord,
  UploadRecord,
} from "./controlTypes.js";
import { createDataDir } from "./dataDir.js";
import type { EmulatorContext } from "./emulatorContext.js";
import { type EmulatorOptions, type ResolvedOptions, resolveOptions } from "./emulatorOptions.js";
import { EmulatorState } from "./emulatorState.js";
import { FaultQueue } from "./faults.js";
import { type RequestHandler, createRequestHandler } from "./handleRequest.js";
import { NonceStore } from "./oauthVerify.js";

/** A running emulator. */
export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:8023`. */
  readonly url: string;
  /** The port listened on (the free one picked when `port` was `0`). */
  readonly port: number;
  /** Where uploads are stored. */
  readonly dataDir: string;
  /** The options in effect (defaults applied). */
  readonly options: Readonly<ResolvedOptions>;
  /**
   * The same request handling as the server, as Connect/Vite middleware: API, control and
   * crossdomain paths are answered, anything else goes to `next()` (or gets 404 without `next`).
   */
  readonly handler: RequestHandler;
  /** Stops the server and its spawned instances, and removes the data directory (unless kept). */
  close(): Promise<void>;
  /** Forgets tokens, uploads, faults, logs and stored files; cuts requests in flight. */
  reset(): Promise<void>;
  /**
   * Every upload token this emulator issued (through get-upload-token or the control API) and
   * not forgotten by `reset()`, in the order issued. Each record's `state` is worked out at the
   * time of the call (`valid`, `expired`, `consumed` or `deleted`), so call again to see changes.
   * The same records as `GET /__emulator/tokens`, without a round trip.
   */
  tokens(): TokenRecord[];
  /**
   * Every file stored so far, oldest first: the bytes' size and SHA-256, the metadata and the
   * callback, for asserting exactly what arrived (and that nothing was stored twice). Copies:
   * call again to see later changes (e.g. a background callback's status). The same records as
   * `GET /__emulator/uploads`.
   */
  uploads(): UploadRecord[];
  /**
   * The request log: one record per request to an API endpoint or to `POST /__emulator/token`,
   * oldest first, added when the request arrives and updated as it goes (`bytesReceived`,
   * `status`, `aborted`, `done`). Only the latest 2000 are kept. Copies taken at the time of
   * the call. The same records as `GET /__emulator/requests`.
   */
  requests(): RequestRecord[];
  /**
   * The requests received by the `/__emulator/return` echo page (the return_url of tests),
   * oldest first: redirects followed by a browser and background calls made by the emulator
   * itself (`fromEmulator`). Only the latest 2000 are kept. The same records as
   * `GET /__emulator/returns`.
   */
  returns(): ReturnRecord[];
  /**
   * Queues a fault for the next matching requests (see {@link FaultSpec}); faults are tried in
   * the order they were queued and a spent one is dropped. Only for an emulator a test owns:
   * other tests sharing this emulator would meet the fault too.
   *
   * @param fault What to match and what to do to the request; at least one effect is required.
   * @returns The queued fault with its defaults filled in, its `id` and the requests it still
   *   applies to (`remaining`, `skip`).
   * @throws Error when the spec has an unknown field, a bad value or no effect (the message
   *   names the problem); nothing is queued then.
   */
  addFault(fault: FaultSpec): FaultRecord;
  /** Drops every queued fault; requests already being faulted carry on as they started. */
  clearFaults(): void;
  /** Makes a token expired now; throws if the emulator never issued it. */
  expireToken(uploadToken: string): TokenRecord;
}

const INSTANCE_KEYS: readonly (keyof InstanceOptions)[] = [
  "cors",
  "encodingDelayMs",
  "refuseTypes",
  "credentials",
  "bearerToken",
  "permissionLevel",
  "timestampWindowSeconds",
  "tokenErrorStatus",
  "domain",
];

/** Only safe options may come over HTTP: no host, port or data directory. */
function instanceOptions(input: object): EmulatorOptions {
  const unknown = Object.keys(input).filter(
    (k) => !INSTANCE_KEYS.includes(k as keyof InstanceOptions),
  );
  if (unknown.length > 0) {
    throw new TypeError(
      `Unknown or disallowed instance option(s): ${unknown.join(", ")}. Allowed: ${INSTANCE_KEYS.join(", ")}.`,
    );
  }
  const options = input as InstanceOptions;
  if (
    options.refuseTypes !== undefined &&
    (!Array.isArray(options.refuseTypes) || options.refuseTypes.some((t) => typeof t !== "string"))
  ) {
    throw new TypeError("refuseTypes must be an array of strings.");
  }
  return options as EmulatorOptions;
}

function listen(
  server: ReturnType<typeof createServer>,
  port: number,
  host: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts an emulator of TwentyThree's upload API (both generations) on a real HTTP port. */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const data = await createDataDir(resolved.dataDir);
  const lifetime = new AbortController();
  const children = new Map<number, Emulator>();
  const inflight = new Set<IncomingMessage>();
  const state = new EmulatorState();
  const faults = new FaultQueue();
  const nonces = new NonceStore();
  const chunks = new ChunkSessions(data);
  const reset = async () => {
    for (const req of inflight) req.socket.destroy();
    state.reset();
    faults.clear();
    nonces.clear();
    chunks.clear();
    await data.clear();
  };
  const ctx: EmulatorContext = {
    options: resolved,
    state,
    faults,
    nonces,
    data,
    chunks,
    inflight,
    lifetime: lifetime.signal,
    url: "",
    reset,
    instances: {
      async spawn(input): Promise<InstanceRecord> {
        const child = await createEmulator({
          ...instanceOptions(input),
          host: resolved.host,
          port: 0,
          quiet: true,
        });
        children.set(child.port, child);
        return { url: child.url, port: child.port };
      },
      async close(port) {
        const child = children.get(port);
        if (!child) return false;
        children.delete(port);
        await child.close();
        return true;
      },
      list: () => [...children.values()].map((c) => ({ url: c.url, port: c.port })),
    },
  };
  const handler = createRequestHandler(ctx);
  const server = createServer(
    { maxHeaderSize: resolved.maxHeaderSize, requestTimeout: 0 },
    (req, res) => handler(req, res),
  );
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return void socket.destroy();
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const status = tooLarge ? "431 Request Header Fields Too Large" : "400 Bad Request";
    const body = tooLarge
      ? "The request headers are too large."
      : "The request could not be parsed.";
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  let port: number;
  try {
    port = await listen(server, resolved.port, resolved.host);
  } catch (error) {
    await data.dispose(resolved.keepData);
    throw error;
  }
  const hostInUrl = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  ctx.url = `http://${hostInUrl}:${port}`;
  let closing: Promise<void> | null = null;
  const find = (uploadToken: string) => {
    const token = state.tokens.get(uploadToken);
    if (!token) throw new Error("This emulator never issued that upload token.");
    return token;
  };
  return {
    url: ctx.url,
    port,
    dataDir: data.root,
    options: resolved,
    handler,
    close() {
      closing ??= (async () => {
        lifetime.abort();
        await Promise.all([...children.values()].map((child) => child.close()));
        children.clear();
        for (const req of inflight) req.socket.destroy();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await data.dispose(resolved.keepData);
      })();
      return closing;
    },
    reset,
    tokens: () => [...state.tokens.values()].map((t) => state.tokenRecord(t)),
    uploads: () => state.uploads.map((u) => ({ ...u })),
    requests: () => state.requests.map((r) => ({ ...r })),
    returns: () => [...state.returns],
    addFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    expireToken(uploadToken) {
      const token = find(uploadToken);
      token.expiredByControl = true;
      return state.tokenRecord(token);
    },
  };
}
