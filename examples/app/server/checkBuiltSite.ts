// The browser bundle has the site's address compiled in at `vite build` time, while the server
// reads it again at `start` time (for its tokens and its CSP). If the two differ, every visitor's
// browser posts to one site with tokens from another, the CSP blocks it, and each upload fails as
// a bare network error. vite.config.ts writes what it compiled in to dist/site.json; `start`
// compares it with its own settings before serving anything.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "./config.js";
import { type TokenHandlerOptions, siteOriginOf } from "./tokenHandlerOptions.js";

/** The file in the build directory that records the site and API compiled into the bundle. */
export const BUILT_SITE_FILE = "site.json";

/** What dist/site.json holds: the public settings the browser bundle was built with. */
export interface BuiltSite {
  /** `TWENTYTHREE_SITE` at build time (a domain or an origin). */
  site: string;
  /** `TWENTYTHREE_API` at build time. */
  apiVersion: "legacy" | "v2";
}

/** Reads a build's site.json, or `null` when it is missing or not in the expected shape. */
function readBuiltSite(file: string): BuiltSite | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { site, apiVersion } = parsed as Record<string, unknown>;
  if (typeof site !== "string" || (apiVersion !== "legacy" && apiVersion !== "v2")) return null;
  return { site, apiVersion };
}

// Compares origins, so `videos.example.com` and `https://videos.example.com/` are the same site.
function sameSite(a: string, b: string): boolean {
  try {
    return siteOriginOf(a) === siteOriginOf(b);
  } catch {
    return a.trim() === b.trim();
  }
}

/**
 * Refuses a build in `distDir` that was compiled for another site or API generation than the
 * server's `options`. Does nothing when `distDir` does not exist (the server then serves the API
 * only).
 *
 * @throws ConfigError saying what the build and the server each use and which variables to set.
 */
export function checkBuiltSite(
  distDir: string,
  options: Pick<TokenHandlerOptions, "site" | "apiVersion">,
): void {
  if (!existsSync(distDir)) return;
  const serverApi = options.apiVersion ?? "legacy";
  const rebuild =
    `TWENTYTHREE_SITE=${options.site} TWENTYTHREE_API=${serverApi} ` +
    "pnpm --filter @twentythree-upload/example-app build";
  const built = readBuiltSite(path.join(distDir, BUILT_SITE_FILE));
  if (!built) {
    throw new ConfigError(
      `The build in ${distDir} does not say which TwentyThree site it uploads to ` +
        `(no valid ${BUILT_SITE_FILE}). Rebuild it with the server's settings: ${rebuild}`,
    );
  }
  if (sameSite(built.site, options.site) && built.apiVersion === serverApi) return;
  throw new ConfigError(
    `The build in ${distDir} uploads to ${built.site} (${built.apiVersion} API), but the server ` +
      `is configured for ${options.site} (${serverApi} API), so every upload would fail. ` +
      "Set TWENTYTHREE_SITE and TWENTYTHREE_API to the same values for `build` and `start`: " +
      `rebuild with ${rebuild}, or start with TWENTYTHREE_SITE=${built.site} ` +
      `TWENTYTHREE_API=${built.apiVersion} (and that site's credentials).`,
  );
}
