import { abortReason } from "./abortedError.js";
import { apiErrorOf } from "./apiErrorOf.js";
import { decodeApiBody } from "./decodeApiBody.js";
import { excerptOf } from "./excerptOf.js";
import { ResponseFormatError, UploadError } from "./errors.js";

/**
 * Calls a TwentyThree API method that needs no credentials from the browser and returns the
 * decoded answer.
 *
 * @throws UploadError `aborted`, `network` (no answer: offline, or the site sends no CORS headers
 *   so the browser hides it), or `http` (an error status without TwentyThree's envelope).
 * @throws TwentyThreeApiError for TwentyThree's error envelope.
 * @throws ResponseFormatError for a successful answer that is not XML or JSON.
 */
export async function fetchApi(
  url: string,
  init: {
    method?: "GET" | "POST";
    body?: URLSearchParams;
    signal?: AbortSignal | undefined;
    fetch?: typeof fetch | undefined;
  },
): Promise<unknown> {
  const signal = init.signal ?? new AbortController().signal;
  const fetchImpl = init.fetch ?? globalThis.fetch;
  if (signal.aborted) throw aborted(signal);
  let status: number;
  let text: string;
  try {
    const response = await fetchImpl(url, {
      method: init.method ?? "GET",
      credentials: "omit",
      cache: "no-store",
      ...(init.body ? { body: init.body } : {}),
      signal,
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw aborted(signal);
    throw new UploadError(
      "network",
      "TwentyThree could not be reached, or it does not let this page read its answers.",
      { cause: error },
    );
  }
  const decoded = await decodeApiBody(text);
  const apiError = decoded.ok ? apiErrorOf(decoded.value, status) : null;
  if (apiError) throw apiError;
  if (status < 200 || status > 299) {
    throw new UploadError("http", `TwentyThree answered with HTTP ${status}.`, { status });
  }
  if (!decoded.ok) {
    const excerpt = excerptOf(text);
    throw new ResponseFormatError(
      `TwentyThree's answer could not be read: received ${decoded.reason}${excerpt ? `: ${JSON.stringify(excerpt)}` : ""}.`,
      excerpt,
    );
  }
  return decoded.value;
}

function aborted(signal: AbortSignal): UploadError {
  return new UploadError("aborted", "The request was canceled.", { cause: abortReason(signal) });
}
