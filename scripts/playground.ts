// README command 1: the Storybook playground with the emulator beside it, on fixed ports.
// Fails loudly when a port is taken instead of silently moving elsewhere, and stops both (and
// frees both ports) on Ctrl-C or SIGTERM.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { createEmulator } from "@twentythree-upload/emulator";

const HOST = "127.0.0.1";

function portFrom(name: string, fallback: number): number {
  const text = process.env[name];
  const port = text === undefined || text === "" ? fallback : Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`\n✖ ${name}=${text} is not a port number (1–65535).\n`);
    process.exit(1);
  }
  return port;
}

const EMULATOR_PORT = portFrom("EMULATOR_PORT", 8023);
const STORYBOOK_PORT = portFrom("STORYBOOK_PORT", 6006);

async function assertFree(port: number, what: "emulator" | "storybook"): Promise<void> {
  await new Promise<void>((resolve) => {
    const probe = createServer();
    probe.once("error", () => {
      console.error(
        `\n✖ Port ${port} (${what}) is already in use on ${HOST}.\n` +
          `  Stop whatever is listening there (\`lsof -i :${port}\`), or choose another port with ` +
          `${what === "emulator" ? "EMULATOR_PORT" : "STORYBOOK_PORT"}=<port>.\n`,
      );
      process.exit(1);
    });
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}

await assertFree(EMULATOR_PORT, "emulator");
await assertFree(STORYBOOK_PORT, "storybook");

const emulator = await createEmulator({ host: HOST, port: EMULATOR_PORT });
console.log(`TwentyThree emulator: ${emulator.url}`);

// Storybook's own CLI, run by this Node directly (no package-manager process in between), so that
// signals reach it and its exit is ours to wait for.
const storybookCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve("storybook/package.json")),
  "dist/bin/dispatcher.js",
);
const storybook = spawn(
  process.execPath,
  [
    storybookCli,
    "dev",
    "--ci",
    "--exact-port",
    "--no-version-updates",
    "--disable-telemetry",
    "--host",
    HOST,
    "--port",
    String(STORYBOOK_PORT),
  ],
  { stdio: "inherit", env: { ...process.env, TT_EMULATOR_URL: emulator.url } },
);
console.log(`Playground: http://${HOST}:${STORYBOOK_PORT}  (Ctrl-C stops both)`);

const storybookExited = new Promise<number>((resolve) =>
  storybook.once("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))),
);

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (storybook.exitCode === null && storybook.signalCode === null) {
    storybook.kill("SIGTERM");
    // Storybook normally stops at once; don't hang on it if it does not.
    const timer = setTimeout(() => storybook.kill("SIGKILL"), 10_000);
    await storybookExited;
    clearTimeout(timer);
  }
  await emulator.close();
  process.exit(code);
}

// Storybook ending on its own (a crash, or a port taken in the meantime) ends the playground.
void storybookExited.then((code) => {
  if (!stopping) {
    console.error(`\n✖ Storybook exited (code ${code}); stopping the emulator.\n`);
    void stop(code === 0 ? 1 : code);
  }
});
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));
