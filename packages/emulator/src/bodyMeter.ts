import type { IncomingMessage } from "node:http";
import { Transform, type TransformCallback } from "node:stream";
import type { FaultRecord } from "./controlTypes.js";

/** The client went away (or a reset fault cut it off) before the body was complete. */
export class ClientAbortError extends Error {
  constructor() {
    super("The client closed the connection before the request body was complete.");
  }
}

type BodyFaults = Pick<FaultRecord, "bytesPerSecond" | "resetAfterBytes" | "stallAfterBytes">;

const TICK_MS = 50;

/**
 * The request body as endpoints read it: counts bytes for the log and applies the body faults
 * (throughput cap, reset after N bytes, stall after N bytes). Back-pressure reaches the socket, so
 * a capped or stalled read really slows or stops the sender. Errors with {@link ClientAbortError}
 * when the connection goes away mid-body.
 */
export class BodyMeter extends Transform {
  private received = 0;
  private readonly startedAt = Date.now();
  private timer: NodeJS.Timeout | null = null;
  /** Set when the stall fault has stopped reading. */
  stalled = false;

  constructor(
    private readonly req: IncomingMessage,
    private readonly faults: BodyFaults,
    private readonly onBytes: (total: number) => void,
  ) {
    super();
    // Consumers attach their own listeners; this one only keeps an abort from crashing the process.
    this.on("error", () => {});
    req.on("error", () => this.destroy(new ClientAbortError()));
    req.on("close", () => {
      if (!req.complete) this.destroy(new ClientAbortError());
    });
    req.pipe(this);
  }

  private get limit(): number | undefined {
    return this.faults.resetAfterBytes ?? this.faults.stallAfterBytes;
  }

  private trip(): void {
    if (this.faults.resetAfterBytes !== undefined) {
      this.req.socket.destroy();
      this.destroy(new ClientAbortError());
    } else {
      // Stop reading: never call back again, so back-pressure stops the socket.
      this.stalled = true;
    }
  }

  private count(piece: Buffer): void {
    if (piece.length === 0) return;
    this.received += piece.length;
    this.onBytes(this.received);
    this.push(piece);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.consume(chunk, 0, callback);
  }

  private consume(chunk: Buffer, offset: number, callback: TransformCallback): void {
    if (this.destroyed) return;
    const rate = this.faults.bytesPerSecond;
    const pieceSize =
      rate === undefined ? chunk.length : Math.max(1, Math.floor(rate / (1000 / TICK_MS)));
    let piece = chunk.subarray(offset, offset + pieceSize);
    const limit = this.limit;
    if (limit !== undefined && this.received + piece.length >= limit) {
      piece = piece.subarray(0, limit - this.received);
      this.count(piece);
      this.trip();
      return;
    }
    this.count(piece);
    const next = offset + piece.length;
    const wait =
      rate === undefined ? 0 : (this.received / rate) * 1000 - (Date.now() - this.startedAt);
    const proceed = () => (next < chunk.length ? this.consume(chunk, next, callback) : callback());
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        proceed();
      }, wait);
    } else proceed();
  }

  override _flush(callback: TransformCallback): void {
    // A body shorter than the reset/stall threshold trips at its end, before any answer.
    if (this.limit !== undefined) {
      this.trip();
      return;
    }
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.req.unpipe(this);
    callback(error);
  }

  /** Bytes read so far. */
  get bytes(): number {
    return this.received;
  }

  /**
   * Cut before a reader attached (a reset fault at 0 bytes trips on the first chunk, possibly
   * while the endpoint is still awaiting something else): its `error` event has been emitted
   * already, so a reader that starts now must check this or wait forever.
   */
  get cut(): boolean {
    return this.destroyed && !this.readableEnded;
  }
}

/** Reads and discards the rest of a body; resolves when it ended, rejects if it was cut. */
export function drain(body: BodyMeter): Promise<void> {
  return new Promise((resolve, reject) => {
    if (body.readableEnded) return resolve();
    if (body.cut) return reject(new ClientAbortError());
    body.on("end", resolve);
    body.on("error", reject);
    body.resume();
  });
}

/** Reads a small body into a string; rejects beyond `maxBytes` (after draining the rest). */
export function readText(body: BodyMeter, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (body.cut) return reject(new ClientAbortError());
    const chunks: Buffer[] = [];
    let size = 0;
    body.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    body.on("error", reject);
    body.on("end", () =>
      size > maxBytes
        ? reject(new BodyTooLargeError(maxBytes))
        : resolve(Buffer.concat(chunks).toString("utf8")),
    );
  });
}

/** A url-encoded or JSON body over the limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The request body is larger than ${maxBytes} bytes.`);
  }
}
