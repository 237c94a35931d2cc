// playwright.config.ts: your app's dev server, and the emulator as the TwentyThree site it uses.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/emulatorSetup.ts",
  // The tests below queue faults on the one emulator the app talks to: one worker.
  workers: 1,
  use: { baseURL: "http://127.0.0.1:5173" },
  webServer: {
    command: "npm run dev",
    url: "http://127.0.0.1:5173",
    reuseExistingServer: !process.env.CI,
  },
});
