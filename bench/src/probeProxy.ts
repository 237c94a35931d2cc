// A forwarding proxy in front of the emulator that records when each request's first bytes
// (its head) reach a server, on the same epoch clock as the page's
// `performance.timeOrigin + performance.now()`. Used for start latency only: it adds a hop, so
// throughput never goes through it.
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the probe saw it arrive. */
export interface ProbeRecord {
  readonly method: string;
  readonly path: string;
  /** Epoch ms, sub-millisecond resolution. */
  readonly arrivedAt: number;
  /** The request's Content-Length, or `null` without one. */
  readonly contentLength: number | null;
}

/** A running probe. */
export interface Probe {
  readonly url: string;
  readonly records: ProbeRecord[];
  /** Requests whose answer has not finished yet, optionally only those `filter` accepts. */
  inFlight(filter?: (record: ProbeRecord) => boolean): number;
  close(): Promise<void>;
}

/** Epoch milliseconds with sub-millisecond resolution, the same clock a page reads. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Starts the probe. `GET /__probe/ping` is answered by the probe itself with its arrival time,
 * so that pages can check how far apart the two clocks are.
 */
export async function startProbe(targetUrl: string): Promise<Probe> {
  const target = new URL(targetUrl);
  const records: ProbeRecord[] = [];
  const active = new Set<ProbeRecord>();
  const server = createServer((incoming, outgoing) => {
    const arrivedAt = epochNow();
    const path = incoming.url ?? "/";
    const length = incoming.headers["content-length"];
    const record = {
      method: incoming.method ?? "GET",
      path,
      arrivedAt,
      contentLength: length === undefined ? null : Number(length),
    };
    records.push(record);
    active.add(record);
    outgoing.once("close", () => active.delete(record));
    if (path.startsWith("/__probe/ping")) {
      outgoing.writeHead(200, {
        "Content-Type": "application/json",
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "no-store",
      });
      outgoing.end(JSON.stringify({ arrivedAt }));
      return;
    }
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forward.on("error", (error) => {
      outgoing.destroy(error);
    });
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    inFlight: (filter) => [...active].filter((record) => !filter || filter(record)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
