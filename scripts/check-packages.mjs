#!/usr/bin/env node
// Builds and packs the published packages, installs the tarballs into a scratch consumer, and
// type-checks that consumer under both `bundler` and `nodenext` resolution. Also runs publint on
// each package, checks the React entry's "use client" directive, and imports core, react and the
// emulator from their built output in plain Node.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const packages = ["core", "react", "emulator"];
const run = (command, args, cwd = root) => {
  console.log(`$ ${command} ${args.join(" ")}${cwd === root ? "" : `   (in ${cwd})`}`);
  execFileSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, CI: "true" } });
};

run("pnpm", ["build"]);

// The React entry is a client boundary for React Server Components (Next.js App Router): the
// directive must survive the build as the first statement of dist/index.js.
const reactEntry = readFileSync(path.join(root, "packages/react/dist/index.js"), "utf8");
if (!/^\s*["']use client["'];/.test(reactEntry)) {
  throw new Error(
    'packages/react/dist/index.js must start with "use client" (React Server Components).',
  );
}

const packDir = path.join(root, ".pack");
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir);
for (const name of packages) {
  const dir = path.join(root, "packages", name);
  run("pnpm", ["exec", "publint", "--strict"], dir);
  run("pnpm", ["pack", "--out", path.join(packDir, `${name}.tgz`)], dir);
}
console.log(`packed: ${readdirSync(packDir).join(", ")}`);

const consumer = mkdtempSync(path.join(tmpdir(), "tt-consumer-"));
try {
  const tarball = (name) => `file:${path.join(packDir, `${name}.tgz`)}`;
  writeFileSync(
    path.join(consumer, "package.json"),
    JSON.stringify(
      {
        name: "scratch-consumer",
        private: true,
        type: "module",
        dependencies: {
          "@twentythree-upload/core": tarball("core"),
          "@twentythree-upload/react": tarball("react"),
          "@twentythree-upload/emulator": tarball("emulator"),
          "@tanstack/react-query": "^5.108.4",
          react: "^19.3.1",
          "react-dom": "^19.3.1",
        },
        devDependencies: {
          "@types/react": "^19.3.0",
          "@types/react-dom": "^19.3.0",
          "@types/node": "^20.19.0",
          typescript: "5.9.3",
        },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    path.join(consumer, "index.ts"),
    [
      'import * as core from "@twentythree-upload/core";',
      'import * as react from "@twentythree-upload/react";',
      'import { createEmulator } from "@twentythree-upload/emulator";',
      'import * as client from "@twentythree-upload/emulator/client";',
      "export const used = [core, react, createEmulator, client] as const;",
      "",
    ].join("\n"),
  );
  const tsconfig = (moduleKind, resolution) => ({
    compilerOptions: {
      target: "ES2022",
      module: moduleKind,
      moduleResolution: resolution,
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ["node"],
      jsx: "react-jsx",
    },
    files: ["index.ts"],
  });
  writeFileSync(
    path.join(consumer, "tsconfig.bundler.json"),
    JSON.stringify(tsconfig("ESNext", "bundler")),
  );
  writeFileSync(
    path.join(consumer, "tsconfig.nodenext.json"),
    JSON.stringify(tsconfig("NodeNext", "NodeNext")),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], consumer);
  run("npx", ["tsc", "-p", "tsconfig.bundler.json"], consumer);
  run("npx", ["tsc", "-p", "tsconfig.nodenext.json"], consumer);
  // Importable in plain Node (no DOM at module scope): core and react for SSR, the emulator as a server.
  writeFileSync(
    path.join(consumer, "smoke.mjs"),
    [
      'const core = await import("@twentythree-upload/core");',
      'const react = await import("@twentythree-upload/react");',
      'const { createEmulator } = await import("@twentythree-upload/emulator");',
      "const emulator = await createEmulator();",
      "await emulator.close();",
      "console.log(`node import ok: core ${Object.keys(core).length} exports, react ${Object.keys(react).length} exports`);",
      "",
    ].join("\n"),
  );
  run("node", ["smoke.mjs"], consumer);
  console.log("check:packages passed");
} finally {
  rmSync(consumer, { recursive: true, force: true });
}
