// A minimal static file server on 127.0.0.1 for a Storybook build: what "serve storybook-static/
// anywhere" means in the tests. GET and HEAD only; nothing outside the root is ever served.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const contentTypes: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

/** A running static server: its origin and how to stop it. */
export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves `root` on a free 127.0.0.1 port; `/` and folder paths serve their index.html. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const relative = decodeURIComponent(url.pathname).replace(/\/$/, "/index.html");
    const file = path.join(base, path.normalize(relative));
    const isInside = file === base || file.startsWith(base + path.sep);
    if ((request.method !== "GET" && request.method !== "HEAD") || !isInside) {
      response.writeHead(request.method === "GET" ? 404 : 405).end();
      return;
    }
    stat(file).then(
      (stats) => {
        if (!stats.isFile()) {
          response.writeHead(404).end();
          return;
        }
        const type = contentTypes[path.extname(file)] ?? "application/octet-stream";
        response.writeHead(200, { "Content-Type": type, "Content-Length": stats.size });
        if (request.method === "HEAD") {
          response.end();
        } else {
          createReadStream(file).pipe(response);
        }
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
