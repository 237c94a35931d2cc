// Vite config of the example app. In development the token endpoint runs inside the Vite dev
// server as middleware (same origin as the pages, no proxy, one port); in production
// server/main.ts serves both the build and the endpoint.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { type Plugin, defineConfig } from "vite";
import { EMULATOR_SITE, devServerEnv, readConfig, readPort } from "./server/config.js";
import { createTokenHandler } from "./server/createTokenHandler.js";
import { toNodeListener } from "./server/nodeAdapter.js";
import { allowReturnPageRead } from "./server/allowReturnPageRead.js";
import { TOKEN_PATH } from "./server/startAppServer.js";
import { BUILT_SITE_FILE, type BuiltSite } from "./server/checkBuiltSite.js";

const HOST = "127.0.0.1";
const APP_PORT = readPort(process.env, "APP_PORT", 5173);

/**
 * Mounts POST /api/upload-token on the dev server, configured from the environment, and lets
 * uploads read the return URL's page (see server/allowReturnPageRead.ts).
 */
function tokenEndpoint(): Plugin {
  return {
    name: "twentythree-example-token-endpoint",
    apply: "serve",
    configureServer(server) {
      const origin = `http://${HOST}:${server.config.server.port ?? APP_PORT}`;
      const config = readConfig(devServerEnv(process.env, origin));
      const listener = toNodeListener(createTokenHandler(config.token));
      const returnPath = config.token.returnUrl ? new URL(config.token.returnUrl).pathname : null;
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split("?")[0];
        if (path === TOKEN_PATH) return listener(request, response);
        if (path === returnPath && allowReturnPageRead(request, response)) return;
        next();
      });
    },
  };
}

/**
 * Writes dist/site.json: the site and API compiled into this build (read from the final `define`,
 * so a build with overridden defines records those). `start` refuses a build made for another
 * site than its own (server/checkBuiltSite.ts).
 */
function builtSite(): Plugin {
  let settings: BuiltSite = { site: EMULATOR_SITE, apiVersion: "legacy" };
  return {
    name: "twentythree-example-built-site",
    apply: "build",
    configResolved(config) {
      const compiled = (name: string): unknown => {
        const raw = config.define?.[name];
        return typeof raw === "string" ? JSON.parse(raw) : undefined;
      };
      const site = compiled("__TWENTYTHREE_SITE__");
      settings = {
        site: typeof site === "string" ? site : EMULATOR_SITE,
        // siteSettings.ts treats anything but "v2" as the legacy API.
        apiVersion: compiled("__TWENTYTHREE_API__") === "v2" ? "v2" : "legacy",
      };
    },
    generateBundle() {
      this.emitFile({
        type: "asset",
        fileName: BUILT_SITE_FILE,
        source: `${JSON.stringify(settings, null, 2)}\n`,
      });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react(), tokenEndpoint(), builtSite()],
  // Only these two reach the browser bundle. Never widen `envPrefix` to TWENTYTHREE_: the
  // credentials live in TWENTYTHREE_* variables too.
  define: {
    __TWENTYTHREE_SITE__: JSON.stringify(process.env.TWENTYTHREE_SITE ?? EMULATOR_SITE),
    __TWENTYTHREE_API__: JSON.stringify(process.env.TWENTYTHREE_API ?? "legacy"),
  },
  // No CORS on the dev server: the token endpoint is for this origin only.
  server: { host: HOST, port: APP_PORT, strictPort: true, cors: false },
  preview: { host: HOST, port: APP_PORT, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true },
});
