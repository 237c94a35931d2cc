// Test helper (not a test): the token endpoint on a real 127.0.0.1 port, with its log captured
// and its calls to TwentyThree counted.
import { createTokenHandler } from "./createTokenHandler.js";
import { TOKEN_PATH, startAppServer } from "./startAppServer.js";
import type { TokenHandlerOptions } from "./tokenHandlerOptions.js";
import type { TokenLogEntry } from "./tokenLog.js";
import { EMULATOR_CREDENTIALS } from "./config.js";

/** The origin the endpoint treats as its app (no page is served there in unit tests). */
export const APP_ORIGIN = "http://127.0.0.1:5173";
export const RETURN_URL = `${APP_ORIGIN}/upload/callback`;

export interface PostInit {
  method?: string;
  headers?: Record<string, string>;
  omit?: readonly string[];
}

export interface TokenEndpointFixture {
  /** `http://127.0.0.1:<port>/api/upload-token` */
  readonly endpoint: string;
  readonly logs: TokenLogEntry[];
  /** Calls made to TwentyThree (get-upload-token). */
  readonly upstreamCalls: () => number;
  /**
   * Sends `body` as the browser library would from the app's page (POST, JSON, the custom
   * header, same-origin Fetch Metadata); `headers` overrides, `omit` removes headers.
   */
  post(body: unknown, init?: PostInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startTokenEndpoint(
  site: string,
  overrides: Partial<TokenHandlerOptions> = {},
): Promise<TokenEndpointFixture> {
  const logs: TokenLogEntry[] = [];
  let calls = 0;
  const handler = createTokenHandler({
    site,
    credentials: { ...EMULATOR_CREDENTIALS },
    allowedOrigins: [APP_ORIGIN],
    ...(overrides.allowedReturnUrls ? {} : { returnUrl: RETURN_URL }),
    ...overrides,
    fetch: (input, init) => {
      calls += 1;
      return fetch(input, init);
    },
    logger: (entry) => logs.push(entry),
  });
  const server = await startAppServer({ tokenHandler: handler, port: 0 });
  const endpoint = `${server.url}${TOKEN_PATH}`;
  return {
    endpoint,
    logs,
    upstreamCalls: () => calls,
    post: (body, init = {}) => {
      const headers = new Headers({
        "Content-Type": "application/json",
        "X-Requested-With": "twentythree-upload",
        Origin: APP_ORIGIN,
        "Sec-Fetch-Site": "same-origin",
        ...init.headers,
      });
      for (const name of init.omit ?? []) headers.delete(name);
      const method = init.method ?? "POST";
      return fetch(endpoint, {
        method,
        headers,
        ...(method === "GET" || method === "HEAD"
          ? {}
          : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      });
    },
    close: () => server.close(),
  };
}
