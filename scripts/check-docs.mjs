#!/usr/bin/env node
// Keeps docs/ honest:
// 1. Every TypeScript/JavaScript code block in a Markdown page is a type-checked snippet: it is
//    preceded by `<!-- snippet: snippets/<file> -->` and its content equals that file (or the part
//    of it between `// #region <name>` and `// #endregion` when the marker says `file#name`).
//    The snippet files are type-checked with docs/tsconfig.json.
// 2. Every relative link resolves to a file, and every `#anchor` to a heading in that file.
//    Generated pages (docs/api) are not checked themselves; links into them are.
// 3. The API reference in docs/api is what TypeDoc generates from the sources now (regenerate
//    with `pnpm docs:api`), and TypeDoc reports no warning (broken {@link}s, unexported types).
// 4. docs/troubleshooting.md explains every error code a user can meet: the codes the packages
//    throw (found in their sources), the example token endpoint's refusal codes, and
//    TwentyThree's documented API codes. A new code cannot be added undocumented.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
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
  return (
    heading
      .trim()
      .toLowerCase()
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      // Like github-slugger: punctuation goes, letters, digits, "-" and "_" stay.
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-")
  );
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

// Error codes: every one must appear in backticks in the troubleshooting page.
function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { recursive: true }).map(String)) {
    if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) out.push(path.join(dir, entry));
  }
  return out;
}
function errorCodes() {
  const codes = new Map(); // code → where it was found
  const add = (code, where) => codes.has(code) || codes.set(code, where);
  for (const file of [
    ...sourceFiles(path.join(root, "packages/core/src")),
    ...sourceFiles(path.join(root, "packages/react/src")),
  ]) {
    const text = readFileSync(file, "utf8");
    const where = path.relative(root, file);
    // new TwentyThreeUploadError("code", …), CallbackError, UploadSettingsError, TokenRequestError,
    // TwentyThreeApiError with a literal code; super("code", …) in the error classes.
    for (const m of text.matchAll(
      /new (?:TwentyThreeUploadError|CallbackError|UploadSettingsError|TokenRequestError|TwentyThreeApiError)\(\s*"([a-z][a-z_]*)"/g,
    ))
      add(m[1], where);
    for (const m of text.matchAll(/super\(\s*"([a-z][a-z_]*)"/g)) add(m[1], where);
    // String unions of error kinds and rejection codes; UploadError's code is upload_<kind>.
    for (const [name, prefix] of [
      ["UploadErrorKind", "upload_"],
      ["FileRejectionCode", ""],
    ]) {
      const union = new RegExp(`export type ${name} =([^;]*);`).exec(text);
      for (const m of union?.[1].matchAll(/"([a-z-]+)"/g) ?? [])
        add(prefix ? `${prefix}${m[1].replace("-", "_")}` : m[1], where);
    }
  }
  // The example token endpoint's refusals: `error: "code"` and invalid(field, message, "code").
  for (const file of sourceFiles(path.join(root, "examples/app/server"))) {
    const text = readFileSync(file, "utf8");
    const where = path.relative(root, file);
    for (const m of text.matchAll(/\berror:\s*"([a-z][a-z_]*)"/g)) add(m[1], where);
    for (const m of text.matchAll(/invalid\([^;]*?,\s*"([a-z]+(?:_[a-z]+)+)",?\s*\)/g))
      add(m[1], where);
  }
  // TwentyThree's documented codes (the API reference, §3.2 and §3.3) and the emulator's own.
  for (const code of [
    "couldnt_create_album",
    "couldnt_create_user",
    "couldnt_update_album",
    "error_processing_upload",
    "invalid_album",
    "invalid_album_token",
    "invalid_input",
    "invalid_photo_token",
    "invalid_signature",
    "no_file",
    "no_such_album",
    "no_such_photo",
    "no_such_tag",
    "no_such_user",
    "permission_denied",
    "token_required",
    "user_already_exists",
    "invalid_type",
    "missing_authentication",
    "no_such_object",
    "too_many_speakers",
    "feature_not_available",
    "creation_error",
    "unknown_method",
  ])
    add(code, "TwentyThree's API");
  return codes;
}
const troubleshooting = path.join(docsDir, "troubleshooting.md");
if (!existsSync(troubleshooting)) {
  problems.push("docs/troubleshooting.md is missing");
} else {
  const page = readFileSync(troubleshooting, "utf8");
  for (const [code, where] of errorCodes()) {
    if (!page.includes(`\`${code}\``))
      problems.push(
        `docs/troubleshooting.md does not explain the error code \`${code}\` (from ${where})`,
      );
  }
}

// The API reference: regenerate into a scratch folder and compare with the committed copy.
const apiDir = path.join(docsDir, "api");
const scratch = mkdtempSync(path.join(tmpdir(), "tt-docs-api-"));
try {
  const typedoc = spawnSync("pnpm", ["exec", "typedoc", "--out", scratch], {
    cwd: root,
    encoding: "utf8",
  });
  if (typedoc.status !== 0) {
    problems.push(
      `TypeDoc failed (warnings count as errors):\n${typedoc.stdout}${typedoc.stderr}`.trimEnd(),
    );
  } else {
    const filesOf = (dir) =>
      existsSync(dir)
        ? readdirSync(dir, { recursive: true })
            .map(String)
            .filter((entry) => statSync(path.join(dir, entry)).isFile())
            .sort()
        : [];
    const fresh = filesOf(scratch);
    const committed = filesOf(apiDir);
    const stale = [
      ...fresh.filter(
        (f) =>
          !committed.includes(f) ||
          readFileSync(path.join(scratch, f), "utf8") !==
            readFileSync(path.join(apiDir, f), "utf8"),
      ),
      ...committed.filter((f) => !fresh.includes(f)),
    ];
    if (stale.length)
      problems.push(
        `docs/api is out of date (${stale.length} file(s), e.g. ${stale[0]}): run \`pnpm docs:api\` and commit docs/api`,
      );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`check:docs found ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
execFileSync("pnpm", ["exec", "tsc", "--noEmit", "-p", "docs/tsconfig.json"], {
  cwd: root,
  stdio: "inherit",
});
console.log(
  `check:docs passed (${markdownFiles(docsDir).length} pages, snippets type-checked, docs/api up to date)`,
);
