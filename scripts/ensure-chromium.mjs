#!/usr/bin/env node
// Makes sure a Chromium exists for the browser tests. Order: $CHROMIUM_PATH, /usr/bin/chromium,
// then Playwright's own install. On Debian/Ubuntu as root it installs Debian's `chromium` with apt;
// elsewhere it prints the exact command to run and exits non-zero.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";

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
try {
  const require = createRequire(import.meta.url);
  const { chromium } = require("playwright-core");
  const path = chromium.executablePath();
  if (path && existsSync(path)) {
    console.log(`chromium: using Playwright's ${path}`);
    process.exit(0);
  }
} catch {
  // playwright-core not installed yet or no browser: fall through.
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

const hint = isDebianLike
  ? "sudo apt-get install -y chromium"
  : process.platform === "darwin"
    ? "npx playwright install chromium   (or set CHROMIUM_PATH to your Chrome/Chromium binary)"
    : "npx playwright install chromium   (or install Chromium and set CHROMIUM_PATH to it)";
console.error(`chromium: no browser found for the browser tests. Run:\n\n  ${hint}\n`);
process.exit(1);
