import { createEmulator, type Emulator } from "@twentythree-upload/emulator";

// Every project inherits this global setup, so several may run it in the same process: the
// first one starts the emulator, the last teardown stops it.
const shared = globalThis as typeof globalThis & {
  __ttEmulator?: { emulator: Promise<Emulator>; users: number };
};

/**
 * Starts one emulator for the whole test run on the port chosen in vite.config.ts. Tests that
 * need isolation (faults, CORS off) ask it for a private instance through its control API.
 */
export default async function setup(): Promise<() => Promise<void>> {
  shared.__ttEmulator ??= {
    emulator: createEmulator({
      host: "127.0.0.1",
      port: Number(process.env.TT_TEST_EMULATOR_PORT),
      quiet: true,
    }),
    users: 0,
  };
  const entry = shared.__ttEmulator;
  entry.users += 1;
  await entry.emulator;
  return async () => {
    entry.users -= 1;
    if (entry.users === 0) {
      delete shared.__ttEmulator;
      await (await entry.emulator).close();
    }
  };
}
