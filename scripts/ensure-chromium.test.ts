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
