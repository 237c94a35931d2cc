"use client";
import { handOffCallback, wasTokenReceived } from "@twentythree-upload/core";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { englishCallbackLabels, type CallbackHandlerLabels } from "./englishCallbackLabels.js";
import type { UploadLabels } from "./labels.js";
import {
  readCallback,
  withoutCallbackParams,
  type CallbackFailure,
  type CallbackState,
  type CallbackSuccess,
} from "./readCallback.js";
import type { CallbackError } from "@twentythree-upload/core";
import { UploadSettingsError } from "./UploadSettingsError.js";
import { useComponentLabels } from "./useComponentLabels.js";
import { useLatest } from "./useLatest.js";
import { useProvidedSettings } from "./useProvidedSettings.js";

/** Props of {@link CallbackHandler}. */
export interface CallbackHandlerProps {
  /** The TwentyThree site; callbacks naming another `domain` are refused. Default: the provider's. */
  site?: string;
  /** The query string to read (`"?photo_id=…"`), e.g. from your router. Default: `window.location`. */
  search?: string;
  /** The URL to read, instead of `search`. Default: `window.location`. */
  url?: string | URL;
  /**
   * Called once with a successful callback for the configured site. `verified` says whether this
   * browser tab received its upload token (`false` for a forged link; `null` when it cannot
   * tell): confirm the video with TwentyThree on your server before trusting an unverified one.
   * Default: none.
   */
  onSuccess?: (result: CallbackSuccess, details: { verified: boolean | null }) => void;
  /**
   * Called once with a failed upload (`result` set) or an untrustworthy URL (`result` null).
   * `verified`, as for `onSuccess`: a failure for a token this tab never received may be a
   * forged link, its `errorMessage` anyone's words (`null` without a `result`). Default: none.
   */
  onError?: (
    error: CallbackError,
    result: CallbackFailure | null,
    details: { verified: boolean | null },
  ) => void;
  /** Renders the state yourself. Default: a sentence per state. */
  children?: (state: CallbackState) => ReactNode;
  /**
   * Remove TwentyThree's parameters (they include the upload token) from the address bar.
   * Default: `true`.
   */
  stripParams?: boolean;
  /**
   * Post the result to the page that started the upload instead of handling it here: `"auto"`
   * (default) only when this page is core's iframe fallback frame; `true` whenever there is a
   * same-origin parent or opener (e.g. a popup whose opener listens for `CallbackMessage`s);
   * `false` never. A popup is not handed off under `"auto"`: nothing in the library listens in
   * its opener, and a result posted to a page that does not listen would be lost.
   */
  handOff?: boolean | "auto";
  /**
   * Strings, merged over the provider's labels (English for every key no provider gives): a
   * locale such as `danishLabels`, a few keys of your own, or both
   * (`{ ...danishLabels, retry: "Igen" }`). Default: the provider's labels, else English.
   */
  labels?: Partial<UploadLabels>;
}

// The name core's iframe transport gives its frame (createIframeTransport). Checking it keeps a
// callback page that an app (or Storybook, or a test runner) embeds in a same-origin frame from
// posting its result to a parent that never asked for it. postMessage cannot tell whether
// anyone listens, so "auto" hands off only to the one listener it knows: core's transport.
const FRAME_NAME_PREFIX = "twentythree-upload-";

function shouldHandOff(handOff: boolean | "auto"): boolean {
  if (handOff !== "auto") {
    return handOff;
  }
  return window.parent !== window && window.name.startsWith(FRAME_NAME_PREFIX);
}

function defaultText(state: CallbackState, labels: CallbackHandlerLabels): string {
  switch (state.status) {
    case "pending":
      return labels.callbackWorking;
    case "handed-off":
      return labels.callbackHandedOff;
    case "success":
      return (
        state.verified === false ? (labels.callbackUnverified ?? labels.uploaded) : labels.uploaded
      )(state.result.photoId);
    case "error":
      // The message is shown only for this tab's own upload: a link can carry any text.
      return state.result
        ? state.verified
          ? labels.callbackFailed(state.result.errorMessage)
          : labels.callbackFailedUnverified
        : labels.callbackInvalid;
  }
}

