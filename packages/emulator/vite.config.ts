import { builtinModules } from "node:module";
import { defineConfig } from "vite";

// Node library build (ESM); tests are configured in the root vite.config.ts.
export default defineConfig({
  build: {
    ssr: true,
    lib: {
      entry: { index: "src/index.ts", client: "src/client.ts", cli: "src/cli.ts" },
      formats: ["es"],
    },
    rolldownOptions: {
      external: [
        ...builtinModules,
        /^node:/,
        /^busboy($|\/)/,
        /^fast-xml-parser($|\/)/,
        /^oauth-sign($|\/)/,
      ],
    },
    sourcemap: true,
    minify: false,
    target: "node20",
  },
});
