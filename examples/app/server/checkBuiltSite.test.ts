// `start` must not serve a build compiled for another TwentyThree site than the one it issues
// tokens for: every upload would go to the wrong site and fail as a bare network error.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUILT_SITE_FILE, checkBuiltSite } from "./checkBuiltSite.js";
import { ConfigError } from "./config.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A build directory whose site.json holds `content` (none when `content` is null). */
function buildDir(content: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tt-built-site-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, "index.html"), "<!doctype html>");
  if (content !== null) {
    const text = typeof content === "string" ? content : JSON.stringify(content);
    writeFileSync(path.join(dir, BUILT_SITE_FILE), text);
  }
  return dir;
}

function refusal(dir: string, options: { site: string; apiVersion?: "legacy" | "v2" }): string {
  try {
    checkBuiltSite(dir, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error("checkBuiltSite accepted the build");
}

describe("checkBuiltSite", () => {
  it("accepts a build for the same site, written as a domain or as an origin", () => {
    const dir = buildDir({ site: "videos.example.com", apiVersion: "v2" });
    expect(() =>
      checkBuiltSite(dir, { site: "https://videos.example.com/", apiVersion: "v2" }),
    ).not.toThrow();
    const local = buildDir({ site: "http://127.0.0.1:8023", apiVersion: "legacy" });
    // The server's API defaults to legacy, as the bundle's does.
    expect(() => checkBuiltSite(local, { site: "http://127.0.0.1:8023" })).not.toThrow();
  });

  it("does nothing without a build (the server then serves the API only)", () => {
    const missing = path.join(tmpdir(), "tt-built-site-does-not-exist");
    expect(() => checkBuiltSite(missing, { site: "videos.example.com" })).not.toThrow();
  });

  it("refuses a build made for the emulator when the server is set up for a real site, naming both and the variables", () => {
    const dir = buildDir({ site: "http://127.0.0.1:8023", apiVersion: "legacy" });
    const message = refusal(dir, { site: "videos.example.com", apiVersion: "legacy" });
    expect(message).toContain("uploads to http://127.0.0.1:8023");
    expect(message).toContain("configured for videos.example.com");
    expect(message).toContain(
      "TWENTYTHREE_SITE=videos.example.com TWENTYTHREE_API=legacy pnpm --filter @twentythree-upload/example-app build",
    );
  });

  it("refuses a build for another API generation of the same site", () => {
    const dir = buildDir({ site: "videos.example.com", apiVersion: "legacy" });
    const message = refusal(dir, { site: "videos.example.com", apiVersion: "v2" });
    expect(message).toContain("(legacy API)");
    expect(message).toContain("(v2 API)");
    expect(message).toContain("TWENTYTHREE_API");
  });

  it.each([
    ["no site.json (a build from before the check)", null],
    ["a site.json that is not JSON", "{site:"],
    ["a site.json without a site", { apiVersion: "legacy" }],
    ["a site.json with an unknown API", { site: "videos.example.com", apiVersion: "v3" }],
  ])("refuses a build with %s and says how to rebuild", (_case, content) => {
    const message = refusal(buildDir(content), { site: "videos.example.com" });
    expect(message).toContain(`no valid ${BUILT_SITE_FILE}`);
    expect(message).toContain("TWENTYTHREE_SITE=videos.example.com TWENTYTHREE_API=legacy");
  });
});
