// The reliability suite's harness (Node side, for Playwright-driven tests): builds the page in
// ./page with Vite's `build` API into a temporary directory, serves it on 127.0.0.1 with a strict
// Content-Security-Policy, and records in the page what a test needs afterwards (row states,
// policy violations, console output).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import type { Page } from "playwright-core";
import { build } from "vite";

const pageDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "page");

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** A strict policy: nothing inline, TwentyThree (the emulators) allowed only where uploads need it. */
export function strictPolicy(sites: readonly string[]): string {
  const list = sites.join(" ");
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self' ${list}`,
    `form-action 'self' ${list}`,
    `frame-src 'self' ${list}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

export interface ServedPage {
  /** `http://127.0.0.1:<port>`: the page is `/index.html`, its return_url page `/callback.html`. */
  readonly origin: string;
  /** The policy sent with every page; change it before a test navigates. */
  policy: string;
  close(): Promise<void>;
}

/** Builds the page and serves it (and its return page) with `policy` on a free loopback port. */
export async function servePage(policy: string): Promise<ServedPage> {
  const outDir = await mkdtemp(path.join(tmpdir(), "tt-reliability-page-"));
  await build({
    configFile: false,
    root: pageDir,
    logLevel: "warn",
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: {
        input: {
          index: path.join(pageDir, "index.html"),
          callback: path.join(pageDir, "callback.html"),
        },
      },
    },
  });
  const served: { policy: string } = { policy };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(
      path.join(outDir, url.pathname === "/" ? "index.html" : url.pathname),
    );
    if (!file.startsWith(outDir)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          "Content-Type": types[path.extname(file)] ?? "application/octet-stream",
          "Content-Security-Policy": served.policy,
          "Cache-Control": "no-store",
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    get policy() {
      return served.policy;
    },
    set policy(value: string) {
      served.policy = value;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** What the page recorded (see {@link watchPage}). */
export interface PageRecord {
  /** Every `data-state` each row (by file name) showed, in order. */
  readonly rows: Record<string, string[]>;
  /** `securitypolicyviolation` events, in this page and its frames. */
  readonly violations: string[];
}

/**
 * Records, from before the page's own scripts run: the states every queue row shows, and every
 * Content-Security-Policy violation (in frames too: they report to the top page).
 */
export async function watchPage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Recorder = { rows: Record<string, string[]>; violations: string[] };
    let top: Window & { __record?: Recorder } = window;
    try {
      // Same-origin frames (the iframe fallback's return page) report to the page.
      if (window.top && window.top.location.origin === window.location.origin) top = window.top;
    } catch {
      // A cross-origin parent: record locally.
    }
    const record = (top.__record ??= { rows: {}, violations: [] });
    document.addEventListener("securitypolicyviolation", (event) => {
      record.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
    if (top !== window) return;
    const readRows = () => {
      for (const row of document.querySelectorAll<HTMLElement>('[data-part="item"]')) {
        const name = row.querySelector('[data-part="item-name"]')?.textContent ?? "";
        const states = (record.rows[name] ??= []);
        const state = row.dataset.state ?? "";
        if (states.at(-1) !== state) states.push(state);
      }
    };
    new MutationObserver(readRows).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-state"],
    });
  });
}

/** What {@link watchPage} recorded so far. */
export function pageRecord(page: Page): Promise<PageRecord> {
  return page.evaluate(() => {
    const record = (window as Window & { __record?: PageRecord }).__record;
    return record ?? { rows: {}, violations: [] };
  });
}

/** Random bytes for a file, and their SHA-256. */
export async function fileOf(
  name: string,
  size: number,
): Promise<{ name: string; mimeType: string; buffer: Buffer; sha256: string }> {
  const { createHash, randomBytes } = await import("node:crypto");
  const buffer = randomBytes(size);
  return {
    name,
    mimeType: "video/mp4",
    buffer,
    sha256: createHash("sha256").update(buffer).digest("hex"),
  };
}
