import { createEmulator } from "./createEmulator.js";

const emulator = await createEmulator({ port: 8023 });
console.log(`TwentyThree emulator listening on ${emulator.url}`);
process.once("SIGINT", () => void emulator.close().then(() => process.exit(0)));
