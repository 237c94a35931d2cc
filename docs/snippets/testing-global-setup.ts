// test/emulatorSetup.ts: one emulator for the whole test run; tests read its URL with
// inject("emulatorUrl") and spawn private instances from it.
import { createEmulator } from "@twentythree-upload/emulator";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject) {
  const emulator = await createEmulator({ quiet: true, encodingDelayMs: 0 });
  project.provide("emulatorUrl", emulator.url);
  return () => emulator.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
  }
}
