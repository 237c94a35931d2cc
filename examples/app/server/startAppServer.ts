// The example's HTTP server: the token endpoint at /api/upload-token and, when a build directory
// is given, the built app with a single-page fallback (so /upload/callback, where TwentyThree
// redirects after an upload, serves index.html and the router takes over).
import { type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";
import { allowReturnPageRead } from "./allowReturnPageRead.js";
import { toNodeListener } from "./nodeAdapter.js";

/** The path of the token endpoint. The app's token source points here. */
export const TOKEN_PATH = "/api/upload-token";

/** Options of {@link startAppServer}. */
export interface AppServerOptions {
  /** The token endpoint. */
  tokenHandler: (request: Request) => Promise<Response>;
  /** The built app (`vite build` output) to serve. Default: none (API only, as in development). */
  staticDir?: string;
  /** Default `"127.0.0.1"`. */
  host?: string;
  /** `0` picks a free port. Default `5174`. */
  port?: number;
  /** Sent with the app's pages and assets (see contentSecurityPolicy.ts). Default: none. */
  contentSecurityPolicy?: string;
  /**
   * The path of the return URL (`/upload/callback`): its page is made readable across origins,
   * so that XHR uploads can follow TwentyThree's redirect there (see allowReturnPageRead.ts).
   * Default: none.
   */
  returnPath?: string;
}

/** A running server. */
export interface AppServer {
  /** e.g. `http://127.0.0.1:5174` */
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(
    JSON.stringify({ error: "not_found", message: "There is nothing at this address." }),
  );
}

/** Starts the server; rejects when the port is taken (no silent move to another port). */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const host = options.host ?? "127.0.0.1";
  const token = toNodeListener(options.tokenHandler);
  const assets = options.staticDir
    ? sirv(options.staticDir, {
        single: true,
        etag: true,
        setHeaders(response, pathname) {
          // Hashed assets can be cached for ever; index.html must be revalidated.
          if (pathname.startsWith("/assets/")) {
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
          } else {
            response.setHeader("Cache-Control", "no-cache");
          }
        },
      })
    : null;

  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    // The callback page's URL carries upload_token and the video's token: do not leak it in
    // Referer headers to other sites.
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (path === TOKEN_PATH) return token(request, response);
    if (path.startsWith("/api/") || !assets) return notFound(response);
    if (path === options.returnPath && allowReturnPageRead(request, response)) return;
    if (options.contentSecurityPolicy) {
      response.setHeader("Content-Security-Policy", options.contentSecurityPolicy);
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" });
      return response.end();
    }
    assets(request, response, () => notFound(response));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 5174, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
