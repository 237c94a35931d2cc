#!/usr/bin/env node
// Keeps docs/ honest:
// 1. Every TypeScript/JavaScript code block in a Markdown page is a type-checked snippet: it is
//    preceded by `<!-- snippet: snippets/<file> -->` and its content equals that file (or the part
//    of it between `// #region <name>` and `// #endregion` when the marker says `file#name`).
//    The snippet files are type-checked with docs/tsconfig.json.
// 2. Every relative link resolves to a file, and every `#anchor` to a heading in that file.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const docsDir = path.join(root, "docs");
const problems = [];

function markdownFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry === "api") continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full));
    else if (entry.endsWith(".md") || entry.endsWith(".mdx")) out.push(full);
  }
  return out;
}

// GitHub-style heading slugs.
function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_~]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(file) {
  const anchors = new Set();
  const counts = new Map();
  let inFence = false;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^#{1,6}\s+(.*)$/.exec(line);
    if (!match) continue;
    const base = slug(match[1]);
    const seen = counts.get(base) ?? 0;
    anchors.add(seen === 0 ? base : `${base}-${seen}`);
    counts.set(base, seen + 1);
  }
  return anchors;
}

function snippetText(file, region) {
  const text = readFileSync(file, "utf8");
  if (!region) return text;
  const start = text.indexOf(`// #region ${region}\n`);
  const end = text.indexOf("// #endregion", start);
  if (start < 0 || end < 0) return null;
  const body = text.slice(start + `// #region ${region}\n`.length, end);
  // Regions may be indented inside a function: strip the common indentation.
  const lines = body.replace(/\n[ \t]*$/, "\n").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)[0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

const codeLanguages = new Set(["ts", "tsx", "typescript", "js", "jsx", "javascript", "mjs"]);
const normalize = (s) => s.replace(/\s+$/g, "").replace(/\r/g, "");

for (const file of markdownFiles(docsDir)) {
  const rel = path.relative(root, file);
  const lines = readFileSync(file, "utf8").split("\n");
  let pendingSnippet = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const marker = /<!--\s*snippet:\s*(\S+)\s*-->/.exec(line);
    if (marker) {
      pendingSnippet = { spec: marker[1], line: i + 1 };
      continue;
    }
    const fence = /^(\s*)(```|~~~)\s*([\w-]*)/.exec(line);
    if (fence) {
      const lang = fence[3];
      const closer = fence[2];
      const body = [];
      let j = i + 1;
      while (j < lines.length && !lines[j].trim().startsWith(closer)) body.push(lines[j++]);
      if (codeLanguages.has(lang)) {
        if (!pendingSnippet) {
          problems.push(
            `${rel}:${i + 1}: a \`${lang}\` code block without a <!-- snippet: … --> marker`,
          );
        } else {
          const [snippetFile, region] = pendingSnippet.spec.split("#");
          const full = path.resolve(docsDir, snippetFile);
          if (!existsSync(full)) {
            problems.push(
              `${rel}:${pendingSnippet.line}: snippet file ${snippetFile} does not exist`,
            );
          } else {
            const expected = snippetText(full, region);
            if (expected == null)
              problems.push(
                `${rel}:${pendingSnippet.line}: no region "${region}" in ${snippetFile}`,
              );
            else if (normalize(expected) !== normalize(body.join("\n")))
              problems.push(
                `${rel}:${i + 1}: code block differs from ${pendingSnippet.spec} (copy the file's text in)`,
              );
          }
        }
      }
      pendingSnippet = null;
      i = j;
      continue;
    }
    if (line.trim() !== "")
      pendingSnippet = pendingSnippet && line.trim().startsWith("<!--") ? pendingSnippet : null;

    // Relative links: [text](target) outside code.
    for (const match of line.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1];
      if (/^(https?:|mailto:|data:)/.test(target)) continue;
      const [targetPath, anchor] = target.split("#");
      const resolved = targetPath ? path.resolve(path.dirname(file), targetPath) : file;
      if (!existsSync(resolved)) {
        problems.push(
          `${rel}:${i + 1}: broken link ${target} (no ${path.relative(root, resolved)})`,
        );
        continue;
      }
      if (anchor && /\.mdx?$/.test(resolved) && !anchorsOf(resolved).has(anchor))
        problems.push(`${rel}:${i + 1}: broken anchor ${target}`);
    }
  }
}

// README at the root links into docs too.
const readme = path.join(root, "README.md");
if (existsSync(readme)) {
  for (const match of readFileSync(readme, "utf8").matchAll(/\]\(([^)\s#]+)[^)]*\)/g)) {
    const target = match[1];
    if (/^(https?:|mailto:)/.test(target)) continue;
    if (!existsSync(path.resolve(root, target))) problems.push(`README.md: broken link ${target}`);
  }
}

if (problems.length) {
  console.error(`check:docs found ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
execFileSync("pnpm", ["exec", "tsc", "--noEmit", "-p", "docs/tsconfig.json"], {
  cwd: root,
  stdio: "inherit",
});
console.log(`check:docs passed (${markdownFiles(docsDir).length} pages, snippets type-checked)`);
