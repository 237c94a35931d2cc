// `pnpm example`: the example end to end with no TwentyThree account. Starts the emulator on
// 127.0.0.1:8023 and the Vite dev server on 127.0.0.1:5173, which also serves the token endpoint
// (see vite.config.ts). With TWENTYTHREE_SITE set to a real site, no emulator is started and the
// endpoint talks to that site with the credentials from the environment.
// Ports are fixed so that the printed URL and the return URL stay the same between runs; a busy
// port stops the script with a message instead of silently moving elsewhere. They come from
// EMULATOR_PORT and APP_PORT only: PORT and HOST are the production server's (`start`), and are
// ignored here (see devServerEnv).
import { createServer as createProbe } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Emulator, createEmulator } from "@twentythree-upload/emulator";
import { createServer as createViteServer } from "vite";
import {
  ConfigError,
  EMULATOR_SITE,
  assertUserCheck,
  devServerEnv,
  readConfig,
  readPort,
} from "./config.js";

const HOST = "127.0.0.1";
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

async function assertFree(port: number, what: string, variable: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const probe = createProbe();
    probe.once("error", () =>
      fail(
        `Port ${port} (${what}) is already in use on ${HOST}. Stop whatever listens there ` +
          `(\`lsof -i :${port}\`), or choose another port with ${variable}=<port>.`,
      ),
    );
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}

/** Runs `read`, stopping with its message if the settings are wrong. */
function settle<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

// Check the settings before starting anything, so a mistake is the only thing printed.
const EMULATOR_PORT = settle(() => readPort(process.env, "EMULATOR_PORT", 8023));
const APP_PORT = settle(() => readPort(process.env, "APP_PORT", 5173));
const useEmulator = !process.env.TWENTYTHREE_SITE;
const appOrigin = `http://${HOST}:${APP_PORT}`;
if (useEmulator) {
  process.env.TWENTYTHREE_SITE =
    EMULATOR_PORT === 8023 ? EMULATOR_SITE : `http://${HOST}:${EMULATOR_PORT}`;
}
process.env.APP_ORIGIN ??= appOrigin;
settle(() => assertUserCheck(readConfig(devServerEnv(process.env, appOrigin)).token));

if (useEmulator) await assertFree(EMULATOR_PORT, "emulator", "EMULATOR_PORT");
await assertFree(APP_PORT, "example app", "APP_PORT");

let emulator: Emulator | null = null;
if (useEmulator) {
  emulator = await createEmulator({ host: HOST, port: EMULATOR_PORT });
  console.log(`TwentyThree emulator: ${emulator.url}`);
} else {
  console.log(
    `TwentyThree site: ${process.env.TWENTYTHREE_SITE} (${process.env.TWENTYTHREE_API ?? "legacy"} API)`,
  );
}

const vite = await createViteServer({
  configFile: path.join(appDir, "vite.config.ts"),
  server: { host: HOST, port: APP_PORT, strictPort: true },
});
await vite.listen();
console.log(
  `\nExample app: ${appOrigin}/   (token endpoint ${appOrigin}/api/upload-token; Ctrl-C stops)\n`,
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await vite.close();
  await emulator?.close();
  process.exit(0);
}
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
