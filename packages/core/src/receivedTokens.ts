// Anyone can open an app's return_url with made-up parameters. A callback is only worth trusting
// when it names an upload token this browser tab actually received, the way OAuth binds a
// redirect to its `state`. Tokens are credentials, so only fingerprints are kept: enough to
// recognise a token, useless to anyone who reads sessionStorage.

const STORAGE_KEY = "twentythree-upload:received-tokens";
/** Fingerprints kept, most recent last; a tab rarely needs more than one per upload in view. */
const MAX_FINGERPRINTS = 200;

// Kept in memory too, for pages whose sessionStorage throws (sandboxed frames, some private
// modes); lost on navigation, like the page.
const inMemory: string[] = [];

/** cyrb53: a 53-bit string hash (public domain). Not a secret-keeping device, a fingerprint. */
function fingerprint(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2_654_435_761);
    h2 = Math.imul(h2 ^ code, 1_597_334_677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
  return (4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0)).toString(36);
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

function stored(session: Storage): string[] {
  try {
    const value: unknown = JSON.parse(session.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(value)
      ? value.filter((item): item is string => typeof item === "string")
      : [];
  } catch {
    return [];
  }
}

function remember(list: string[], print: string): string[] {
  return [...list.filter((item) => item !== print), print].slice(-MAX_FINGERPRINTS);
}

/**
 * Records that this browser tab received an upload token (the uploader does this for every token
 * it gets through `requestUploadToken`). Call it yourself for tokens that reach the page another
 * way, e.g. one your server rendered into a plain form. Keeps a fingerprint, never the token, in
 * `sessionStorage` (this tab only); does nothing outside browsers.
 */
export function rememberReceivedToken(uploadToken: string): void {
  const print = rememberInMemory(uploadToken);
  if (print !== null) {
    store([print]);
  }
}

/** Records the token's fingerprint for this page; `null` outside browsers or for no token. */
function rememberInMemory(uploadToken: string): string | null {
  if (typeof window === "undefined" || uploadToken === "") {
    return null;
  }
  const print = fingerprint(uploadToken);
  inMemory.splice(0, inMemory.length, ...remember(inMemory, print));
  return print;
}

// Fingerprints that rememberReceivedTokenSoon has yet to store.
let pending: string[] = [];

/**
 * Like {@link rememberReceivedToken}, but the `sessionStorage` write waits for the next task:
 * the uploader calls it on the way from a token to the upload request, which a storage write
 * (a round trip to the browser process) would delay. This page knows the token at once.
 */
export function rememberReceivedTokenSoon(uploadToken: string): void {
  const print = rememberInMemory(uploadToken);
  if (print !== null && pending.push(print) === 1) {
    setTimeout(() => {
      const prints = pending;
      pending = [];
      store(prints);
    }, 0);
  }
}

function store(prints: readonly string[]): void {
  const session = storage();
  try {
    if (session === null) {
      return;
    }
    const list = stored(session);
    // Already the most recent (e.g. a prefetched token handed to the engine): nothing to write.
    if (prints.length === 1 && list.at(-1) === prints[0] && list.length <= MAX_FINGERPRINTS) {
      return;
    }
    session.setItem(STORAGE_KEY, JSON.stringify(prints.reduce(remember, list)));
  } catch {
    // Full or blocked storage: the in-memory copy still serves this page.
  }
}

/**
 * Whether this browser tab received `uploadToken` (see {@link rememberReceivedToken}): `true`,
 * `false`, or `null` when it cannot tell (no browser, or sessionStorage unavailable and the token
 * not seen by this page).
 */
export function wasTokenReceived(uploadToken: string): boolean | null {
  if (typeof window === "undefined") {
    return null;
  }
  const print = fingerprint(uploadToken);
  if (inMemory.includes(print)) {
    return true;
  }
  const session = storage();
  return session === null ? null : stored(session).includes(print);
}

/**
 * Reads the stored fingerprints once, and drops the result. A page's first `sessionStorage`
 * access waits for the browser process to load the tab's storage (a synchronous round trip
 * that took 5–60 ms on the bench's loaded VM); the uploader does it while the page is idle so
 * that the first token on the way to an upload does not.
 */
export function primeReceivedTokens(): void {
  if (typeof window === "undefined") {
    return;
  }
  const session = storage();
  try {
    session?.getItem(STORAGE_KEY);
  } catch {
    // Blocked storage: rememberReceivedToken falls back to memory anyway.
  }
}
