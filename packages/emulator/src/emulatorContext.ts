import type { IncomingMessage } from "node:http";
import type { BodyMeter } from "./bodyMeter.js";
import type { ChunkSessions } from "./chunkAssembler.js";
import type {
  ApiGeneration,
  EndpointName,
  InstanceOptions,
  InstanceRecord,
} from "./controlTypes.js";
import type { DataDir } from "./dataDir.js";
import type { ResolvedOptions } from "./emulatorOptions.js";
import type { EmulatorState, StoredRequest } from "./emulatorState.js";
import type { FaultQueue } from "./faults.js";
import type { NonceStore } from "./oauthVerify.js";

/** One emulator's moving parts, shared by the router and the endpoints. */
export interface EmulatorContext {
  readonly options: ResolvedOptions;
  readonly state: EmulatorState;
  readonly faults: FaultQueue;
  readonly nonces: NonceStore;
  readonly data: DataDir;
  readonly chunks: ChunkSessions;
  /** API requests in flight (so that reset and close can cut stalled ones). */
  readonly inflight: Set<IncomingMessage>;
  /** Aborted on close: pending fault timers stop. */
  readonly lifetime: AbortSignal;
  /** Base URL once listening. */
  url: string;
  readonly instances: {
    spawn(options: InstanceOptions): Promise<InstanceRecord>;
    close(port: number): Promise<boolean>;
    list(): InstanceRecord[];
  };
  /** Forgets all state and stored files. */
  reset(): Promise<void>;
}

/** One API request on its way through an endpoint. */
export interface ApiCall {
  readonly ctx: EmulatorContext;
  readonly req: IncomingMessage;
  /** The body, with byte counting and body faults applied. Always read this, never `req`. */
  readonly body: BodyMeter;
  readonly url: URL;
  readonly api: ApiGeneration;
  readonly endpoint: EndpointName;
  /** `/api/photo/list` or `/api/2/photo/list`. */
  readonly endpointPath: string;
  readonly record: StoredRequest;
  /** The `domain` reported in callbacks and `site.domain`. */
  readonly domain: string;
  /** `http://host[:port]/path` for the OAuth base string. */
  readonly baseUrl: string;
}

/** Resolves after `ms`, or rejects early when the emulator closes. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error("The emulator is closing."));
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("The emulator is closing."));
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
