import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  stories: ["../packages/react/stories/**/*.stories.@(ts|tsx)"],
  addons: ["@storybook/addon-docs", "@storybook/addon-vitest"],
  framework: { name: "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(viteConfig) {
    // The emulator the stories upload to. `pnpm playground` and the test run set TT_EMULATOR_URL;
    // a static build can be pointed elsewhere at run time (see .storybook/emulatorUrl.ts).
    viteConfig.define = {
      ...viteConfig.define,
      "import.meta.env.TT_EMULATOR_URL": JSON.stringify(
        process.env.TT_EMULATOR_URL ?? "http://127.0.0.1:8023",
      ),
    };
    return viteConfig;
  },
};
export default config;
