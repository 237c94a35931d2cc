import { defineConfig } from "vite";

// Library build only; tests are configured in the root vite.config.ts.
export default defineConfig({
  build: {
    lib: { entry: "src/index.ts", formats: ["es"], fileName: "index" },
    rolldownOptions: { external: [/^fast-xml-parser($|\/)/] },
    sourcemap: true,
    minify: false,
    target: "es2022",
  },
});
