import { AnchorMdx } from "@storybook/addon-docs/blocks";
import { allDocsTitle, docsIdOf, guidePages } from "./guidePages.js";
import { docsPageHref, markdownOf } from "./docsLibrary.js";

/** The docs pages in the sidebar, by section, linked (only those present in this checkout). */
export function GuideIndex() {
  const sections = new Map<string, { title: string; name: string }[]>();
  for (const page of guidePages) {
    if (markdownOf(page.file) === undefined) continue;
    const [section = "", ...rest] = page.title.split("/");
    sections.set(section, [
      ...(sections.get(section) ?? []),
      { title: page.title, name: rest.join("/") },
    ]);
  }
  return (
    <ul>
      {[...sections].map(([section, pages]) => (
        <li key={section}>
          {`${section}: `}
          {pages.map((page, index) => (
            <span key={page.title}>
              {index === 0 ? "" : ", "}
              <AnchorMdx href={docsPageHref(docsIdOf(page.title))} target="_self">
                {page.name}
              </AnchorMdx>
            </span>
          ))}
        </li>
      ))}
      <li>
        <AnchorMdx href={docsPageHref(docsIdOf(allDocsTitle))} target="_self">
          All docs pages
        </AnchorMdx>
        {", including those without a sidebar entry."}
      </li>
    </ul>
  );
}
