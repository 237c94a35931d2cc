import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumArgs, chromiumExecutable } from "./scripts/chromium.ts";

const root = path.dirname(fileURLToPath(import.meta.url));

/** A free loopback port, chosen once so that config, global setup and stories agree on it. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

// The emulator that browser tests and story tests talk to over real HTTP. It is started by
// scripts/vitest-global-setup.ts; tests read its URL with `inject("emulatorUrl")`.
process.env.TT_TEST_EMULATOR_PORT ??= String(await freePort());
const emulatorUrl = `http://127.0.0.1:${process.env.TT_TEST_EMULATOR_PORT}`;
// Read by .storybook/main.ts, so that stories run as tests talk to this same emulator.
process.env.TT_EMULATOR_URL = emulatorUrl;

const executablePath = chromiumExecutable();
const chromium = playwright({
  launchOptions: { ...(executablePath ? { executablePath } : {}), args: [...chromiumArgs] },
});
// A fresh object per project: Vitest writes the resolved instance name into it.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: "chromium" as const }],
  screenshotFailures: false,
});

// React 18 for the `browser-react18` project: bare and subpath imports of react and react-dom.
const react18 = path.join(root, "packages/react/node_modules/react-18");
const reactDom18 = path.join(root, "packages/react/node_modules/react-dom-18");
const react18Aliases = [
  { find: /^react$/, replacement: react18 },
  { find: /^react\/(.*)$/, replacement: `${react18}/$1` },
  { find: /^react-dom$/, replacement: reactDom18 },
  { find: /^react-dom\/(.*)$/, replacement: `${reactDom18}/$1` },
];

export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1" },
  test: {
    globalSetup: ["./scripts/vitest-global-setup.ts"],
    provide: { emulatorUrl },
    // CI machines are shared and slow at times: a poll waits up to 5 s for what a user would see
    // (it returns as soon as the condition holds), and a test may take 30 s. No test asserts speed.
    expect: { poll: { timeout: 5_000 } },
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: [
            "packages/*/src/**/*.test.{ts,tsx}",
            "packages/*/test/**/*.test.{ts,tsx}",
            "examples/*/**/*.test.{ts,tsx}",
            "scripts/**/*.test.ts",
          ],
          exclude: ["**/node_modules/**", "**/*.browser.test.*", "**/*.e2e.test.*"],
        },
      },
      {
        extends: true,
        // See the React 18 project's list: a dependency found late reloads the test file.
        optimizeDeps: { include: ["react-dom/server"] },
        test: {
          name: "browser",
          include: ["packages/*/{src,test}/**/*.browser.test.{ts,tsx}"],
          exclude: ["**/node_modules/**"],
          browser: browser(),
        },
      },
      // The React package's browser tests again, against React 18 (installed as react-18 and
      // react-dom-18 in packages/react). Every import of react/react-dom, including those of
      // prebundled dependencies, resolves to 18; its own optimizer cache keeps the two apart.
      {
        extends: true,
        cacheDir: path.join(root, "node_modules/.vite/react18"),
        resolve: { alias: react18Aliases },
        optimizeDeps: {
          include: [
            "react",
            "react-dom",
            "react-dom/client",
            // ssrHydration.browser.test.tsx renders on the "server" in the page: found late,
            // this dependency would make Vite re-optimize mid-run and reload the test file.
            "react-dom/server",
            "react/jsx-runtime",
            "react/jsx-dev-runtime",
            "@tanstack/react-query",
            "@tanstack/react-virtual",
            "vitest-browser-react",
            "fast-xml-parser",
          ],
        },
        test: {
          name: "browser-react18",
          // The components' tests, and the reliability rows where React versions differ most
          // (StrictMode double effects, unmount mid-upload, hostile callbacks).
          include: [
            "packages/react/src/**/*.browser.test.{ts,tsx}",
            "packages/react/test/reliability/{faultMatrix,security}.browser.test.tsx",
          ],
          exclude: ["**/node_modules/**"],
          browser: browser(),
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["packages/*/{src,test}/**/*.e2e.test.ts", "examples/*/**/*.e2e.test.ts"],
          exclude: ["**/node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(root, ".storybook") })],
        test: { name: "storybook", browser: browser() },
      },
    ],
  },
});
