#!/usr/bin/env node
// Makes sure a Chromium exists for the browser tests. Order: $CHROMIUM_PATH, /usr/bin/chromium,
// then Playwright's own install. If none is found: on Debian/Ubuntu as root it installs Debian's
// `chromium` with apt (what CI does); anywhere else (macOS, Windows, Linux as a normal user), and
// also when apt fails (no network to the mirror, a held package, a locked dpkg), it runs
// Playwright's own installer from the root devDependency `playwright`, which needs no root.
// It exits non-zero only when that fails too, saying what to run.
//
// ENSURE_CHROMIUM_DRY_RUN=1 pretends that no browser is installed and apt is not an option, and
// runs the installer with its --dry-run instead (it prints what it would download, and where),
// since the fallback cannot be tried for real on a machine with a browser or without internet.
//
// The work is `ensureChromium(system)`: everything it reads or runs comes through `system`, so
// that tests can hand it a failing apt without installing anything.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/**
 * What `ensureChromium` may look at and do.
 *
 * @typedef {object} System
 * @property {Readonly<Record<string, string | undefined>>} env
 * @property {string} platform `process.platform`
 * @property {boolean} isRoot
 * @property {string} cwd
 * @property {string} node The node binary that runs Playwright's installer.
 * @property {(file: string) => boolean} exists
 * @property {(file: string) => string} readFile
 * @property {(command: string, args: string[], env?: Record<string, string | undefined>) => void} run
 *   Runs a command with inherited output; throws (with `status`) when it fails.
 * @property {() => string | null} playwrightChromium The Chromium playwright-core launches, if installed.
 * @property {() => { cli: string, version: string } | null} playwrightInstaller The root `playwright` CLI.
 * @property {(line: string) => void} log
 * @property {(line: string) => void} error
 */

/** @type {System} */
export const realSystem = {
  env: process.env,
  platform: process.platform,
  isRoot: typeof process.getuid === "function" && process.getuid() === 0,
  cwd: process.cwd(),
  node: process.execPath,
  exists: existsSync,
  readFile: (file) => readFileSync(file, "utf8"),
  run: (command, args, env) => {
    execFileSync(command, args, { stdio: "inherit", ...(env ? { env } : {}) });
  },
  playwrightChromium: () => {
    try {
      const { chromium } = require("playwright-core");
      const executable = chromium.executablePath();
      return executable && existsSync(executable) ? executable : null;
    } catch {
      // playwright-core not installed yet, or no browser for this platform.
      return null;
    }
  },
  playwrightInstaller: () => {
    try {
      const manifest = require.resolve("playwright/package.json");
      const { version } = JSON.parse(readFileSync(manifest, "utf8"));
      return { cli: path.join(path.dirname(manifest), "cli.js"), version };
    } catch {
      return null;
    }
  },
  log: (line) => console.log(line),
  error: (line) => console.error(line),
};

/** `(exit 100)` for a command that failed with a status, else nothing. */
function exitOf(error) {
  const status = /** @type {{ status?: number | null }} */ (error)?.status;
  return typeof status === "number" ? ` (exit ${status})` : "";
}

/**
 * Installs Debian's chromium with apt-get. Returns the reason it did not work, or null.
 *
 * @param {System} system
 */
function installWithApt(system) {
  system.log("chromium: not found; installing Debian's chromium package with apt-get…");
  const env = { ...system.env, DEBIAN_FRONTEND: "noninteractive" };
  try {
    system.run("apt-get", ["update", "-qq"], env);
    system.run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], env);
  } catch (error) {
    return `apt-get failed${exitOf(error)}`;
  }
  return system.exists("/usr/bin/chromium")
    ? null
    : "apt-get finished, but /usr/bin/chromium is missing";
}

/**
 * Finds or installs a Chromium for the tests. Returns the process's exit code.
 *
 * @param {System} system
 * @returns {number}
 */
export function ensureChromium(system) {
  const dryRun = system.env.ENSURE_CHROMIUM_DRY_RUN === "1";

  if (!dryRun) {
    const fromEnv = system.env.CHROMIUM_PATH;
    if (fromEnv) {
      if (system.exists(fromEnv)) {
        system.log(`chromium: using CHROMIUM_PATH=${fromEnv}`);
        return 0;
      }
      system.error(`chromium: CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.`);
      return 1;
    }
    if (system.exists("/usr/bin/chromium")) {
      system.log("chromium: using /usr/bin/chromium");
      return 0;
    }
    // Playwright's own browsers, if the user installed them (`npx playwright install chromium`).
    const installed = system.playwrightChromium();
    if (installed) {
      system.log(`chromium: using Playwright's ${installed}`);
      return 0;
    }

    const osRelease = system.exists("/etc/os-release") ? system.readFile("/etc/os-release") : "";
    const isDebianLike = /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
    if (isDebianLike && system.isRoot) {
      const problem = installWithApt(system);
      if (problem === null) {
        system.log("chromium: installed /usr/bin/chromium");
        return 0;
      }
      system.error(`chromium: ${problem}; trying Playwright's installer instead.`);
    }
  }

  // Fallback: Playwright's installer, at the version of the playwright-core that launches it.
  /** @param {string} reason */
  const fail = (reason) => {
    const alternatives =
      system.platform === "linux"
        ? "or, on Debian/Ubuntu: sudo apt-get install -y chromium"
        : "or set CHROMIUM_PATH to a Chrome or Chromium binary";
    system.error(
      `chromium: ${reason}\nInstall a browser for the tests, then run the command again:\n\n` +
        `  npx -y pnpm@12.4.2 install && npx -y pnpm@12.4.2 exec playwright install chromium\n\n` +
        `  (${alternatives})\n`,
    );
    return 1;
  };

  const installer = system.playwrightInstaller();
  if (!installer) {
    return fail(
      "no browser found, and Playwright's installer is missing (dependencies not installed?).",
    );
  }
  const args = [installer.cli, "install", "chromium"];
  const shown = `node ${path.relative(system.cwd, installer.cli) || installer.cli} install chromium`;

  if (dryRun) {
    // The installer's own --dry-run prints what it would download and where, and downloads nothing.
    system.log(
      `chromium: dry run: would run Playwright ${installer.version}'s installer: ${shown}`,
    );
    system.run(system.node, [...args, "--dry-run"]);
    return 0;
  }

  system.log(
    `chromium: not found; installing Playwright ${installer.version}'s Chromium (${shown})…`,
  );
  try {
    system.run(system.node, args);
  } catch (error) {
    return fail(`Playwright's installer failed${exitOf(error)}.`);
  }
  const installed = system.playwrightChromium();
  if (!installed)
    return fail("Playwright's installer finished, but its Chromium is not where expected.");
  system.log(`chromium: installed ${installed}`);
  if (system.platform === "linux") {
    // A normal Linux user may lack the system libraries Chromium needs; installing them needs root.
    system.log(
      "chromium: if the browser tests cannot launch it, install its system libraries with:\n" +
        "  npx -y pnpm@12.4.2 exec playwright install-deps chromium   (it asks for sudo)",
    );
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(ensureChromium(realSystem));
}
