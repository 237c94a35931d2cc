import { AnchorMdx, CodeOrSourceMdx, HeadersMdx, Markdown } from "@storybook/addon-docs/blocks";
import type { MouseEvent, ReactNode } from "react";
import { allDocsTitle, docsIdOf, guidePages } from "./guidePages.js";
import {
  docsPageHref,
  githubSlug,
  imageUrlOf,
  markdownOf,
  resolveDocsLink,
} from "./docsLibrary.js";

interface LinkProps {
  href?: string;
  title?: string;
  children?: ReactNode;
  /** The page the link is on (relative to docs/). */
  from: string;
  /** Set on "All docs pages": docs links switch the page shown there. */
  onNavigate: ((file: string) => void) | undefined;
}

const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;

/**
 * Links between docs pages open their Storybook page; other relative links (source files,
 * the generated API reference) name the file in the repository; the rest behave as usual.
 */
function GuideLink({ href = "", title, children, from, onNavigate }: LinkProps) {
  if (href === "" || href.startsWith("#") || /^[a-z][a-z\d+.-]*:/i.test(href)) {
    const isExternal = /^https?:/i.test(href);
    return (
      <AnchorMdx href={href} target={isExternal ? "_blank" : "_self"}>
        {children}
      </AnchorMdx>
    );
  }
  const target = resolveDocsLink(from, href);
  const file = target.file;
  if (file === null || markdownOf(file) === undefined) {
    return <span title={`${target.repositoryPath} in the repository`}>{children}</span>;
  }
  const page = guidePages.find((candidate) => candidate.file === file);
  const url = page
    ? docsPageHref(docsIdOf(page.title), {}, target.hash)
    : docsPageHref(docsIdOf(allDocsTitle), { doc: file });
  if (onNavigate) {
    const open = (event: MouseEvent) => {
      if (isPlainClick(event)) {
        event.preventDefault();
        onNavigate(file);
      }
    };
    return (
      <a href={url} title={title} onClick={open}>
        {children}
      </a>
    );
  }
  return (
    <AnchorMdx href={url} target="_self">
      {children}
    </AnchorMdx>
  );
}

function GuideImage({ src = "", alt = "", from }: { src?: string; alt?: string; from: string }) {
  const target = resolveDocsLink(from, src);
  const url = target.file === null ? undefined : imageUrlOf(target.file);
  return url === undefined ? <span>{`[${alt}]`}</span> : <img src={url} alt={alt} />;
}

/**
 * Renders a docs/ page (`file` relative to docs/) with Storybook's Markdown block: code samples
 * highlighted, headings anchored the way GitHub anchors them, links rewired to Storybook pages.
 */
export function Guide({ file, onNavigate }: { file: string; onNavigate?: (file: string) => void }) {
  const markdown = markdownOf(file);
  if (markdown === undefined) {
    return <p>{`docs/${file} does not exist in this checkout.`}</p>;
  }
  return (
    <Markdown
      options={{
        slugify: (text) => githubSlug(text),
        overrides: {
          code: CodeOrSourceMdx,
          ...HeadersMdx,
          a: { component: GuideLink, props: { from: file, onNavigate } },
          img: { component: GuideImage, props: { from: file } },
        },
      }}
    >
      {markdown}
    </Markdown>
  );
}
