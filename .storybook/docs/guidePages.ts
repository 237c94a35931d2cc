// The docs/ pages that have their own page in the Storybook sidebar. Each has a one-line MDX file
// beside this one (<Meta title> plus <Guide file>); to add a page, add both. Every other docs/
// page is still readable through "Start/All docs pages" (allDocs.mdx).

/** A docs/ page shown in Storybook. */
export interface GuidePage {
  /** The Markdown file, relative to docs/. */
  readonly file: string;
  /** Its sidebar title (the same as the MDX file's `<Meta title>`). */
  readonly title: string;
}

export const guidePages: readonly GuidePage[] = [
  { file: "README.md", title: "Start/Documentation" },
  { file: "overview.md", title: "Start/Overview" },
  { file: "installation.md", title: "Start/Installation" },
  { file: "quick-start.md", title: "Start/Quick start" },
  { file: "troubleshooting.md", title: "Start/Troubleshooting" },
  { file: "guides/token-endpoint.md", title: "Guides/Token endpoint and OAuth" },
  { file: "guides/transports-and-cors.md", title: "Guides/Transports and CORS" },
  { file: "guides/chunked-uploads.md", title: "Guides/Chunked uploads" },
  { file: "guides/callback-routing.md", title: "Guides/Callback routing" },
  { file: "guides/styling.md", title: "Guides/Styling and theming" },
  { file: "guides/accessibility.md", title: "Guides/Accessibility" },
  { file: "guides/i18n.md", title: "Guides/Internationalization" },
  { file: "guides/testing-with-emulator.md", title: "Guides/Testing with the emulator" },
  { file: "guides/security-checklist.md", title: "Guides/Security checklist" },
  { file: "react.md", title: "Reference/React" },
  { file: "core.md", title: "Reference/Core" },
  { file: "core/uploader.md", title: "Reference/Core queue engine" },
  { file: "core/transports.md", title: "Reference/Core transports" },
  { file: "core/parsing.md", title: "Reference/Core parsing" },
  { file: "emulator.md", title: "Reference/Emulator" },
  { file: "playground.md", title: "Project/Playground" },
  { file: "benchmarks.md", title: "Project/Benchmarks" },
  { file: "contributing.md", title: "Project/Contributing" },
];

/** The title of the page that renders any docs/ page. */
export const allDocsTitle = "Start/All docs pages";

/** Storybook's id for a docs page with this title (its `sanitize` of each title part). */
export function docsIdOf(title: string): string {
  const sanitized = title
    .toLowerCase()
    .replace(/[ ’–—―′¿'`~!@#$%^&*()_|+\-=?;:'",.<>{}[\]\\/]/gi, "-")
    .replace(/-+/g, "-")
    .replace(/^-+/, "")
    .replace(/-+$/, "");
  return `${sanitized}--docs`;
}
