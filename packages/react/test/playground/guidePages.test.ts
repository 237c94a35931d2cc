// The docs pages in the Storybook sidebar: each entry of .storybook/docs/guidePages.ts has its MDX
// page with the same title and file, its Markdown exists, and the links the pages rewrite point
// at the ids Storybook gives those pages.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { toId } from "storybook/internal/csf";
import { describe, expect, it } from "vitest";
import { allDocsTitle, docsIdOf, guidePages } from "../../../../.storybook/docs/guidePages.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const mdxDir = path.join(root, ".storybook/docs");

/** Every MDX page's `<Meta title>` and, for docs pages, its `<Guide file>`. */
function mdxPages(): { name: string; title: string | null; file: string | null }[] {
  return readdirSync(mdxDir)
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => {
      const text = readFileSync(path.join(mdxDir, name), "utf8");
      return {
        name,
        title: /<Meta title="([^"]+)"/.exec(text)?.[1] ?? null,
        file: /<Guide file="([^"]+)"/.exec(text)?.[1] ?? null,
      };
    });
}

describe("the docs pages in Storybook", () => {
  it("has one MDX page per guide page, with the same title and Markdown file", () => {
    const guides = mdxPages().filter((page) => page.file !== null);
    expect(guides.map(({ title, file }) => ({ title, file })).sort(byTitle)).toEqual(
      guidePages.map(({ title, file }) => ({ title, file })).sort(byTitle),
    );
  });

  it("renders Markdown files that exist", () => {
    const missing = guidePages.filter(({ file }) => !existsSync(path.join(root, "docs", file)));
    expect(missing).toEqual([]);
  });

  it("gives every MDX page a title, and titles are unique", () => {
    const titles = mdxPages().map((page) => page.title);
    expect(titles).not.toContain(null);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toContain(allDocsTitle);
    expect(titles).toContain("Introduction");
  });

  it("links to the ids Storybook gives the pages", () => {
    for (const { title } of [...guidePages, { title: allDocsTitle }]) {
      expect(docsIdOf(title)).toBe(toId(title, "docs"));
    }
  });
});

function byTitle(a: { title: string | null }, b: { title: string | null }): number {
  return (a.title ?? "").localeCompare(b.title ?? "");
}
