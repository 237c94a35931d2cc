import { BodyTooLargeError } from "./bodyMeter.js";
import type { ApiCall } from "./emulatorContext.js";
import { type ResponseStyle, renderError, responseStyle } from "./formats.js";
import { type ApiParams, MultipartError, readApiParams } from "./readParams.js";
import type { Reply } from "./reply.js";

/** An endpoint's parameters and answer style, or the error answer when they cannot be read. */
export type ApiInput =
  { ok: true; input: ApiParams; style: ResponseStyle } | { ok: false; reply: Reply };

/**
 * Reads the parameters of a GET/POST API method and works out the response style. Wrong methods,
 * unreadable bodies and malformed format parameters get the generation's documented error form.
 */
export async function readApiInput(call: ApiCall): Promise<ApiInput> {
  const queryParams = new Map([...call.url.searchParams.entries()].reverse());
  const fallback = responseStyle(call.api, queryParams, call.domain, call.endpointPath).style;
  const method = call.req.method ?? "GET";
  if (method !== "GET" && method !== "POST" && method !== "HEAD") {
    const message = `${call.endpoint} takes GET or POST, not ${method.slice(0, 10)}.`;
    const reply = renderError(fallback, 405, "invalid_input", message);
    reply.headers.Allow = "GET, POST";
    return { ok: false, reply };
  }
  let input: ApiParams;
  try {
    input = await readApiParams(call.req, call.body, call.url);
  } catch (error) {
    if (error instanceof MultipartError) {
      return {
        ok: false,
        reply: renderError(
          fallback,
          400,
          "invalid_input",
          `The multipart body could not be read: ${error.message}`,
        ),
      };
    }
    if (error instanceof BodyTooLargeError) {
      return { ok: false, reply: renderError(fallback, 413, "invalid_input", error.message) };
    }
    throw error;
  }
  const { style, formatError } = responseStyle(
    call.api,
    input.params,
    call.domain,
    call.endpointPath,
  );
  if (formatError !== null)
    return { ok: false, reply: renderError(style, 400, "invalid_input", formatError) };
  return { ok: true, input, style };
}
