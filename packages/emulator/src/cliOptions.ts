import { parseArgs } from "node:util";
import type { CorsMode } from "./controlTypes.js";
import type { EmulatorOptions } from "./emulatorOptions.js";

/** The CLI's flags; each also reads `TT_EMULATOR_<NAME>` (e.g. `TT_EMULATOR_CONSUMER_SECRET`). */
const FLAGS = {
  port: { type: "string" },
  host: { type: "string" },
  cors: { type: "string" },
  data: { type: "string" },
  "keep-data": { type: "boolean" },
  "consumer-key": { type: "string" },
  "consumer-secret": { type: "string" },
  "access-token": { type: "string" },
  "access-token-secret": { type: "string" },
  "bearer-token": { type: "string" },
  "permission-level": { type: "string" },
  "encoding-delay": { type: "string" },
  "refuse-types": { type: "string" },
  "token-error-status": { type: "string" },
  "timestamp-window": { type: "string" },
  domain: { type: "string" },
  quiet: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export const USAGE = `Usage: twentythree-emulator [options]   (in this repository: pnpm emulator [options])

  --port <n>                 port to listen on (default 8023; 0 picks a free one)
  --host <addr>              interface (default 127.0.0.1)
  --cors full|none           CORS headers on the API paths (default full)
  --data <dir>               where uploads go (default: a temporary directory)
  --keep-data                keep the data directory on exit
  --consumer-key <s>         OAuth consumer key (default emulator-key)
  --consumer-secret <s>      OAuth consumer secret (default emulator-secret)
  --access-token <s>         OAuth access token (default emulator-token)
  --access-token-secret <s>  OAuth access token secret (default emulator-token-secret)
  --bearer-token <s>         Bearer token for /api/2 (default emulator-bearer)
  --permission-level <l>     read|write|admin|super (default write)
  --encoding-delay <ms>      until photo/list says video_encoded_p=1 (default 1000)
  --refuse-types <list>      comma-separated types/extensions refused (default .exe,application/x-msdownload,application/x-msdos-program)
  --token-error-status <n>   status of the plain-text token error (default 403)
  --timestamp-window <s>     accepted oauth_timestamp skew (default 300)
  --domain <host>            domain reported in callbacks (default: the request's Host)
  --quiet                    do not log requests

Every option can also be set as TT_EMULATOR_<NAME> (e.g. TT_EMULATOR_CONSUMER_SECRET); flags win.`;

/** A command line that cannot be used. */
export class CliUsageError extends Error {}

export interface CliConfig {
  options: EmulatorOptions;
  help: boolean;
  /** Which secrets were set by flag or environment (their values are never printed). */
  overridden: ReadonlySet<string>;
}

function envName(flag: string): string {
  return `TT_EMULATOR_${flag.toUpperCase().replaceAll("-", "_")}`;
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed))
    throw new CliUsageError(`--${flag} must be a number; got "${value}".`);
  return parsed;
}

/** Reads flags and `TT_EMULATOR_*` variables into emulator options. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliConfig {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: FLAGS,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const get = (flag: keyof typeof FLAGS): string | undefined => {
    const value = values[flag];
    if (typeof value === "string") return value;
    return env[envName(flag)] || undefined;
  };
  const bool = (flag: keyof typeof FLAGS) =>
    values[flag] === true || ["1", "true", "yes"].includes(env[envName(flag)] ?? "");
  const cors = get("cors");
  if (cors !== undefined && cors !== "full" && cors !== "none")
    throw new CliUsageError(`--cors must be full or none; got "${cors}".`);
  const overridden = new Set(
    (
      [
        "consumer-key",
        "consumer-secret",
        "access-token",
        "access-token-secret",
        "bearer-token",
      ] as const
    ).filter((f) => get(f) !== undefined),
  );
  const options: EmulatorOptions = {
    port: number("port", get("port")) ?? 8023,
    keepData: bool("keep-data"),
    quiet: bool("quiet"),
  };
  const set = <K extends keyof EmulatorOptions>(key: K, value: EmulatorOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set("host", get("host"));
  set("cors", cors as CorsMode | undefined);
  set("dataDir", get("data"));
  set("bearerToken", get("bearer-token"));
  set("permissionLevel", get("permission-level") as EmulatorOptions["permissionLevel"]);
  set("encodingDelayMs", number("encoding-delay", get("encoding-delay")));
  set("tokenErrorStatus", number("token-error-status", get("token-error-status")));
  set("timestampWindowSeconds", number("timestamp-window", get("timestamp-window")));
  set("domain", get("domain"));
  set(
    "refuseTypes",
    get("refuse-types")
      ?.split(",")
      .map((t) => t.trim())
      .filter((t) => t !== ""),
  );
  const credentials = {
    consumerKey: get("consumer-key"),
    consumerSecret: get("consumer-secret"),
    accessToken: get("access-token"),
    accessTokenSecret: get("access-token-secret"),
  };
  options.credentials = Object.fromEntries(
    Object.entries(credentials).filter(([, v]) => v !== undefined),
  );
  return { options, help: values.help === true, overridden };
}
