// Builds each bench page (bench/pages/<name>/index.html) with Vite in production mode, one at a
// time so that a page importing a piece of ours that does not exist yet fails alone.
import { existsSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import { benchRoot } from "./paths.js";

/** The outcome of building one page. */
export interface PageBuild {
  readonly name: string;
  /** The error message when the build failed. */
  readonly error: string | null;
}

/** The first informative line of a build error, without colour codes. */
export function summarizeBuildError(error: unknown): string {
  const text = stripVTControlCharacters(error instanceof Error ? error.message : String(error));
  const lines = text.split("\n").map((line) => line.trim());
  return (
    lines.find((line) => /^\[[A-Z_]+\]/.test(line)) ??
    lines.find((line) => line.length > 0) ??
    "build failed"
  );
}

/**
 * Builds the named pages into `outDir/<name>/`, minified like an app's production build unless
 * `minify` is false (the profiler wants readable function names).
 */
export async function buildPages(
  names: readonly string[],
  outDir: string,
  { minify = true }: { minify?: boolean } = {},
): Promise<Map<string, PageBuild>> {
  const builds = new Map<string, PageBuild>();
  for (const name of names) {
    const root = path.join(benchRoot, "pages", name);
    if (!existsSync(path.join(root, "index.html"))) {
      builds.set(name, { name, error: `bench/pages/${name}/index.html does not exist` });
      continue;
    }
    try {
      await build({
        root,
        base: "./",
        configFile: false,
        logLevel: "silent",
        mode: "production",
        plugins: [react()],
        resolve: { dedupe: ["react", "react-dom"] },
        build: {
          outDir: path.join(outDir, name),
          emptyOutDir: true,
          minify,
          reportCompressedSize: false,
          // A failed page must not stop the others, but warnings about missing exports must
          // surface: they mean the page measures nothing.
          chunkSizeWarningLimit: 100_000,
        },
      });
      builds.set(name, { name, error: null });
    } catch (error) {
      builds.set(name, { name, error: summarizeBuildError(error) });
    }
  }
  return builds;
}
