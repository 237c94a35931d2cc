import { useState, type MouseEvent } from "react";
import { allDocsTitle, docsIdOf } from "./guidePages.js";
import { docsFiles, docsPageHref } from "./docsLibrary.js";
import { Guide } from "./Guide.js";
import "./docs.css";

/** The page named by `?doc=` on the manager's (or the preview's) URL. */
function requestedPage(): string | null {
  const searches = [window.location.search];
  try {
    searches.push(window.parent.location.search);
  } catch {
    // A cross-origin parent: only the preview's own query counts.
  }
  for (const search of searches) {
    const doc = new URLSearchParams(search).get("doc");
    if (doc !== null && docsFiles.includes(doc)) return doc;
  }
  return null;
}

/**
 * Every page under docs/, including those without a sidebar entry of their own: a list of pages,
 * and the chosen one rendered below it. Links between pages switch the page shown.
 */
export function AllDocs() {
  const [file, setFile] = useState(() => requestedPage() ?? "README.md");
  const open = (target: string) => (event: MouseEvent) => {
    event.preventDefault();
    setFile(target);
  };
  return (
    <div data-all-docs="">
      <nav aria-label="Pages under docs/">
        <ul>
          {docsFiles.map((candidate) => (
            <li key={candidate}>
              <a
                href={docsPageHref(docsIdOf(allDocsTitle), { doc: candidate })}
                aria-current={candidate === file ? "page" : undefined}
                onClick={open(candidate)}
              >
                {candidate}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <article aria-label={`docs/${file}`}>
        <Guide key={file} file={file} onNavigate={setFile} />
      </article>
    </div>
  );
}
