// `twentythree-emulator` / `pnpm emulator`: runs the emulator until Ctrl-C.
import { CliUsageError, USAGE, parseCli } from "./cliOptions.js";
import { createEmulator } from "./createEmulator.js";

function describe(
  name: string,
  value: string,
  flag: string,
  overridden: ReadonlySet<string>,
): string {
  // Values set by the user may be real secrets: name where they came from, never print them.
  return overridden.has(flag)
    ? `${name}: (set by --${flag} or TT_EMULATOR_${flag.toUpperCase().replaceAll("-", "_")}; not shown)`
    : `${name}: ${value}`;
}

async function main(): Promise<void> {
  let config;
  try {
    config = parseCli(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }
  const emulator = await createEmulator(config.options);
  // Handlers first: whoever reads the banner may send a signal right away.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => {
      console.log("TwentyThree emulator stopped.");
      process.exit(0);
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const { credentials, bearerToken, cors } = emulator.options;
  const o = config.overridden;
  console.log(
    [
      `TwentyThree emulator listening on ${emulator.url}`,
      `  API: ${emulator.url}/api/photo/… (legacy) and ${emulator.url}/api/2/photo/… (v2); control: ${emulator.url}/__emulator/`,
      `  CORS: ${cors}; data: ${emulator.dataDir}${emulator.options.keepData ? " (kept on exit)" : " (removed on exit)"}`,
      `  ${describe("consumer key", credentials.consumerKey, "consumer-key", o)}`,
      `  ${describe("consumer secret", credentials.consumerSecret, "consumer-secret", o)}`,
      `  ${describe("access token", credentials.accessToken, "access-token", o)}`,
      `  ${describe("access token secret", credentials.accessTokenSecret, "access-token-secret", o)}`,
      `  ${describe("bearer token (/api/2)", bearerToken, "bearer-token", o)}`,
      "Ctrl-C stops it.",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(`twentythree-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
