import {
  requestUploadToken,
  TokenRequestError,
  type TokenSource,
  type TwentyThreeUploadError,
  type UploadMeta,
  type UploadToken,
} from "@twentythree-upload/core";
import { QueryClientContext, useQuery, type Query, type QueryClient } from "@tanstack/react-query";
import { useCallback, useContext, useRef } from "react";
import { useFallbackQueryClient } from "./useFallbackQueryClient.js";
import { tokenSourceKey } from "./tokenSourceKey.js";
import { useLatest } from "./useLatest.js";
import { useProvidedSettings } from "./useProvidedSettings.js";

/** Options of {@link useUploadToken}. */
export interface UseUploadTokenOptions {
  /** Your token endpoint (URL) or a function. Default: `UploadProvider`'s `token`. */
  token?: TokenSource;
  /** Set `false` to defer the request. Default: `true`. */
  enabled?: boolean;
  /**
   * The TanStack Query client that caches the token. Default: the app's
   * `QueryClientProvider`, else a client of this library's own.
   */
  queryClient?: QueryClient;
  /** Refresh this long before `valid_until`. Default: `60_000` ms. */
  refreshMarginMs?: number;
  /**
   * Give up on a token request that has not answered after this long: a `TokenRequestError`
   * (status `null`), retried like a network failure. Default: `30_000` ms, as the uploader's
   * `requestTimeoutMs`.
   */
  timeoutMs?: number;
  /**
   * A token the server already issued (server rendering), used until it is consumed, so that
   * the first render needs no request. Default: none.
   */
  initialToken?: UploadToken;
}

/** What {@link useUploadToken} returns. */
export interface UploadTokenState {
  /** A usable (not expired, not consumed) token, or `null` while there is none. */
  token: UploadToken | null;
  /**
   * TanStack Query's status: `pending` until a first token arrives, `success` once one did
   * (even if it has since been consumed or expired: check `token`), `error` when the last
   * request failed (after retries, for failures worth retrying).
   */
  status: "pending" | "success" | "error";
  /** A typed library error: `TokenRequestError`, `TwentyThreeApiError`, `ResponseFormatError`. */
  error: TwentyThreeUploadError | null;
  /** A request is in flight, including a refresh in the background before expiry. */
  isFetching: boolean;
  /** Call once the token was redeemed: it is never returned again and a fresh one is fetched. */
  invalidate: () => void;
  /**
   * Resolves with a usable token: the cached one, the request already in flight, or a new one.
   * Does not mark it consumed: call `markTokenConsumed(token)` when you redeem it.
   */
  getToken: () => Promise<UploadToken>;
}

/** Tokens that were handed to TwentyThree; single-use, so never returned again. */
const consumed = new WeakSet<UploadToken>();

/** Marks a token as redeemed: `useUploadToken` will not return it again. */
export function markTokenConsumed(token: UploadToken): void {
  consumed.add(token);
}

/** The default of `refreshMarginMs`. */
const REFRESH_MARGIN_MS = 60_000;
/** The longest wait between refreshes of a token endpoint that keeps failing. */
const MAX_BACKOFF_MS = 300_000;
// When refreshes after each token began to fail: a new token (a success) starts a new streak.
const failingSince = new WeakMap<UploadToken, number>();

/**
 * @internal Whether `token` may still be handed out as is: not consumed, and not yet within
 * `marginMs` of its expiry (what `getToken` would otherwise fetch a fresh token for).
 */
export function isTokenFresh(token: UploadToken, marginMs = REFRESH_MARGIN_MS): boolean {
  return msUntilRefresh(token, marginMs) > 0;
}

function isRetryable(error: TwentyThreeUploadError): boolean {
  if (!(error instanceof TokenRequestError)) {
    return false;
  }
  return (
    error.status === null || error.status === 408 || error.status === 429 || error.status >= 500
  );
}

function msUntilRefresh(token: UploadToken | undefined, marginMs: number): number {
  return token && !consumed.has(token) ? token.validUntil.getTime() - marginMs - Date.now() : 0;
}

