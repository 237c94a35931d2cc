// vite.config.ts: your token endpoint inside the Vite dev server, at POST /api/upload-token.
// The server/ imports are files you copied from examples/app/server/ (adjust the paths).
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { allowReturnPageRead } from "../../examples/app/server/allowReturnPageRead.js";
import { readConfig } from "../../examples/app/server/config.js";
import { createTokenHandler } from "../../examples/app/server/createTokenHandler.js";
import { toNodeListener } from "../../examples/app/server/nodeAdapter.js";

const appOrigin = "http://127.0.0.1:5173";

function uploadTokenEndpoint(): Plugin {
  return {
    name: "upload-token-endpoint",
    apply: "serve",
    configureServer(server) {
      // TWENTYTHREE_SITE (default: the emulator on 127.0.0.1:8023) and its credentials (the
      // emulator's own, for a local site only) come from the environment. RETURN_URL defaults
      // to <APP_ORIGIN>/upload/callback.
      const config = readConfig({ ...process.env, APP_ORIGIN: appOrigin });
      // "anyone": every request that passes the CSRF checks gets a token. Acceptable here only
      // because this dev server listens on 127.0.0.1; in production, pass your session check
      // (see the token-endpoint guide). A real site refuses to start without a choice.
      const handleUploadToken = toNodeListener(
        createTokenHandler({ ...config.token, authorize: "anyone" }),
      );
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split("?")[0];
        if (path === "/api/upload-token") return handleUploadToken(request, response);
        // Uploads read TwentyThree's redirect to the callback page across origins.
        if (path === "/upload/callback" && allowReturnPageRead(request, response)) return;
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), uploadTokenEndpoint()],
  // The token endpoint is for this origin only: no CORS on the dev server.
  server: { host: "127.0.0.1", port: 5173, strictPort: true, cors: false },
});
