export { createEmulator, type Emulator, type EmulatorOptions } from "./createEmulator.js";
