// The emulator the stories talk to. Built in from TT_EMULATOR_URL (set by `pnpm playground` and
// by the test run); a static build can be pointed at another emulator at run time with an
// `?emulator=http://127.0.0.1:8023` query parameter on the Storybook page (the manager's URL,
// `/?path=/story/…&emulator=…`, or the preview's, `iframe.html?id=…&emulator=…`).

// The override seen first on this page: the manager keeps unknown parameters while it navigates,
// but a link that replaces its URL could drop it, and story modules read it when they load.
let remembered: string | null = null;

/** The run-time `?emulator=` override, or `null` when the page has none. */
export function emulatorOverride(): string | null {
  for (const search of locations()) {
    const fromQuery = new URLSearchParams(search).get("emulator");
    if (fromQuery) {
      remembered = fromQuery.replace(/\/+$/, "");
      break;
    }
  }
  return remembered;
}

/** The emulator's base URL: the run-time override, else the one built in. */
export function emulatorUrl(): string {
  return emulatorOverride() ?? import.meta.env.TT_EMULATOR_URL;
}

// The story iframe's own query, then the manager's (same origin) when it is reachable.
function locations(): string[] {
  const searches = [window.location.search];
  try {
    searches.push(window.parent.location.search);
  } catch {
    // A cross-origin parent: only the iframe's own query counts.
  }
  return searches;
}
