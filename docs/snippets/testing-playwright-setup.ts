// e2e/emulatorSetup.ts: the emulator on the port the app is configured for (127.0.0.1:8023).
import { createEmulator } from "@twentythree-upload/emulator";

export default async function emulatorSetup() {
  const emulator = await createEmulator({ port: 8023, quiet: true, encodingDelayMs: 0 });
  return () => emulator.close(); // Playwright calls the returned function as global teardown
}
