/// <reference types="vite/client" />
// Every Markdown page and image under docs/, bundled as text and asset URLs (the generated API
// reference in docs/api is left out: it is large, and TypeDoc's own site is the place for it).
import { emulatorOverride } from "../emulatorUrl.js";

const markdown = import.meta.glob<string>(
  ["../../docs/**/*.md", "!../../docs/api/**", "!../../docs/node_modules/**"],
  { query: "?raw", import: "default", eager: true },
);
const images = import.meta.glob<string>(
  ["../../docs/**/*.{svg,png,jpg,gif}", "!../../docs/api/**", "!../../docs/node_modules/**"],
  { query: "?url", import: "default", eager: true },
);
const prefix = "../../docs/";

/** Every docs/ page, relative to docs/, sorted. */
export const docsFiles: readonly string[] = Object.keys(markdown)
  .map((key) => key.slice(prefix.length))
  .sort();

/** A docs/ page's Markdown (file relative to docs/), without HTML comments or front matter. */
export function markdownOf(file: string): string | undefined {
  const text = markdown[prefix + file];
  // `<!-- snippet: … -->` markers are for `pnpm check:docs`, not for readers.
  return text?.replace(/^---\n[\s\S]*?\n---\n/, "").replace(/<!--[\s\S]*?-->\n?/g, "");
}

/** The bundled URL of an image under docs/. */
export function imageUrlOf(file: string): string | undefined {
  return images[prefix + file];
}

/** Where a relative link in a docs page points. */
export interface DocsTarget {
  /** Relative to docs/, when the target is inside docs/. */
  readonly file: string | null;
  /** Relative to the repository root. */
  readonly repositoryPath: string;
  readonly hash: string;
}

/** Resolves `href` (relative, as written in docs/`from`) against the repository's layout. */
export function resolveDocsLink(from: string, href: string): DocsTarget {
  const url = new URL(href, `https://repository.invalid/docs/${from}`);
  const path = decodeURIComponent(url.pathname).slice(1);
  return {
    file: path.startsWith("docs/") ? path.slice("docs/".length) : null,
    repositoryPath: path,
    hash: url.hash,
  };
}

/**
 * A manager URL (relative to the preview, for Storybook's anchor handling) that opens a docs
 * page, keeping a run-time `?emulator=` override.
 */
export function docsPageHref(id: string, params: Record<string, string> = {}, hash = ""): string {
  const override = emulatorOverride();
  const query = new URLSearchParams({
    ...params,
    ...(override === null ? {} : { emulator: override }),
  }).toString();
  return `?path=/docs/${id}${query === "" ? "" : `&${query}`}${hash}`;
}

/** GitHub's heading anchors (what the links in docs/ are written against). */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}
