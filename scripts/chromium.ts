import { existsSync } from "node:fs";

/**
 * The Chromium binary the tests drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`,
 * else `undefined` so that Playwright uses its own install (if the user has one).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return undefined;
}

/**
 * Flags for a headless Chromium on a closed network, run as root. Without the
 * background-networking flags Chromium keeps trying to reach Google's hosts.
 */
export const chromiumArgs: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
];

/** Launch options for playwright-core's `chromium.launch()`. */
export function chromiumLaunchOptions(): {
  executablePath?: string;
  args: string[];
  headless: true;
} {
  const executablePath = chromiumExecutable();
  return { ...(executablePath ? { executablePath } : {}), args: [...chromiumArgs], headless: true };
}
