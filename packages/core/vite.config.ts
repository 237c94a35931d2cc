import { defineConfig } from "vite";

// Library build only; tests are configured in the root vite.config.ts.
export default defineConfig({
  build: {
    lib: { entry: "src/index.ts", formats: ["es"], fileName: "index" },
    rolldownOptions: {
      external: [/^fast-xml-parser($|\/)/],
      // One file per module, so that the transports loaded with import() stay separate chunks
      // in the apps that bundle this package, and unused modules are never even parsed.
      output: { preserveModules: true, preserveModulesRoot: "src", entryFileNames: "[name].js" },
    },
    sourcemap: true,
    minify: false,
    target: "es2022",
  },
});
