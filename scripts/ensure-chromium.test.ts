// README command 2 starts with scripts/ensure-chromium.mjs. Where apt-as-root is not an option
// (macOS, Linux as a normal user) it must fall back to Playwright's installer rather than stop.
// Nothing is downloaded here: ENSURE_CHROMIUM_DRY_RUN runs that branch with the installer's own
// --dry-run, which says what it would install and where.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type System, ensureChromium } from "./ensure-chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const script = path.join(root, "scripts/ensure-chromium.mjs");

function run(cwd: string, scriptPath: string, env: Record<string, string>) {
  const { CHROMIUM_PATH: _path, ENSURE_CHROMIUM_DRY_RUN: _dry, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [scriptPath], {
    cwd,
    env: { ...inherited, ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("ensure-chromium.mjs", () => {
  it("falls back to the installer of the root `playwright`, which installs where playwright-core looks", () => {
    const { status, output } = run(root, script, { ENSURE_CHROMIUM_DRY_RUN: "1" });
    expect(status).toBe(0);
    const { devDependencies } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
    const version = String(devDependencies.playwright);
    expect(output).toContain(`would run Playwright ${version}'s installer: node `);
    expect(output).toMatch(/playwright\/cli\.js install chromium/);
    // The installer's plan names where it puts Chromium: the tests' default browser location.
    const location = /\(playwright chromium v\d+\)\s+Install location:\s+(\S+)/.exec(output)?.[1];
    expect(location).toBeDefined();
    expect(chromium.executablePath().startsWith(`${location}${path.sep}`)).toBe(true);
  });

  it("says what to run when the installer itself is missing, and exits non-zero", () => {
    // A copy of the script outside the repository cannot resolve `playwright`.
    const dir = mkdtempSync(path.join(tmpdir(), "tt-ensure-chromium-"));
    try {
      copyFileSync(script, path.join(dir, "ensure-chromium.mjs"));
      const { status, output } = run(dir, path.join(dir, "ensure-chromium.mjs"), {
        ENSURE_CHROMIUM_DRY_RUN: "1",
      });
      expect(status).toBe(1);
      expect(output).toContain("Playwright's installer is missing");
      expect(output).toContain("npx -y pnpm@12.4.2 exec playwright install chromium");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a CHROMIUM_PATH that does not exist", () => {
    const { status, output } = run(root, script, { CHROMIUM_PATH: "/nonexistent/chromium" });
    expect(status).toBe(1);
    expect(output).toContain("CHROMIUM_PATH is set to /nonexistent/chromium, but no file exists");
  });
});

/**
 * A Debian machine run as root with no browser, where commands only get recorded: `fails` names
 * the commands (program and first argument) that fail, and `installs` says where each successful
 * install puts its browser. Nothing is installed for real.
 */
function debianAsRoot({ fails = [] as string[], installs = {} as Record<string, string> }): {
  system: System;
  ran: string[];
  output: string[];
} {
  const files = new Set(["/etc/os-release"]);
  const ran: string[] = [];
  const output: string[] = [];
  let playwrightBrowser: string | null = null;
  const system: System = {
    env: {},
    platform: "linux",
    isRoot: true,
    cwd: "/repo",
    node: "/usr/bin/node",
    exists: (file) => files.has(file),
    readFile: () => 'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\n',
    run: (command, args) => {
      const name = `${path.basename(command)} ${args[0] === "/repo/node_modules/playwright/cli.js" ? "playwright" : args[0]}`;
      ran.push(name);
      if (fails.includes(name)) throw Object.assign(new Error(`${name} failed`), { status: 100 });
      const installed = installs[name];
      if (installed === "/usr/bin/chromium") files.add(installed);
      else if (installed) playwrightBrowser = installed;
    },
    playwrightChromium: () => playwrightBrowser,
    playwrightInstaller: () => ({ cli: "/repo/node_modules/playwright/cli.js", version: "1.65.1" }),
    log: (line) => output.push(line),
    error: (line) => output.push(line),
  };
  return { system, ran, output };
}

const PLAYWRIGHT_CHROMIUM = "/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome";

describe("ensureChromium on Debian as root", () => {
  it("installs Debian's chromium with apt-get when it works, and nothing else", () => {
    const { system, ran, output } = debianAsRoot({
      installs: { "apt-get install": "/usr/bin/chromium" },
    });
    expect(ensureChromium(system)).toBe(0);
    expect(ran).toEqual(["apt-get update", "apt-get install"]);
    expect(output).toContain("chromium: installed /usr/bin/chromium");
  });

  it.each(["apt-get update", "apt-get install"])(
    "falls back to Playwright's installer, saying why, when `%s` fails",
    (failing) => {
      const { system, ran, output } = debianAsRoot({
        fails: [failing],
        installs: { "node playwright": PLAYWRIGHT_CHROMIUM },
      });
      expect(ensureChromium(system)).toBe(0);
      expect(ran.at(-1)).toBe("node playwright");
      expect(output.join("\n")).toContain(
        "chromium: apt-get failed (exit 100); trying Playwright's installer instead.",
      );
      expect(output).toContain(`chromium: installed ${PLAYWRIGHT_CHROMIUM}`);
    },
  );

  it("falls back to Playwright's installer when apt-get succeeds without a /usr/bin/chromium", () => {
    const { system, ran, output } = debianAsRoot({
      installs: { "node playwright": PLAYWRIGHT_CHROMIUM },
    });
    expect(ensureChromium(system)).toBe(0);
    expect(ran).toEqual(["apt-get update", "apt-get install", "node playwright"]);
    expect(output.join("\n")).toContain("/usr/bin/chromium is missing; trying Playwright's");
  });

  it("exits 1 saying what to run when apt-get and Playwright's installer both fail", () => {
    const { system, output } = debianAsRoot({ fails: ["apt-get install", "node playwright"] });
    expect(ensureChromium(system)).toBe(1);
    const text = output.join("\n");
    expect(text).toContain("Playwright's installer failed (exit 100).");
    expect(text).toContain("npx -y pnpm@12.4.2 exec playwright install chromium");
  });
});
