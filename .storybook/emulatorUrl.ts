// The emulator the stories talk to. Built in from TT_EMULATOR_URL (set by `pnpm playground` and
// by the test run); a static build can be pointed at another emulator at run time with an
// `?emulator=http://127.0.0.1:8023` query parameter on the Storybook page.
export function emulatorUrl(): string {
  for (const search of locations()) {
    const fromQuery = new URLSearchParams(search).get("emulator");
    if (fromQuery) {
      return fromQuery.replace(/\/+$/, "");
    }
  }
  return import.meta.env.TT_EMULATOR_URL;
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
