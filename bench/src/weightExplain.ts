// `pnpm --filter @twentythree-upload/bench weight:explain [entry…]`: what is in the JS a weight
// entry ships up front. Builds the entry exactly as the weight suite does (plus source maps),
// attributes every minified byte to the source module it came from, and prints each module's
// minified bytes and its marginal min+gzip cost (the gzip size of the chunk minus the gzip size
// of the chunk without that module's bytes), largest first. Lazy chunks are listed by size.
import path from "node:path";
import { gzipSync } from "node:zlib";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import type { Rollup } from "vite";
import { buildEntry, initialChunks } from "./weightBuild.js";

const gzipLength = (text: string) => gzipSync(text, { level: 9 }).length;

function shortName(source: string): string {
  const match = /(?:^|\/)(packages\/.*|node_modules\/(?!.*node_modules\/).*)$/.exec(source);
  return match?.[1] ?? (source === "" ? "(bundler runtime, e.g. Vite's preload helper)" : source);
}

/** The source module of every character of `code`, from its source map. */
function ownersOf(code: string, map: RawSourceMap): string[] {
  const owners = new Array<string>(code.length).fill("");
  const lineStarts = [0];
  for (let index = 0; index < code.length; index += 1) {
    if (code[index] === "\n") {
      lineStarts.push(index + 1);
    }
  }
  const mappings: { line: number; column: number; source: string }[] = [];
  new SourceMapConsumer(map).eachMapping((mapping) => {
    mappings.push({
      line: mapping.generatedLine,
      column: mapping.generatedColumn,
      source: mapping.source ?? "",
    });
  });
  mappings.sort((a, b) => a.line - b.line || a.column - b.column);
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const start = (lineStarts[mapping.line - 1] ?? 0) + mapping.column;
    const lineEnd = (lineStarts[mapping.line] ?? code.length + 1) - 1;
    const end =
      next && next.line === mapping.line ? (lineStarts[next.line - 1] ?? 0) + next.column : lineEnd;
    owners.fill(mapping.source, start, end);
  });
  return owners;
}

function explainChunk(chunk: Rollup.OutputChunk): void {
  const total = gzipLength(chunk.code);
  console.log(`\n${chunk.fileName}: ${chunk.code.length} B min, ${total} B min+gzip`);
  if (!chunk.map) {
    return;
  }
  const owners = ownersOf(chunk.code, chunk.map as unknown as RawSourceMap);
  const sources = [...new Set(owners)];
  const rows = sources.map((source) => {
    let rest = "";
    let own = 0;
    for (let index = 0; index < chunk.code.length; index += 1) {
      if (owners[index] === source) {
        own += 1;
      } else {
        rest += chunk.code[index];
      }
    }
    return { name: shortName(source), min: own, gzip: total - gzipLength(rest) };
  });
  rows.sort((a, b) => b.gzip - a.gzip);
  console.log("   min B  gzip B  module (gzip B: what leaving the module out would save)");
  for (const row of rows) {
    console.log(`${String(row.min).padStart(8)}${String(row.gzip).padStart(8)}  ${row.name}`);
  }
}

const entries = process.argv.slice(2);
for (const entry of entries.length > 0 ? entries : ["ours-upload-form", "ours-upload-queue"]) {
  console.log(`\n== bench/entries/${path.basename(entry, ".ts")}.ts`);
  const outputs = await buildEntry(path.basename(entry, ".ts"), undefined, true);
  const chunks = new Map(
    outputs
      .filter((item): item is Rollup.OutputChunk => item.type === "chunk")
      .map((chunk) => [chunk.fileName, chunk]),
  );
  const initial = initialChunks(chunks);
  for (const chunk of chunks.values()) {
    if (initial.has(chunk.fileName)) {
      explainChunk(chunk);
    }
  }
  console.log("\nLoaded on demand (dynamic import()):");
  for (const chunk of chunks.values()) {
    if (!initial.has(chunk.fileName)) {
      console.log(
        `  ${chunk.fileName}: ${chunk.code.length} B min, ${gzipLength(chunk.code)} B min+gzip`,
      );
    }
  }
}
