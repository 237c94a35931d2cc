// One lint setup for the whole repository: typescript-eslint, the React hooks rules,
// jsx-a11y and Storybook's rules; formatting is Prettier's job (eslint-config-prettier last).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import storybook from "eslint-plugin-storybook";
import globals from "globals";
import tseslint from "typescript-eslint";
import { browserRangeConfig } from "./scripts/eslint/browserRange.js";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/storybook-static/**",
      "**/coverage/**",
      "docs/api/**",
      "bench/results/**",
      ".pack/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["**/*.{ts,tsx,js,jsx,mjs}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["**/*.{tsx,jsx}"],
    ...jsxA11y.flatConfigs.recommended,
  },
  // The core package is framework-free and must import in Node and during SSR.
  {
    files: ["packages/core/src/**/*.ts"],
    ignores: ["packages/core/src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "react/*", "react-dom/*"],
              message: "core has no React import.",
            },
            { group: ["node:*"], message: "core runs in browsers: no Node built-ins." },
          ],
        },
      ],
    },
  },
  // The published browser code must run in the range docs/installation.md promises.
  browserRangeConfig(["packages/core/src/**/*.{ts,tsx}", "packages/react/src/**/*.{ts,tsx}"]),
  // Scripts, CLIs, benches and servers print on purpose.
  {
    files: [
      "scripts/**",
      "bench/**",
      "docs/snippets/**",
      "examples/*/server/**",
      "packages/emulator/src/cli.ts",
      "**/*.mjs",
    ],
    rules: { "no-console": "off" },
  },
  ...storybook.configs["flat/recommended"],
  prettier,
);
