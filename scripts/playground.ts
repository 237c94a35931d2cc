// README command 1: the Storybook playground with the emulator beside it, on fixed ports.
// Fails loudly when a port is taken instead of silently moving elsewhere.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createEmulator } from "@twentythree-upload/emulator";

const EMULATOR_PORT = Number(process.env.EMULATOR_PORT ?? 8023);
const STORYBOOK_PORT = Number(process.env.STORYBOOK_PORT ?? 6006);
const HOST = "127.0.0.1";

async function assertFree(port: number, what: string): Promise<void> {
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

const storybook = spawn(
  "pnpm",
  [
    "exec",
    "storybook",
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

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  storybook.kill("SIGTERM");
  await emulator.close();
  process.exit(code);
}
storybook.once("exit", (code) => void stop(code ?? 1));
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));
