// Upload tokens are single-use credentials (or good for `max_uploads` files), so the uploader
// must never present one that an earlier attempt may have consumed. The manager hands out
// leases; the uploader reports how each attempt ended with the token, and only a token that
// provably never reached the server ("unused") is handed out again.
import { abortedError } from "./abortedError.js";
import { isPromiseLike } from "./isPromiseLike.js";
import { raceSignal } from "./raceSignal.js";
import type { UploadToken, UploadTokenRequest } from "./types.js";

/** How an attempt ended, as far as its token is concerned. */
export type TokenOutcome =
  /** Failed before a single byte was sent: the token is still good. */
  | "unused"
  /** Stored: one use of the token is gone. */
  | "used"
  /**
   * May have been stored (the answer was lost, or the attempt was canceled with its request
   * under way): counts as a use, and a later attempt looks it up first.
   */
  | "ambiguous"
  /** TwentyThree refused the token (invalid, consumed, expired): never use it again. */
  | "refused";

/** A token handed to one attempt. Release it exactly once. */
export interface TokenLease {
  readonly token: UploadToken;
  /** Whether other files may be using the same token (the `"shared"` strategy). */
  readonly isShared: boolean;
  release(outcome: TokenOutcome): void;
}

/** What the manager needs from the uploader; read on each use, so options can change. */
export interface TokenManagerOptions {
  /**
   * Gets a new token (the uploader binds `requestUploadToken` to its token source); a token at
   * hand may come back at once, not in a promise.
   */
  fetchToken(request: UploadTokenRequest, signal: AbortSignal): UploadToken | Promise<UploadToken>;
  strategy(): "per-file" | "shared";
  /** A token this close to `validUntil` is not handed out again. */
  expiryMarginMs(): number;
  /** For the shared strategy: files not done yet (those holding a lease included). */
  demand(): number;
  /** The most uploads one token may be asked for (TwentyThree's `max_uploads` limit). */
  maxUploadsLimit(): number;
}

/** Hands out token leases for the per-file and shared strategies. */
export interface TokenManager {
  /**
   * A token for the file `key`: a still-good one when there is one, else a fresh one. A lease
   * ready now (a kept token, or a token the source returned at once) comes back as is, not in a
   * promise, so that the upload can start in the same task.
   */
  acquire(
    key: string,
    request: UploadTokenRequest,
    signal: AbortSignal,
  ): TokenLease | Promise<TokenLease>;
  /** Resolves once no attempt with this shared token is in flight (answers may still arrive). */
  whenIdle(token: UploadToken, signal: AbortSignal): Promise<void>;
  /** Forgets the token kept for `key` (the file settled or was removed). */
  forget(key: string): void;
  /** Aborts a shared fetch in flight and forgets every token. */
  destroy(): void;
}

interface SharedEntry {
  readonly token: UploadToken;
  uses: number;
  inFlight: number;
  isRetired: boolean;
  idle: Array<() => void>;
}

/** Creates a manager; it holds no timers and touches no global until used. */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  /** Per-file tokens that are known to be unused, by file key. */
  const kept = new Map<string, UploadToken>();
  const shared = new Map<string, SharedEntry>();
  let current: SharedEntry | null = null;
  let fetching: Promise<SharedEntry> | null = null;
  const lifetime = new AbortController();

  const isExpiring = (token: UploadToken) =>
    token.validUntil.getTime() - options.expiryMarginMs() <= Date.now();
  const hasRoom = (entry: SharedEntry) =>
    !entry.isRetired && entry.uses + entry.inFlight < entry.token.maxUploads;

  function acquirePerFile(
    key: string,
    request: UploadTokenRequest,
    signal: AbortSignal,
  ): TokenLease | Promise<TokenLease> {
    const token = kept.get(key);
    kept.delete(key);
    // A token fetched just now is used even if it is already inside the margin: fetching again
    // would give the same, and the server's clock is the one that counts.
    if (token !== undefined && !isExpiring(token)) {
      return perFileLease(key, token);
    }
    const fetched = options.fetchToken(request, signal);
    return isPromiseLike(fetched)
      ? fetched.then((fresh) => perFileLease(key, fresh))
      : perFileLease(key, fetched);
  }

  function perFileLease(key: string, token: UploadToken): TokenLease {
    let isReleased = false;
    return {
      token,
      isShared: false,
      release(outcome) {
        if (isReleased || lifetime.signal.aborted) {
          return;
        }
        isReleased = true;
        if (outcome === "unused") {
          kept.set(key, token);
        }
      },
    };
  }

  function lease(entry: SharedEntry): TokenLease {
    entry.inFlight += 1;
    let isReleased = false;
    return {
      token: entry.token,
      isShared: true,
      release(outcome) {
        if (isReleased) {
          return;
        }
        isReleased = true;
        entry.inFlight -= 1;
        if (outcome !== "unused") {
          entry.uses += 1;
        }
        if (outcome === "refused" || outcome === "ambiguous") {
          // An ambiguous attempt is reconciled against this token's uploads: no new uploads
          // with it from now on, so that the listing can only change by answers still due.
          entry.isRetired = true;
        }
        if (entry.isRetired && current === entry) {
          current = null;
        }
        if (entry.inFlight === 0) {
          entry.idle.splice(0).forEach((resolve) => resolve());
          if (entry !== current) {
            shared.delete(entry.token.uploadToken);
          }
        }
      },
    };
  }

  function fetchShared(request: UploadTokenRequest): Promise<SharedEntry> {
    let leased = 0;
    shared.forEach((entry) => {
      leased += entry.inFlight;
    });
    const needed = options.demand() - leased;
    const maxUploads = Math.max(1, Math.min(options.maxUploadsLimit(), needed));
    // A promise even for a token at hand: the shared strategy's waiters all wait for one fetch.
    fetching ??= new Promise<UploadToken>((resolve) =>
      resolve(options.fetchToken({ ...request, maxUploads }, lifetime.signal)),
    )
      .then((token) => {
        const entry: SharedEntry = { token, uses: 0, inFlight: 0, isRetired: false, idle: [] };
        shared.set(token.uploadToken, entry);
        current = entry;
        return entry;
      })
      .finally(() => {
        fetching = null;
      });
    return fetching;
  }

  async function acquireShared(request: UploadTokenRequest, signal: AbortSignal) {
    for (;;) {
      if (current !== null && hasRoom(current) && !isExpiring(current.token)) {
        return lease(current);
      }
      if (current !== null && isExpiring(current.token)) {
        current.isRetired = true;
        current = null;
      }
      const entry = await raceSignal(fetchShared(request), signal);
      // Each fetch serves at least one waiter, even inside the margin (see acquirePerFile).
      if (hasRoom(entry)) {
        return lease(entry);
      }
    }
  }

  return {
    acquire(key, request, signal) {
      if (signal.aborted) {
        return Promise.reject(abortedError(signal));
      }
      return options.strategy() === "shared"
        ? acquireShared(request, signal)
        : acquirePerFile(key, request, signal);
    },
    whenIdle(token, signal) {
      const entry = shared.get(token.uploadToken);
      if (entry === undefined || entry.inFlight === 0) {
        return Promise.resolve();
      }
      return raceSignal(new Promise<void>((resolve) => entry.idle.push(resolve)), signal);
    },
    forget(key) {
      kept.delete(key);
    },
    destroy() {
      lifetime.abort();
      kept.clear();
      shared.clear();
      current = null;
    },
  };
}
