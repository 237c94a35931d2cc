import type { ApiGeneration, EndpointName, FaultRecord } from "./controlTypes.js";

const ENDPOINTS: readonly EndpointName[] = [
  "photo/get-upload-token",
  "photo/redeem-upload-token",
  "photo/list",
  "photo/update-upload-token",
  "photo/delete-upload-token",
  "crossdomain.xml",
  "token",
  "return",
];

type StoredFault = FaultRecord & {
  remaining: number;
  skip: number;
  seed?: number;
  draw?: () => number;
};

/**
 * mulberry32: a tiny, well-distributed 32-bit PRNG. Seeded draws make a random-fault run
 * reproducible from its seed (given request order), which `Math.random` cannot be.
 */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fault spec that is not usable, with the reason. */
export class FaultSpecError extends Error {}

function canonicalEndpoint(value: unknown): string {
  if (value === undefined) return "photo/redeem-upload-token";
  if (typeof value !== "string") throw new FaultSpecError("endpoint must be a string.");
  if (value === "*") return value;
  const name = value.replace(/^\/+/, "");
  const full = ENDPOINTS.includes(name as EndpointName) ? name : `photo/${name}`;
  if (!ENDPOINTS.includes(full as EndpointName)) {
    throw new FaultSpecError(
      `endpoint must be "*" or one of ${ENDPOINTS.join(", ")} (the "photo/" prefix is optional); got ${JSON.stringify(value)}.`,
    );
  }
  return full;
}

