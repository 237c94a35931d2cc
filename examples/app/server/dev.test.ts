// `pnpm example` (server/dev.ts) reading its environment. Every case here stops before anything
// starts: a wrong port setting, or a port that is taken (held by the test itself).
import { type ChildProcess, spawn } from "node:child_process";
import { type Server, createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// A dev.ts that wrongly starts its servers must not outlive its test.
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill("SIGTERM");
});

/** Runs dev.ts with `env` added; resolves when it exits. */
function runDev(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { TWENTYTHREE_SITE: _site, PORT: _port, HOST: _host, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(appDir, "server/dev.ts")], {
    cwd: appDir,
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

let taken: Server;
let takenPort: number;
let freePort: number;

async function listen(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}
const portOf = (server: Server) => (server.address() as { port: number }).port;

beforeAll(async () => {
  taken = await listen();
  takenPort = portOf(taken);
  const probe = await listen();
  freePort = portOf(probe);
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => new Promise((resolve) => taken?.close(resolve)));

describe("pnpm example's ports", { timeout: 60_000 }, () => {
  it.each([
    ["APP_PORT", "abc"],
    ["APP_PORT", "5173x"],
    ["APP_PORT", "99999"],
    ["APP_PORT", "0"],
    ["EMULATOR_PORT", "80.5"],
  ])("stops with a message naming %s and its value %j", async (name, value) => {
    const { code, output } = await runDev({ [name]: value });
    expect(code).toBe(1);
    expect(output).toContain(`${name} must be a port number from 1 to 65535, not "${value}".`);
    expect(output).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it("ignores PORT and HOST, which are the production server's: it goes on to its own ports", async () => {
    // Stopped by the taken APP_PORT, which it checks after reading every setting.
    const { code, output } = await runDev({
      PORT: "http",
      HOST: "not a host",
      EMULATOR_PORT: String(freePort),
      APP_PORT: String(takenPort),
    });
    expect(code).toBe(1);
    expect(output).toContain(`Port ${takenPort} (example app) is already in use`);
    expect(output).not.toContain("PORT must");
  });
});
