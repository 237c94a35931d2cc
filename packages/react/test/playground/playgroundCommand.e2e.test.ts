// README command 1 (`pnpm playground`, i.e. scripts/playground.ts): it serves Storybook and the
// emulator on the ports it is given, wires the stories to that emulator, frees both ports when
// stopped, and refuses clearly when a port is taken.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** A port that was free a moment ago (the playground needs fixed ports, not port 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/** Whether something listens on 127.0.0.1:`port` (a listen attempt fails with EADDRINUSE). */
async function isTaken(port: number): Promise<boolean> {
  const server = createServer();
  server.listen(port, "127.0.0.1");
  const [outcome] = await Promise.race([once(server, "listening"), once(server, "error")]);
  if (outcome instanceof Error) return true;
  await new Promise((resolve) => server.close(resolve));
  return false;
}

interface Run {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/** Runs scripts/playground.ts in one Node process (tsx as an import hook, so signals reach it). */
function runPlayground(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/playground.ts"], {
    cwd: root,
    env: { ...process.env, TT_EMULATOR_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, output: () => output, exited };
}

/** Polls `check` until it resolves truthy (the machine is shared and may be slow). */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, ms = 120_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

let running: Run | null = null;
const blockers: Server[] = [];
afterEach(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill("SIGKILL");
    await running.exited;
  }
  running = null;
  await Promise.all(blockers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("pnpm playground (scripts/playground.ts)", () => {
  it("serves Storybook wired to its emulator, and frees both ports on SIGTERM", async () => {
    const emulatorPort = await freePort();
    const storybookPort = await freePort();
    running = runPlayground({
      EMULATOR_PORT: String(emulatorPort),
      STORYBOOK_PORT: String(storybookPort),
    });
    const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
    const storybookUrl = `http://127.0.0.1:${storybookPort}`;

    const health = await eventually("the emulator", async () => {
      const response = await fetch(`${emulatorUrl}/__emulator/health`);
      return response.ok ? ((await response.json()) as { status: string }) : undefined;
    });
    expect(health.status).toBe("ok");
    const index = await eventually("Storybook's index", async () => {
      const response = await fetch(`${storybookUrl}/index.json`);
      return response.ok
        ? ((await response.json()) as { entries: Record<string, { type: string }> })
        : undefined;
    });
    const ids = Object.keys(index.entries);
    expect(ids).toContain("playground-faults--playground");
    expect(ids).toContain("introduction--docs");
    // The stories are built against this playground's emulator (not a default or a test run's).
    const module = await (await fetch(`${storybookUrl}/.storybook/emulatorUrl.ts`)).text();
    expect(module).toContain(JSON.stringify(emulatorUrl));
    // The iframe fallback's return page is served on Storybook's origin.
    expect((await fetch(`${storybookUrl}/upload-callback.html`)).status).toBe(200);

    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    expect(await isTaken(emulatorPort)).toBe(false);
    expect(await isTaken(storybookPort)).toBe(false);
  }, 180_000);

  it.each(["EMULATOR_PORT", "STORYBOOK_PORT"] as const)(
    "exits 1 with a clear message when %s is taken, leaving nothing running",
    async (taken) => {
      const ports = { EMULATOR_PORT: await freePort(), STORYBOOK_PORT: await freePort() };
      const blocker = createServer();
      blockers.push(blocker);
      blocker.listen(ports[taken], "127.0.0.1");
      await once(blocker, "listening");
      running = runPlayground({
        EMULATOR_PORT: String(ports.EMULATOR_PORT),
        STORYBOOK_PORT: String(ports.STORYBOOK_PORT),
      });

      expect(await running.exited).toBe(1);
      const what = taken === "EMULATOR_PORT" ? "emulator" : "storybook";
      expect(running.output()).toContain(
        `Port ${ports[taken]} (${what}) is already in use on 127.0.0.1.`,
      );
      expect(running.output()).toContain(`${taken}=<port>`);
      const other = taken === "EMULATOR_PORT" ? "STORYBOOK_PORT" : "EMULATOR_PORT";
      expect(await isTaken(ports[other])).toBe(false);
    },
    60_000,
  );
});
