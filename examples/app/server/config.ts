// Reads the example server's settings from environment variables. With none set, everything
// points at a local emulator, so the example runs without a TwentyThree account; with
// TWENTYTHREE_SITE set to a real site, its credentials become mandatory.
import {
  type TokenHandlerOptions,
  TokenHandlerConfigError,
  isLoopbackHost,
  resolveTokenHandlerOptions,
} from "./tokenHandlerOptions.js";

/** Where `pnpm example` runs the emulator. */
export const EMULATOR_SITE = "http://127.0.0.1:8023";

/**
 * The emulator's public test credentials. They are not secrets: they are accepted only by the
 * local emulator, and used here only when the site is on this machine.
 */
export const EMULATOR_CREDENTIALS = {
  consumerKey: "emulator-key",
  consumerSecret: "emulator-secret",
  accessToken: "emulator-token",
  accessTokenSecret: "emulator-token-secret",
} as const;

/** The example server's settings. */
export interface ServerConfig {
  host: string;
  port: number;
  /** Options for `createTokenHandler` (without `fetch` and `logger`). */
  token: TokenHandlerOptions;
}

/** A setting is missing or wrong. The message names the variable and never prints a secret. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const CREDENTIAL_VARS = {
  consumerKey: "TWENTYTHREE_CONSUMER_KEY",
  consumerSecret: "TWENTYTHREE_CONSUMER_SECRET",
  accessToken: "TWENTYTHREE_ACCESS_TOKEN",
  accessTokenSecret: "TWENTYTHREE_ACCESS_TOKEN_SECRET",
} as const;

// Which variable each handler option comes from, to name it in errors.
const OPTION_VARS: Record<string, string> = {
  site: "TWENTYTHREE_SITE",
  apiVersion: "TWENTYTHREE_API",
  returnUrl: "RETURN_URL",
  allowedOrigins: "APP_ORIGIN",
  authorize: "TOKEN_AUTHORIZE",
  ...Object.fromEntries(
    Object.entries(CREDENTIAL_VARS).map(([key, name]) => [`credentials.${key}`, name]),
  ),
};

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === "" ? undefined : raw;
}

/**
 * The port in `env[name]`, or `fallback` when it is unset or empty.
 *
 * @param allowZero Whether `0` (a free port, picked when listening) is accepted.
 * @throws ConfigError naming the variable and the value (a port is no secret) when it is not a
 *   whole number from 1 (or 0) to 65535.
 */
export function readPort(env: Env, name: string, fallback: number, allowZero = false): number {
  const text = value(env, name);
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port > 65_535 || (port === 0 && !allowZero)) {
    const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
    throw new ConfigError(
      `${name} must be a port number from ${allowZero ? "0 (a free one)" : "1"} to 65535, not ${shown}.`,
    );
  }
  return port;
}

/**
 * The environment {@link readConfig} gets in `pnpm example` (dev.ts and the Vite config), which
 * listens on `APP_PORT`: without `PORT` and `HOST`, the production server's settings, so that a
 * `PORT` exported for something else (hosting tools and shells often set one) neither stops it
 * nor changes anything; and with `APP_ORIGIN` defaulting to the dev server's own origin.
 */
export function devServerEnv(env: Env, appOrigin: string): Env {
  const { PORT: _port, HOST: _host, ...rest } = env;
  return { ...rest, APP_ORIGIN: value(env, "APP_ORIGIN") ?? appOrigin };
}

