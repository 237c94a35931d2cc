import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Library build only; tests are configured in the root vite.config.ts.
export default defineConfig({
  plugins: [react()],
  build: {
    lib: { entry: "src/index.ts", formats: ["es"], fileName: "index" },
    rolldownOptions: {
      external: [
        /^react($|\/)/,
        /^react-dom($|\/)/,
        /^@tanstack\/react-query($|\/)/,
        /^@tanstack\/react-virtual($|\/)/,
        /^@twentythree-upload\/core($|\/)/,
      ],
      // One file per module, so that the virtualized rows loaded with import() stay a separate
      // chunk in the apps that bundle this package.
      output: { preserveModules: true, preserveModulesRoot: "src", entryFileNames: "[name].js" },
    },
    sourcemap: true,
    minify: false,
    target: "es2022",
  },
});
