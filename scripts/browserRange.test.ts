// docs/installation.md promises a browser range; `pnpm lint` is what keeps the packages in it.
// Code is linted as if it were a package's source file (the text replaces the file's in memory;
// nothing is written), with the repository's own ESLint config.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { supportedBrowsers } from "./eslint/browserRange.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const eslint = new ESLint({ cwd: root });

/** The rules that fire on each line of `code`, linted as `file`. */
async function rulesByLine(file: string, code: string): Promise<Map<number, string[]>> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  const byLine = new Map<number, string[]>();
  for (const message of result?.messages ?? []) {
    expect(message.fatal, message.message).toBeFalsy();
    byLine.set(message.line, [...(byLine.get(message.line) ?? []), message.ruleId ?? ""]);
  }
  return byLine;
}

// One API per line, each newer than Chrome/Edge 93, Firefox 92 or Safari 15.4.
const tooNew = [
  "export function f(signal: AbortSignal, items: number[], c: AbortController, el: HTMLElement) {",
  "  const a = AbortSignal.timeout(1000);",
  "  const b = AbortSignal.any([signal, a]);",
  "  const { promise } = Promise.withResolvers<void>();",
  "  const d = structuredClone({ x: 1 });",
  "  const e = items.findLast((x) => x > 1);",
  "  const g = [1, 2].findLast((x) => x > 1);",
  "  const h = Object.groupBy(items, String);",
  "  class K { static { void 0; } }",
  "  const r = signal.reason;",
  "  c.abort(new Error('stop'));",
  "  signal.throwIfAborted();",
  "  el.inert = true;",
  "  const u = URL.canParse('https://example.com');",
  "  return [a, b, promise, d, e, g, h, K, r, u];",
  "}",
];

// Type-aware linting starts a TypeScript project per package: seconds, not milliseconds.
describe("the browser range is enforced by lint", { timeout: 60_000 }, () => {
  for (const file of ["packages/core/src/index.ts", "packages/react/src/index.ts"]) {
    it(`flags every API newer than the range in ${file}`, async () => {
      const byLine = await rulesByLine(file, `${tooNew.join("\n")}\n`);
      const unflagged = tooNew
        .map((line, index) => ({ line, rules: byLine.get(index + 1) ?? [] }))
        .slice(1, -2)
        .filter(({ rules }) => rules.length === 0)
        .map(({ line }) => line.trim());
      expect(unflagged).toEqual([]);
    });
  }

  it("accepts what the whole range has", async () => {
    const supported = [
      "export function f(items: number[], signal: AbortSignal, c: AbortController) {",
      "  const last = items.at(-1);",
      "  const own = Object.hasOwn({ a: 1 }, 'a');",
      "  const aborted = AbortSignal.abort();",
      "  c.abort();",
      "  const values = new Map([['a', 1]]).values();",
      "  const mapped = items.map((x) => x * 2).filter(Boolean).some(Boolean);",
      "  class Field { #count = 0; static zero = 0; get count() { return this.#count; } }",
      "  const text = 'a-b'.replaceAll('-', ' ');",
      "  return [last, own, aborted, signal.aborted, values, mapped, Field, text];",
      "}",
    ];
    const byLine = await rulesByLine("packages/core/src/index.ts", `${supported.join("\n")}\n`);
    expect([...byLine.entries()]).toEqual([]);
  });

  it("is the range docs/installation.md states", () => {
    const docs = readFileSync(path.join(root, "docs/installation.md"), "utf8");
    const minimum = (name: string) =>
      supportedBrowsers.find((query) => query.startsWith(`${name} >= `))?.split(" >= ")[1];
    expect(minimum("edge")).toBe(minimum("chrome"));
    expect(minimum("ios_saf")).toBe(minimum("safari"));
    expect(docs).toContain(
      `Chrome and Edge ${minimum("chrome")}, Firefox ${minimum("firefox")}, Safari ${minimum("safari")}`,
    );
  });
});
