// TypeDoc: the API reference generated from the TSDoc of the three packages' entry points, as
// Markdown in docs/api (committed, so it reads on GitHub). `pnpm check:docs` regenerates it and
// fails when the committed copy is out of date, or on any TypeDoc warning (an export without
// TSDoc, a broken {@link}, a type that is used but not exported).
import { OptionDefaults } from "typedoc";

/** @type {Partial<import("typedoc").TypeDocOptions & import("typedoc-plugin-markdown").PluginOptions>} */
const config = {
  name: "twentythree-upload API",
  entryPoints: [
    "packages/core/src/index.ts",
    "packages/react/src/index.ts",
    "packages/emulator/src/index.ts",
    "packages/emulator/src/client.ts",
  ],
  tsconfig: "docs/tsconfig.typedoc.json",
  plugin: ["typedoc-plugin-markdown", "./docs/typedocPlugin.mjs"],
  out: "docs/api",
  readme: "none",
  // No "Defined in file:line" links: there is no stable remote, and line numbers would make
  // every unrelated edit a change to the committed reference.
  disableSources: true,
  // Type errors are `pnpm typecheck`'s job; this only documents.
  skipErrorChecking: true,
  excludeInternal: true,
  excludePrivate: true,
  // Props that extend DOM attributes would otherwise list every attribute of @types/react.
  excludeExternals: true,
  // Components document their CSS hooks with `@selector [data-state]`.
  blockTags: [...OptionDefaults.blockTags, "@selector"],
  // Named in a comment, deliberately not exported.
  externalSymbolLinkMappings: { "@twentythree-upload/react": { useUploadForm: "#" } },
  validation: { notExported: true, invalidLink: true, rewrittenLink: true, notDocumented: true },
  // Every exported function, class, interface, type and variable needs TSDoc (members and
  // properties are not required here, though the standards ask for them on public options).
  packagesRequiringDocumentation: [
    "@twentythree-upload/core",
    "@twentythree-upload/react",
    "@twentythree-upload/emulator",
  ],
  requiredToBeDocumented: ["Enum", "Variable", "Function", "Class", "Interface", "TypeAlias"],
  // No exceptions (`intentionallyNotDocumented` used to list names that predate this check):
  // a new export without TSDoc fails `pnpm docs:api` and `pnpm check:docs`.
  treatWarningsAsErrors: true,
  hidePageHeader: true,
};

export default config;
