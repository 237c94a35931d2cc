// Builds one weight entry (bench/entries/<name>.ts) the way an app's bundler would ship it:
// Vite in app mode, production, minified, with the app's own framework packages external, then
// measures min+gzip (zlib level 9) of the emitted JS and CSS.
import { readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build, type Rollup } from "vite";
import { benchRoot } from "./paths.js";

/**
 * Packages an app already has: React itself, and for ours @tanstack/react-query (a peer
 * dependency of @twentythree-upload/react that the app installs anyway).
 */
export const externalPackages = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\/react-query($|\/)/,
];

/** One entry's shipped bytes. */
export interface EntryWeight {
  readonly entry: string;
  readonly jsMinBytes: number;
  readonly jsGzipBytes: number;
  readonly cssMinBytes: number;
  readonly cssGzipBytes: number;
}

/** An entry could not be built (missing export, unresolved import…). */
export class EntryBuildError extends Error {
  override readonly name = "EntryBuildError";
}

function gzipLength(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Builds `bench/entries/<entry>.ts` and weighs it. */
export async function weighEntry(entry: string): Promise<EntryWeight> {
  const file = path.join(benchRoot, "entries", `${entry}.ts`);
  const outDir = path.join(os.tmpdir(), `tt-bench-weight-${process.pid}-${entry}`);
  const problems: string[] = [];
  try {
    // App mode, not lib mode: lib mode keeps whitespace in ES output, an app build does not.
    await build({
      configFile: false,
      logLevel: "silent",
      mode: "production",
      root: benchRoot,
      plugins: [react()],
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        cssMinify: true,
        modulePreload: false,
        reportCompressedSize: false,
        rolldownOptions: {
          input: file,
          preserveEntrySignatures: "exports-only",
          external: externalPackages,
          onwarn(warning: Rollup.RollupLog) {
            // A missing export would make the entry look tiny; refuse it instead.
            if (warning.code === "MISSING_EXPORT" || warning.code === "IMPORT_IS_UNDEFINED") {
              problems.push(
                stripVTControlCharacters(warning.message).split("\n")[0] ?? warning.code,
              );
            }
          },
        },
      },
    });
  } catch (error) {
    throw new EntryBuildError(
      `bench/entries/${entry}.ts did not build: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    if (problems.length > 0) {
      throw new EntryBuildError(
        `bench/entries/${entry}.ts imports something that does not exist: ${problems.join("; ")}`,
      );
    }
    let jsMinBytes = 0;
    let jsGzipBytes = 0;
    let cssMinBytes = 0;
    let cssGzipBytes = 0;
    for (const output of await filesUnder(outDir)) {
      const bytes = await readFile(output);
      if (output.endsWith(".js")) {
        jsMinBytes += bytes.length;
        jsGzipBytes += gzipLength(bytes);
      } else if (output.endsWith(".css")) {
        cssMinBytes += bytes.length;
        cssGzipBytes += gzipLength(bytes);
      }
    }
    return { entry, jsMinBytes, jsGzipBytes, cssMinBytes, cssGzipBytes };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