function siteIsLocal(site: string): boolean {
  try {
    return isLoopbackHost(new URL(/^[a-z]+:\/\//i.test(site) ? site : `https://${site}`).hostname);
  } catch {
    return false;
  }
}

/**
 * Builds the server settings from `env`:
 * - `TWENTYTHREE_SITE`: domain or origin of the site. Default the emulator, `http://127.0.0.1:8023`.
 * - `TWENTYTHREE_API`: `legacy` (default) or `v2`.
 * - `TWENTYTHREE_CONSUMER_KEY`, `TWENTYTHREE_CONSUMER_SECRET`, `TWENTYTHREE_ACCESS_TOKEN`,
 *   `TWENTYTHREE_ACCESS_TOKEN_SECRET`: write credentials. Default the emulator's test
 *   credentials, but only when the site is on this machine.
 * - `PORT` (default `5174`), `HOST` (default `127.0.0.1`): where the server listens.
 * - `APP_ORIGIN`: the origin(s) of the app's pages, comma-separated. Default `http://<HOST>:<PORT>`.
 * - `RETURN_URL`: the callback page. Default `<first APP_ORIGIN>/upload/callback`.
 * - `TOKEN_AUTHORIZE`: `anyone` sets `authorize: "anyone"` (every request that passes the CSRF
 *   checks gets a token: a demo only). Default unset: code that uses a real site adds its own
 *   `authorize` to `token` (or is stopped by {@link assertUserCheck}).
 *
 * @throws ConfigError naming the variable that is missing or wrong.
 */
export function readConfig(env: Env = process.env): ServerConfig {
  const site = value(env, "TWENTYTHREE_SITE") ?? EMULATOR_SITE;
  const api = value(env, "TWENTYTHREE_API") ?? "legacy";
  if (api !== "legacy" && api !== "v2") {
    throw new ConfigError(`TWENTYTHREE_API must be "legacy" or "v2".`);
  }

  const local = siteIsLocal(site);
  const missing: string[] = [];
  const credentials = { ...EMULATOR_CREDENTIALS } as Record<keyof typeof CREDENTIAL_VARS, string>;
  for (const [key, name] of Object.entries(CREDENTIAL_VARS) as [
    keyof typeof CREDENTIAL_VARS,
    string,
  ][]) {
    const given = value(env, name);
    if (given !== undefined) credentials[key] = given;
    else if (!local) missing.push(name);
  }
  if (missing.length > 0) {
    throw new ConfigError(
      `TWENTYTHREE_SITE is ${site}, so its credentials are required; missing: ${missing.join(", ")}. ` +
        "Create privileged credentials (with write access) under Settings → API & Applications.",
    );
  }

  const host = value(env, "HOST") ?? "127.0.0.1";
  const port = readPort(env, "PORT", 5174, true);
  if (port === 0 && value(env, "APP_ORIGIN") === undefined) {
    throw new ConfigError(
      "APP_ORIGIN is required when PORT is 0 (the app's origin is not known in advance).",
    );
  }
  const appOrigins = (value(env, "APP_ORIGIN") ?? `http://${host}:${port}`)
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  const returnUrl = value(env, "RETURN_URL") ?? `${appOrigins[0] ?? ""}/upload/callback`;

  const authorize = value(env, "TOKEN_AUTHORIZE");
  if (authorize !== undefined && authorize !== "anyone") {
    throw new ConfigError(
      'TOKEN_AUTHORIZE must be "anyone" (every request that passes the CSRF checks gets a token) or unset.',
    );
  }

  const token: TokenHandlerOptions = {
    site,
    apiVersion: api,
    credentials,
    returnUrl,
    allowedOrigins: appOrigins,
    ...(authorize === undefined ? {} : { authorize }),
  };
  try {
    // `authorize` is usually code the caller adds to `token` (a session check), so it is not
    // required here; createTokenHandler requires it, and assertUserCheck says so in env terms.
    resolveTokenHandlerOptions({ ...token, authorize: token.authorize ?? "anyone" });
  } catch (error) {
    if (error instanceof TokenHandlerConfigError) {
      throw new ConfigError(`${OPTION_VARS[error.option] ?? error.option}: ${error.message}`);
    }
    throw error;
  }
  return { host, port, token };
}

/**
 * For servers that use {@link readConfig}'s `token` as it is (the example's `start` and `dev`):
 * refuses a site that is not on this machine unless `TOKEN_AUTHORIZE=anyone` is set, so they never
 * hand a real site's tokens to anyone without saying so.
 *
 * @throws ConfigError saying what to do.
 */
export function assertUserCheck(token: TokenHandlerOptions): void {
  if (token.authorize !== undefined || siteIsLocal(token.site)) return;
  throw new ConfigError(
    `TWENTYTHREE_SITE is ${token.site}, and this server has no user check (authorize): anyone ` +
      "who can reach it could get upload tokens for that site. Pass your session check as " +
      "authorize to createTokenHandler (docs/guides/token-endpoint.md), or, for a demo, set " +
      "TOKEN_AUTHORIZE=anyone to give a token to every request that passes the CSRF checks.",
  );
}
