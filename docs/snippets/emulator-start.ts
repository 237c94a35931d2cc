import { createEmulator } from "@twentythree-upload/emulator";

// Start a local TwentyThree on a free port, use it, stop it.
const emulator = await createEmulator();
console.log(`emulator at ${emulator.url}`);
await emulator.close();