/**
 * An upload token from your token endpoint, through TanStack Query: one request per distinct
 * `meta` and source (also under StrictMode), cached until `refreshMarginMs` before `valid_until`
 * and refetched in the background before it expires, while the page is visible (a hidden tab
 * asks nothing; shown again, it asks at once). A refresh that fails sets `status: "error"` and
 * is tried again after a pause as long as refreshes have been failing (at least 2 s, at most 5
 * minutes), so the pause doubles with each failure. Never requests on the server.
 *
 * A token function may be an inline arrow: the component keys it by the first function it was
 * given and calls the latest one, so re-renders do not request new tokens. Components given the
 * same function (defined outside the component, or memoized) share one cached token. To start
 * over with a different function, remount the component (a new `key`).
 */
export function useUploadToken(
  meta: UploadMeta = {},
  options: UseUploadTokenOptions = {},
): UploadTokenState {
  const settings = useProvidedSettings();
  const source = options.token ?? settings.token;
  const marginMs = options.refreshMarginMs ?? REFRESH_MARGIN_MS;
  const contextClient = useContext(QueryClientContext);
  const fallback = useFallbackQueryClient(!options.queryClient && !contextClient);
  const client = (options.queryClient ?? contextClient ?? fallback) as QueryClient;
  // An inline token function is a new object on every render: keyed by its identity, each
  // re-render of the parent would mint another single-use token. So a component keys a function
  // source by the first function it was given, and calls whichever it was given last.
  const firstFunction = useRef<string | null>(null);
  if (typeof source === "function") {
    firstFunction.current ??= tokenSourceKey(source);
  }
  const sourceKey = typeof source === "function" ? firstFunction.current : tokenSourceKey(source);
  const queryKey = ["twentythree-upload", "upload-token", sourceKey, meta] as const;
  // The query's AbortSignal is deliberately not passed on: TanStack Query cancels a fetch whose
  // signal was read when its last observer unmounts, which StrictMode's simulated unmount does,
  // and the remount would then mint a second single-use token.
  const timeoutMs = options.timeoutMs ?? 30_000;
  const queryFn = () => requestUploadToken(source as TokenSource, { ...meta }, { timeoutMs });
  const refreshIn = useCallback(
    (query: Query<UploadToken, TwentyThreeUploadError, UploadToken, typeof queryKey>) =>
      msUntilRefresh(query.state.data, marginMs),
    [marginMs],
  );
  const query = useQuery<UploadToken, TwentyThreeUploadError, UploadToken, typeof queryKey>(
    {
      queryKey,
      queryFn,
      enabled: (options.enabled ?? true) && source !== undefined,
      staleTime: (q) => Math.max(0, refreshIn(q)),
      // While refreshes fail (the old token stays in `data`), wait as long as they have been
      // failing (from 2 s, up to 5 min): the wait doubles with each failure, instead of asking
      // every second forever, and an outage of seconds costs seconds. (TanStack's failure count
      // resets per fetch, so the streak's start is kept per token.)
      refetchInterval: (q) => {
        const held = q.state.data;
        if (!held) return false;
        if (q.state.status !== "error") return Math.max(1000, refreshIn(q));
        const since = failingSince.get(held) ?? q.state.errorUpdatedAt;
        failingSince.set(held, since);
        return Math.min(MAX_BACKOFF_MS, Math.max(2000, q.state.errorUpdatedAt - since));
      },
      // A hidden tab asks nothing; shown again, TanStack Query refetches a stale token at once.
      refetchIntervalInBackground: false,
      retry: (failures, error) => failures < 2 && isRetryable(error),
      ...(options.initialToken && !consumed.has(options.initialToken)
        ? { initialData: options.initialToken }
        : {}),
    },
    client,
  );
  const data = query.data;
  const usable =
    data && !consumed.has(data) && data.validUntil.getTime() > Date.now() ? data : null;
  const latestKey = useLatest(queryKey);
  const invalidate = useCallback(() => {
    if (data) {
      consumed.add(data);
    }
    void client.resetQueries({ queryKey: latestKey.current, exact: true });
  }, [client, data, latestKey]);
  const latestFn = useLatest(queryFn);
  const getToken = useCallback(
    () =>
      client.fetchQuery({
        queryKey: latestKey.current,
        queryFn: latestFn.current,
        // Fresh (cached or in flight) unless consumed or close to expiry.
        staleTime: (q) => Math.max(0, msUntilRefresh(q.state.data, marginMs)),
      }),
    [client, latestKey, latestFn, marginMs],
  );
  return {
    getToken,
    token: usable,
    status: query.status,
    error: query.error,
    isFetching: query.isFetching,
    invalidate,
  };
}
