// docs/security.md says exactly when the packages write to the console. A new console call in a
// package's source must be described there (by its file name) before this passes again.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Source files of the published browser packages that call `console.<method>`. */
function filesWritingToConsole(): string[] {
  const found: string[] = [];
  for (const pkg of ["core", "react"]) {
    const dir = path.join(root, "packages", pkg, "src");
    for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      if (!/\.tsx?$/.test(entry) || /\.(test|stories)\.tsx?$/.test(entry)) continue;
      const code = readFileSync(path.join(dir, entry), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/^\s*\/\/.*$/gm, "");
      if (/\bconsole\s*\.\s*\w+\s*\(/.test(code)) found.push(path.basename(entry));
    }
  }
  return found.sort();
}

describe("docs/security.md on console output", () => {
  const security = readFileSync(path.join(root, "docs/security.md"), "utf8");

  it("names every package source file that writes to the console", () => {
    const files = filesWritingToConsole();
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !security.includes(`\`${file}\``))).toEqual([]);
  });

  it("does not claim that the library never writes to the console", () => {
    expect(security).not.toMatch(/never\s+writes\s+to\s+the\s+console/);
  });
});
