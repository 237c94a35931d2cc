// Values that vite.config.ts provides to every test project (read with `inject(...)`).
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the emulator started for this test run, e.g. `http://127.0.0.1:40123`. */
    emulatorUrl: string;
  }
}
