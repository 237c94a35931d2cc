// The playground's fault menu: what each choice asks of the emulator, and what a newcomer should
// expect to see. Faults are queued on the story's own emulator instance, never on a shared one.
import type { FaultSpec } from "@twentythree-upload/emulator/client";
import type { ApiVersion, TransportName } from "../../src/index.js";

/** The faults a playground story can play. */
export const faultKinds = [
  "none",
  "slow-network",
  "http-503",
  "http-429",
  "connection-drop",
  "stall",
  "slow-processing",
  "answer-lost",
  "expired-token",
  "cors-off",
  "cors-off-answer-lost",
] as const;

/** Whether the scenario's emulator instance sends no CORS headers. */
export function isCorsOff(fault: FaultKind): boolean {
  return fault === "cors-off" || fault === "cors-off-answer-lost";
}

export type FaultKind = (typeof faultKinds)[number];

/** The controls of a playground story (Storybook args). */
export interface PlaygroundArgs {
  /** What the emulator does to the next upload request. */
  fault: FaultKind;
  /** The component under test: the multi-file queue or the one-file form. */
  ui: "queue" | "form";
  /** Size of each generated file, in KiB. */
  fileSizeKiB: number;
  /** How many files "Add generated files" adds (the form takes one). */
  fileCount: number;
  /** The uploader's transport: `auto` probes CORS and falls back to the iframe. */
  transport: TransportName;
  /** TwentyThree API generation: `/api` (legacy) or `/api/2` (v2). */
  apiVersion: ApiVersion;
  /** Retry transient failures automatically (3 retries, backoff from 500 ms). */
  retry: boolean;
  /** Files sent at the same time. */
  concurrency: number;
  /** Chunk size for the chunked transport, in KiB. */
  chunkSizeKiB: number;
  /** Throughput cap of the slow-network fault, in KiB per second. */
  throughputKiBps: number;
  /** Let this many upload requests (e.g. chunks) through before the fault hits. */
  faultAfter: number;
  /** Abort when no byte progress for this long (the library's default is 30 s). */
  stallTimeoutMs: number;
  /** Deadline for the answer once the body is sent (the library's default is 10 min). */
  responseTimeoutMs: number;
}

/** The playground's starting point: no fault, small files, quick timeouts. */
export const defaultPlaygroundArgs: PlaygroundArgs = {
  fault: "none",
  ui: "queue",
  fileSizeKiB: 2048,
  fileCount: 1,
  transport: "auto",
  apiVersion: "legacy",
  retry: true,
  concurrency: 3,
  chunkSizeKiB: 512,
  throughputKiBps: 512,
  faultAfter: 0,
  stallTimeoutMs: 2000,
  responseTimeoutMs: 10_000,
};

/** How long the slow-processing fault holds the answer after the file is stored. */
export const processingDelayMs = 2500;

/** The fault to queue on redeem-upload-token, or `null` when the scenario needs none. */
export function faultSpecFor(args: PlaygroundArgs): FaultSpec | null {
  const base = { endpoint: "redeem-upload-token", after: args.faultAfter };
  // Cut or stall partway through the first affected request's body.
  const partway = Math.max(1, Math.min(64 * 1024, Math.floor((args.fileSizeKiB * 1024) / 4)));
  switch (args.fault) {
    case "slow-network":
      // Every upload request is slow, as on a slow line (not only the next one).
      return { ...base, bytesPerSecond: args.throughputKiBps * 1024, count: 1000 };
    case "http-503":
      return { ...base, status: 503, message: "Service unavailable (emulator fault)" };
    case "http-429":
      return { ...base, status: 429, retryAfter: 1, message: "Slow down (emulator fault)" };
    case "connection-drop":
      return { ...base, resetAfterBytes: partway };
    case "stall":
      return { ...base, stallAfterBytes: partway };
    case "slow-processing":
      return { ...base, processingDelayMs };
    case "answer-lost":
    case "cors-off-answer-lost":
      return { ...base, dropAnswer: true };
    case "none":
    case "expired-token":
    case "cors-off":
      return null;
    default:
      return args.fault satisfies never;
  }
}

/** One sentence each: what the emulator does, and what the library should make of it. */
export const faultDescriptions: Readonly<Record<FaultKind, string>> = {
  none: "No fault: the file goes up once and the row shows the video id.",
  "slow-network":
    "The emulator reads upload bodies at the throughput cap, so progress moves slowly (on loopback, use a few MB to see it).",
  "http-503":
    "The next upload gets 503 Service Unavailable; with retry on, it is sent again after a backoff and stored once.",
  "http-429":
    "The next upload gets 429 with Retry-After: 1; the retry waits at least that second, then the file is stored once.",
  "connection-drop":
    "The emulator cuts the connection partway through the body; nothing is stored, and the retry sends the file again.",
  stall:
    "The emulator stops reading partway and never answers; the stall timeout aborts the attempt and the retry succeeds.",
  "slow-processing":
    "All bytes arrive, then the emulator takes a while to answer: the row sits in processing at 100 %, then succeeds.",
  "answer-lost":
    "The emulator stores the file, then drops the connection without answering; the library looks the upload up (photo/list) instead of sending it twice.",
  "expired-token":
    "The next token is expired before it is used; TwentyThree refuses it, the library gets one fresh token and succeeds.",
  "cors-off":
    "This emulator instance sends no CORS headers: the auto transport falls back to a hidden iframe form post (no byte progress).",
  "cors-off-answer-lost":
    "No CORS headers, and the emulator drops the iframe post's answer after storing the file: fetch cannot read photo/list, so the library looks the upload up through JSONP and does not send it twice.",
};
