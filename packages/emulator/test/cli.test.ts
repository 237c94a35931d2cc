import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parseCli } from "../src/cliOptions.js";

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), "../src/cli.ts");
const children: ChildProcess[] = [];

/** Starts the CLI and resolves with its banner once it listens. */
function start(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", cli, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let banner = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes("Ctrl-C stops it.")) resolve({ child, banner });
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${banner}`)));
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

// Each test starts Node with tsx; on a busy 2-core machine that can take seconds.
describe("twentythree-emulator CLI", { timeout: 30_000 }, () => {
  it("prints its URL and the default credentials, serves, and stops cleanly on Ctrl-C, removing its data", async () => {
    const { child, banner } = await start(["--port", "0", "--quiet"]);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? "";
    const dataDir = /data: (\S+)/.exec(banner)?.[1] ?? "";
    expect(banner).toContain("consumer key: emulator-key");
    expect(banner).toContain("consumer secret: emulator-secret");
    expect(banner).toContain("bearer token (/api/2): emulator-bearer");
    expect(await (await fetch(`${url}/__emulator/health`)).json()).toEqual({ status: "ok" });
    expect(existsSync(dataDir)).toBe(true);
    child.kill("SIGINT");
    expect(await exitOf(child)).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("never prints secrets given through the environment", async () => {
    const { child, banner } = await start(["--port", "0", "--cors", "none"], {
      TT_EMULATOR_CONSUMER_SECRET: "real-secret-value",
      TT_EMULATOR_BEARER_TOKEN: "real-bearer",
    });
    expect(banner).not.toContain("real-secret-value");
    expect(banner).not.toContain("real-bearer");
    expect(banner).toMatch(
      /consumer secret: \(set by --consumer-secret or TT_EMULATOR_CONSUMER_SECRET; not shown\)/,
    );
    expect(banner).toContain("CORS: none");
    child.kill("SIGTERM");
    expect(await exitOf(child)).toBe(0);
  });

  it("keeps the data directory with --keep-data", async () => {
    const { child, banner } = await start(["--port", "0", "--keep-data", "--quiet"]);
    const dataDir = /data: (\S+)/.exec(banner)?.[1] ?? "";
    child.kill("SIGINT");
    await exitOf(child);
    expect(existsSync(path.join(dataDir, "uploads"))).toBe(true);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("exits with 2 and the usage on a bad flag", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", cli, "--cors", "sometimes"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    expect(await exitOf(child)).toBe(2);
    expect(stderr).toContain("--cors must be full or none");
    expect(stderr).toContain("Usage: twentythree-emulator");
  });
});

describe("parseCli", () => {
  it("reads flags, falls back to TT_EMULATOR_* variables, and lets flags win", () => {
    const { options, overridden } = parseCli(
      ["--port", "9000", "--refuse-types", ".exe, text/*", "--consumer-key", "k"],
      {
        TT_EMULATOR_PORT: "1",
        TT_EMULATOR_ACCESS_TOKEN_SECRET: "s",
        TT_EMULATOR_ENCODING_DELAY: "0",
        TT_EMULATOR_KEEP_DATA: "1",
      },
    );
    expect(options).toMatchObject({
      port: 9000,
      refuseTypes: [".exe", "text/*"],
      encodingDelayMs: 0,
      keepData: true,
      credentials: { consumerKey: "k", accessTokenSecret: "s" },
    });
    expect([...overridden].sort()).toEqual(["access-token-secret", "consumer-key"]);
    expect(parseCli([], {}).options.port).toBe(8023);
    expect(() => parseCli(["--port", "x"], {})).toThrow(/--port must be a number/);
    expect(() => parseCli(["--nope"], {})).toThrow();
  });
});
