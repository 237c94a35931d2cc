// Builds one weight entry (bench/entries/<name>.ts) the way an app's bundler would ship it:
// Vite in app mode, production, minified, with the app's own framework packages external, then
// measures min+gzip (zlib level 9) of the emitted JS (what loads up front, and lazy chunks
// separately) and CSS.
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
  /** The entry chunk and the chunks it imports statically: loaded with the widget. */
  readonly jsMinBytes: number;
  readonly jsGzipBytes: number;
  /** Chunks loaded only on demand (dynamic `import()`), e.g. an XML parser for rare answers. */
  readonly lazyJsMinBytes: number;
  readonly lazyJsGzipBytes: number;
  readonly cssMinBytes: number;
  readonly cssGzipBytes: number;
}

/** An entry could not be built (missing export, unresolved import…). */
export class EntryBuildError extends Error {
  override readonly name = "EntryBuildError";
}

function gzipLength(text: string | Uint8Array): number {
  return gzipSync(text, { level: 9 }).length;
}

function byteLength(text: string | Uint8Array): number {
  return typeof text === "string" ? Buffer.byteLength(text) : text.length;
}

/**
 * Builds `bench/entries/<entry>.ts` in memory the way {@link weighEntry} measures it and returns
 * the emitted chunks and assets; `sourcemap` adds maps (for bench/src/weightExplain.ts).
 */
export async function buildEntry(
  entry: string,
  external: readonly RegExp[] = externalPackages,
  sourcemap = false,
): Promise<(Rollup.OutputChunk | Rollup.OutputAsset)[]> {
  const file = path.join(benchRoot, "entries", `${entry}.ts`);
  const problems: string[] = [];
  let result: Rollup.RollupOutput | Rollup.RollupOutput[] | Rollup.RollupWatcher;
  try {
    // App mode, not lib mode: lib mode keeps whitespace in ES output, an app build does not.
    result = await build({
      configFile: false,
      logLevel: "silent",
      mode: "production",
      root: benchRoot,
      plugins: [react()],
      build: {
        write: false,
        minify: true,
        cssMinify: true,
        modulePreload: false,
        reportCompressedSize: false,
        sourcemap,
        rolldownOptions: {
          input: file,
          preserveEntrySignatures: "exports-only",
          external: [...external],
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
    const message = stripVTControlCharacters(
      error instanceof Error ? error.message : String(error),
    );
    throw new EntryBuildError(
      `bench/entries/${entry}.ts did not build: ${message.split("\n").slice(0, 3).join(" ")}`,
    );
  }
  if (problems.length > 0) {
    throw new EntryBuildError(
      `bench/entries/${entry}.ts imports something that does not exist: ${problems.join("; ")}`,
    );
  }
  if (!("output" in result) && !Array.isArray(result)) {
    throw new EntryBuildError("Vite returned a watcher instead of a build");
  }
  return (Array.isArray(result) ? result : [result]).flatMap((output) => output.output);
}

/** The file names of the chunks that load with the widget: the entry and its static imports. */
export function initialChunks(chunks: ReadonlyMap<string, Rollup.OutputChunk>): Set<string> {
  const initial = new Set<string>();
  const visit = (name: string) => {
    const chunk = chunks.get(name);
    if (!chunk || initial.has(name)) {
      return;
    }
    initial.add(name);
    chunk.imports.forEach(visit);
  };
  for (const chunk of chunks.values()) {
    if (chunk.isEntry) {
      visit(chunk.fileName);
    }
  }
  return initial;
}

/**
 * Builds `bench/entries/<entry>.ts` in memory and weighs it. `external` defaults to
 * {@link externalPackages}.
 */
export async function weighEntry(
  entry: string,
  external: readonly RegExp[] = externalPackages,
): Promise<EntryWeight> {
  const outputs = await buildEntry(entry, external);
  const chunks = new Map(
    outputs
      .filter((item): item is Rollup.OutputChunk => item.type === "chunk")
      .map((chunk) => [chunk.fileName, chunk]),
  );
  // What loads with the widget: the entry and everything it imports statically.
  const initial = initialChunks(chunks);
  const weight = {
    entry,
    jsMinBytes: 0,
    jsGzipBytes: 0,
    lazyJsMinBytes: 0,
    lazyJsGzipBytes: 0,
    cssMinBytes: 0,
    cssGzipBytes: 0,
  };
  for (const chunk of chunks.values()) {
    if (initial.has(chunk.fileName)) {
      weight.jsMinBytes += byteLength(chunk.code);
      weight.jsGzipBytes += gzipLength(chunk.code);
    } else {
      weight.lazyJsMinBytes += byteLength(chunk.code);
      weight.lazyJsGzipBytes += gzipLength(chunk.code);
    }
  }
  for (const asset of outputs) {
    if (asset.type === "asset" && asset.fileName.endsWith(".css")) {
      weight.cssMinBytes += byteLength(asset.source);
      weight.cssGzipBytes += gzipLength(asset.source);
    }
  }
  return weight;
}