/**
 * The component for your return_url route. Reads TwentyThree's callback (from `window.location`,
 * or `search`/`url`), refuses a foreign `domain`, flags a callback whose upload token this tab
 * never received (`verified: false`), calls `onSuccess`/`onError` once, removes the
 * token-bearing parameters from the address bar with `history.replaceState` (keeping router
 * state), and inside the iframe fallback (or, with `handOff`, a popup) hands the result to the
 * page that started the upload. Every parameter is rendered as text only, and TwentyThree's
 * `error_message` only for an upload this tab started (its token received here): an unverified
 * failure says only that the upload failed (`labels.callbackFailedUnverified`), so that a link
 * cannot put its own words into the page's alert.
 *
 * @selector [data-twentythree-upload="callback"]
 * @selector [data-state="pending"|"handed-off"|"success"|"error"]
 * @selector [data-verified="true"|"false"] — on a success or a reported failure, once checked
 */
export function CallbackHandler(props: CallbackHandlerProps) {
  const { search, url, stripParams = true, handOff = "auto", children } = props;
  const settings = useProvidedSettings();
  const site = props.site ?? settings.site;
  if (!site) {
    throw new UploadSettingsError(
      "missing_site",
      "<CallbackHandler> needs `site` (or an <UploadProvider site=…>) to check the callback's domain.",
    );
  }
  const labels = useComponentLabels(englishCallbackLabels, props.labels);
  const given = url ?? search;
  // With a URL from the router the result is known while rendering (also on the server).
  const fromProps = useMemo(
    () => (given === undefined ? null : readCallback(given, site)),
    [given, site],
  );
  const [fromWindow, setFromWindow] = useState<CallbackState>({ status: "pending" });
  const [handedOff, setHandedOff] = useState(false);
  // Read from sessionStorage, so known only after mounting (the server cannot tell).
  const [verified, setVerified] = useState<boolean | null>(null);
  // The callback handled last, and the address we left after stripping it: StrictMode runs the
  // effect again after the first run cleaned the URL, and that cleaned URL is the same callback.
  const handled = useRef<{ key: string; strippedHref: string | null } | null>(null);
  const callbacks = useLatest({ onSuccess: props.onSuccess, onError: props.onError });

  useEffect(() => {
    const href = window.location.href;
    const state = fromProps ?? readCallback(href, site);
    const key = `${given === undefined ? href : String(given)}|${site}`;
    // StrictMode runs effects twice: report each callback once.
    if (handled.current && (handled.current.key === key || handled.current.strippedHref === href)) {
      return;
    }
    handled.current = { key, strippedHref: null };
    if (shouldHandOff(handOff) && handOffCallback()) {
      setHandedOff(true);
      return;
    }
    const result =
      state.status === "pending" || state.status === "handed-off" ? null : state.result;
    const isVerified = result ? wasTokenReceived(result.uploadToken) : null;
    setVerified(isVerified);
    if (!fromProps) {
      setFromWindow(state);
    }
    if (stripParams && new URL(href).searchParams.has("upload_token")) {
      const stripped = withoutCallbackParams(href);
      window.history.replaceState(window.history.state, "", stripped);
      handled.current.strippedHref = window.location.href;
    }
    if (state.status === "success") {
      callbacks.current.onSuccess?.(state.result, { verified: isVerified });
    } else if (state.status === "error") {
      callbacks.current.onError?.(state.error, state.result, { verified: isVerified });
    }
  }, [fromProps, given, site, handOff, stripParams, callbacks]);

  const read = handedOff ? { status: "handed-off" as const } : (fromProps ?? fromWindow);
  const state: CallbackState =
    read.status === "success" || read.status === "error" ? { ...read, verified } : read;
  return (
    <div
      data-twentythree-upload="callback"
      data-state={state.status}
      data-verified={verified === null ? undefined : String(verified)}
      role={state.status === "error" ? "alert" : "status"}
    >
      {children ? children(state) : defaultText(state, labels)}
    </div>
  );
}
