import type { StorybookConfig } from "@storybook/react-vite";

// The emulator the stories upload to. `pnpm playground` and the test run set TT_EMULATOR_URL; a
// static build can be pointed elsewhere at run time (see .storybook/emulatorUrl.ts). Read it now,
// while this file loads: the builder loads the root vite.config.ts afterwards, and that file sets
// TT_EMULATOR_URL to the test run's emulator, which would otherwise win over the playground's.
const emulatorUrl = process.env.TT_EMULATOR_URL ?? "http://127.0.0.1:8023";

const config: StorybookConfig = {
  // MDX pages render the guides from docs/ (not tests: the Vitest plugin only runs stories).
  stories: ["./docs/*.mdx", "../packages/react/stories/**/*.stories.@(ts|tsx)"],
  // The iframe fallback's return_url page (public/upload-callback.html), on the stories' origin.
  staticDirs: ["./public"],
  addons: ["@storybook/addon-docs", "@storybook/addon-vitest"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    viteConfig.define = {
      ...viteConfig.define,
      "import.meta.env.TT_EMULATOR_URL": JSON.stringify(emulatorUrl),
    };
    return viteConfig;
  },
};
export default config;