function count(name: string, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new FaultSpecError(
      `${name} must be an integer of at least ${min}; got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

/** Checks a spec from the control API (untrusted JSON) and fills in its defaults. */
export function validateFault(input: unknown, id: string): StoredFault {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new FaultSpecError("A fault must be a JSON object.");
  }
  const spec = input as Record<string, unknown>;
  const known = new Set([
    "endpoint",
    "api",
    "count",
    "after",
    "latencyMs",
    "bytesPerSecond",
    "resetAfterBytes",
    "stallAfterBytes",
    "status",
    "statusAfterProcessing",
    "retryAfter",
    "message",
    "processingDelayMs",
    "dropAnswer",
    "probability",
    "seed",
    "probes",
  ]);
  const unknown = Object.keys(spec).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new FaultSpecError(`Unknown fault field(s): ${unknown.join(", ")}.`);
  if (spec.api !== undefined && spec.api !== "legacy" && spec.api !== "v2") {
    throw new FaultSpecError('api must be "legacy" or "v2".');
  }
  const status = count("status", spec.status, 200);
  if (status !== undefined && status > 599) throw new FaultSpecError("status must be at most 599.");
  const late = count("statusAfterProcessing", spec.statusAfterProcessing, 200);
  if (late !== undefined && late > 599) {
    throw new FaultSpecError("statusAfterProcessing must be at most 599.");
  }
  if (
    spec.retryAfter !== undefined &&
    typeof spec.retryAfter !== "number" &&
    typeof spec.retryAfter !== "string"
  ) {
    throw new FaultSpecError("retryAfter must be a number of seconds or an HTTP date string.");
  }
  if (spec.message !== undefined && typeof spec.message !== "string") {
    throw new FaultSpecError("message must be a string.");
  }
  for (const name of ["dropAnswer", "probes"] as const) {
    if (spec[name] !== undefined && typeof spec[name] !== "boolean") {
      throw new FaultSpecError(`${name} must be a boolean.`);
    }
  }
  const { probability } = spec;
  if (
    probability !== undefined &&
    (typeof probability !== "number" || !(probability > 0 && probability <= 1))
  ) {
    throw new FaultSpecError(
      `probability must be a number above 0 and at most 1; got ${JSON.stringify(probability)}.`,
    );
  }
  const seed = count("seed", spec.seed, 0);
  if (seed !== undefined && probability === undefined) {
    throw new FaultSpecError("seed needs probability: it seeds the draws.");
  }
  const fault: StoredFault = {
    id,
    endpoint: canonicalEndpoint(spec.endpoint),
    remaining: count("count", spec.count, 1) ?? 1,
    skip: count("after", spec.after, 0) ?? 0,
  };
  if (spec.api !== undefined) fault.api = spec.api as ApiGeneration;
  const numbers = ["latencyMs", "resetAfterBytes", "stallAfterBytes", "processingDelayMs"] as const;
  for (const name of numbers) {
    const value = count(name, spec[name], 0);
    if (value !== undefined) fault[name] = value;
  }
  const rate = count("bytesPerSecond", spec.bytesPerSecond, 1);
  if (rate !== undefined) fault.bytesPerSecond = rate;
  if (status !== undefined) fault.status = status;
  if (late !== undefined) fault.statusAfterProcessing = late;
  if (spec.retryAfter !== undefined) fault.retryAfter = spec.retryAfter as number | string;
  if (spec.message !== undefined) fault.message = spec.message as string;
  if (spec.dropAnswer === true) fault.dropAnswer = true;
  if (spec.probes === true) fault.probes = true;
  if (typeof probability === "number") {
    fault.probability = probability;
    fault.seed = seed ?? Math.floor(Math.random() * 2 ** 32);
    fault.draw = seededRandom(fault.seed);
  }
  const effects = [
    ...numbers,
    "bytesPerSecond",
    "status",
    "statusAfterProcessing",
    "dropAnswer",
  ] as const;
  if (!effects.some((name) => fault[name] !== undefined)) {
    throw new FaultSpecError(`A fault needs at least one effect: ${effects.join(", ")}.`);
  }
  const answers = (["status", "statusAfterProcessing", "dropAnswer"] as const).filter(
    (name) => fault[name] !== undefined,
  );
  if (answers.length > 1) {
    throw new FaultSpecError(
      `${answers.join(" and ")} cannot be combined: each decides the answer on its own.`,
    );
  }
  if (fault.resetAfterBytes !== undefined && fault.stallAfterBytes !== undefined) {
    throw new FaultSpecError("resetAfterBytes and stallAfterBytes cannot be combined.");
  }
  // The return page is not an upload: it has no body to cut, slow down or process.
  const uploadOnly = [
    "bytesPerSecond",
    "resetAfterBytes",
    "stallAfterBytes",
    "processingDelayMs",
    "statusAfterProcessing",
    "dropAnswer",
    "probes",
  ] as const;
  if (fault.endpoint === "return" && uploadOnly.some((name) => fault[name] !== undefined)) {
    throw new FaultSpecError(
      'The "return" page takes only latencyMs and status (with retryAfter and message).',
    );
  }
  return fault;
}

/** A short human description for the request log, e.g. `"status 503, retryAfter 2"`. */
export function describeFault(fault: FaultRecord): string {
  const parts: string[] = [];
  if (fault.latencyMs !== undefined) parts.push(`latency ${fault.latencyMs}ms`);
  if (fault.bytesPerSecond !== undefined) parts.push(`throughput ${fault.bytesPerSecond}B/s`);
  if (fault.resetAfterBytes !== undefined) parts.push(`reset after ${fault.resetAfterBytes}B`);
  if (fault.stallAfterBytes !== undefined) parts.push(`stall after ${fault.stallAfterBytes}B`);
  if (fault.status !== undefined) parts.push(`status ${fault.status}`);
  if (fault.statusAfterProcessing !== undefined) {
    parts.push(`status ${fault.statusAfterProcessing} after processing`);
  }
  if (fault.retryAfter !== undefined) parts.push(`retryAfter ${fault.retryAfter}`);
  if (fault.processingDelayMs !== undefined) parts.push(`processing ${fault.processingDelayMs}ms`);
  if (fault.dropAnswer) parts.push("drop answer");
  if (fault.probability !== undefined) parts.push(`p ${fault.probability}, seed ${fault.seed}`);
  return `${fault.id}: ${parts.join(", ")}`;
}

/** The public view of a stored fault (without its PRNG). */
function record(fault: StoredFault): FaultRecord {
  const { draw: _draw, ...rest } = fault;
  return rest;
}

/** Faults waiting for requests, first queued first applied. */
export class FaultQueue {
  private faults: StoredFault[] = [];
  private nextId = 1;

  add(input: unknown): FaultRecord {
    const fault = validateFault(input, `f${this.nextId}`);
    this.nextId += 1;
    this.faults.push(fault);
    return record(fault);
  }

  list(): FaultRecord[] {
    return this.faults.map(record);
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * The fault for this request, if any; counts the request against it. A probe (an empty redeem
   * form) is seen only by faults that ask for probes.
   */
  take(endpoint: EndpointName, api: ApiGeneration | null, isProbe = false): FaultRecord | null {
    for (const fault of [...this.faults]) {
      const matches =
        fault.endpoint === endpoint || (fault.endpoint === "*" && endpoint !== "return");
      if (!matches) continue;
      if (fault.api !== undefined && fault.api !== api) continue;
      if (isProbe && !fault.probes) continue;
      if (fault.skip > 0) {
        fault.skip -= 1;
        return null;
      }
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
      // A request that draws no fault goes on to the faults queued after this one.
      if (fault.draw && fault.draw() >= (fault.probability ?? 1)) continue;
      return record(fault);
    }
    return null;
  }
}
