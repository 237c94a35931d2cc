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
  // properties are not required here). The names below predate this check: documentation debt
  // for their owners. Document one and remove it from the list (TypeDoc says so).
  packagesRequiringDocumentation: [
    "@twentythree-upload/core",
    "@twentythree-upload/react",
    "@twentythree-upload/emulator",
  ],
  requiredToBeDocumented: ["Enum", "Variable", "Function", "Class", "Interface", "TypeAlias"],
  intentionallyNotDocumented: [
    "@twentythree-upload/core.Uploader.subscribe",
    "@twentythree-upload/core.Uploader.getSnapshot",
    "@twentythree-upload/core.Uploader.setOptions",
    "@twentythree-upload/react.UploadQueueState.start",
    "@twentythree-upload/react.UploadQueueState.cancel",
    "@twentythree-upload/react.UploadQueueState.retry",
    "@twentythree-upload/react.UploadQueueState.remove",
    "@twentythree-upload/emulator.Emulator.tokens",
    "@twentythree-upload/emulator.Emulator.uploads",
    "@twentythree-upload/emulator.Emulator.requests",
    "@twentythree-upload/emulator.Emulator.returns",
    "@twentythree-upload/emulator.Emulator.addFault",
    "@twentythree-upload/emulator.Emulator.clearFaults",
    "@twentythree-upload/emulator.DEFAULT_BEARER_TOKEN",
    "@twentythree-upload/emulator.DEFAULT_CREDENTIALS",
    "@twentythree-upload/emulator.DEFAULT_REFUSE_TYPES",
    "@twentythree-upload/react.DropZoneProps.onDragEnter",
    "@twentythree-upload/react.DropZoneProps.onDragOver",
    "@twentythree-upload/react.DropZoneProps.onDragLeave",
    "@twentythree-upload/react.DropZoneProps.onDrop",
    "@twentythree-upload/react.DropZoneProps.onClick",
    "@twentythree-upload/react.DropZoneProps.onKeyDown",
    "@twentythree-upload/react.FilePickerInputProps.onChange",
    "@twentythree-upload/react.FilePickerTriggerProps.onClick",
    "@twentythree-upload/emulator.ResolvedOptions.logger",
  ],
  treatWarningsAsErrors: true,
  hidePageHeader: true,
};

export default config;
