#!/usr/bin/env node
// Makes sure a Chromium exists for the browser tests. Order: $CHROMIUM_PATH, /usr/bin/chromium,
// then Playwright's own install. If none is found: on Debian/Ubuntu as root it installs Debian's
// `chromium` with apt (what CI does); anywhere else (macOS, Windows, Linux as a normal user) it
// runs Playwright's own installer from the root devDependency `playwright`, which needs no root.
// It exits non-zero only when that fails too, saying what to run.
//
// ENSURE_CHROMIUM_DRY_RUN=1 pretends that no browser is installed and apt is not an option, and
// runs the installer with its --dry-run instead (it prints what it would download, and where),
// since the fallback cannot be tried for real on a machine with a browser or without internet.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const dryRun = process.env.ENSURE_CHROMIUM_DRY_RUN === "1";

/** The Chromium that playwright-core launches when no executablePath is given, if installed. */
function playwrightChromium() {
  try {
    const { chromium } = require("playwright-core");
    const executable = chromium.executablePath();
    return executable && existsSync(executable) ? executable : null;
  } catch {
    // playwright-core not installed yet, or no browser for this platform.
    return null;
  }
}

if (!dryRun) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) {
      console.log(`chromium: using CHROMIUM_PATH=${fromEnv}`);
      process.exit(0);
    }
    console.error(`chromium: CHROMIUM_PATH is set to ${fromEnv}, but no file exists there.`);
    process.exit(1);
  }
  if (existsSync("/usr/bin/chromium")) {
    console.log("chromium: using /usr/bin/chromium");
    process.exit(0);
  }
  // Playwright's own browsers, if the user installed them (`npx playwright install chromium`).
  const installed = playwrightChromium();
  if (installed) {
    console.log(`chromium: using Playwright's ${installed}`);
    process.exit(0);
  }

  const osRelease = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "";
  const isDebianLike = /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

  if (isDebianLike && isRoot) {
    console.log("chromium: not found; installing Debian's chromium package with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
      stdio: "inherit",
      env,
    });
    if (existsSync("/usr/bin/chromium")) {
      console.log("chromium: installed /usr/bin/chromium");
      process.exit(0);
    }
    console.error("chromium: apt-get finished but /usr/bin/chromium is missing.");
    process.exit(1);
  }
}

// Fallback: Playwright's installer, at the version of the playwright-core that launches it.
/** @param {string} reason */
function fail(reason) {
  const alternatives =
    process.platform === "linux"
      ? "or, on Debian/Ubuntu: sudo apt-get install -y chromium"
      : "or set CHROMIUM_PATH to a Chrome or Chromium binary";
  console.error(
    `chromium: ${reason}\nInstall a browser for the tests, then run the command again:\n\n` +
      `  npx -y pnpm@12.4.2 install && npx -y pnpm@12.4.2 exec playwright install chromium\n\n` +
      `  (${alternatives})\n`,
  );
  process.exit(1);
}

let cli;
let version;
try {
  const manifest = require.resolve("playwright/package.json");
  cli = path.join(path.dirname(manifest), "cli.js");
  version = JSON.parse(readFileSync(manifest, "utf8")).version;
} catch {
  fail("no browser found, and Playwright's installer is missing (dependencies not installed?).");
}
const command = [process.execPath, cli, "install", "chromium"];
const shown = `node ${path.relative(process.cwd(), cli) || cli} install chromium`;

if (dryRun) {
  // The installer's own --dry-run prints what it would download and where, and downloads nothing.
  console.log(`chromium: dry run: would run Playwright ${version}'s installer: ${shown}`);
  execFileSync(command[0], [...command.slice(1), "--dry-run"], { stdio: "inherit" });
  process.exit(0);
}

console.log(`chromium: not found; installing Playwright ${version}'s Chromium (${shown})…`);
try {
  execFileSync(command[0], command.slice(1), { stdio: "inherit" });
} catch (error) {
  const status = /** @type {{ status?: number | null }} */ (error).status;
  fail(`Playwright's installer failed${typeof status === "number" ? ` (exit ${status})` : ""}.`);
}
const installed = playwrightChromium();
if (!installed) fail("Playwright's installer finished, but its Chromium is not where expected.");
console.log(`chromium: installed ${installed}`);
if (process.platform === "linux") {
  // A normal Linux user may lack the system libraries Chromium needs; installing them needs root.
  console.log(
    "chromium: if the browser tests cannot launch it, install its system libraries with:\n" +
      "  npx -y pnpm@12.4.2 exec playwright install-deps chromium   (it asks for sudo)",
  );
}
process.exit(0);
