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
  ...Object.fromEntries(
    Object.entries(CREDENTIAL_VARS).map(([key, name]) => [`credentials.${key}`, name]),
  ),
};

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === "" ? undefined : raw;
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
  const portText = value(env, "PORT") ?? "5174";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) {
    throw new ConfigError("PORT must be a port number (0 picks a free one).");
  }
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

  const token: TokenHandlerOptions = {
    site,
    apiVersion: api,
    credentials,
    returnUrl,
    allowedOrigins: appOrigins,
  };
  try {
    resolveTokenHandlerOptions(token);
  } catch (error) {
    if (error instanceof TokenHandlerConfigError) {
      throw new ConfigError(`${OPTION_VARS[error.option] ?? error.option}: ${error.message}`);
    }
    throw error;
  }
  return { host, port, token };
}
