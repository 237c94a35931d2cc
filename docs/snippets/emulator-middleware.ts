import { createEmulator } from "@twentythree-upload/emulator";
import { defineConfig } from "vite";

// The emulator inside the Vite dev server: /api/..., /__emulator/... and /api/crossdomain.xml are
// answered on the app's own origin (no CORS involved); every other path goes on to Vite.
const emulator = await createEmulator({ quiet: true });

export default defineConfig({
  plugins: [
    {
      name: "twentythree-emulator",
      configureServer(server) {
        server.middlewares.use(emulator.handler);
        server.httpServer?.once("close", () => void emulator.close());
      },
    },
  ],
});
