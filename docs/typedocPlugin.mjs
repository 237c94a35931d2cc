// A TypeDoc plugin for this repository: names each entry point's module after the import path
// users write (`@twentythree-upload/core`) instead of its folder (`core/src`).
import { Converter, ReflectionKind } from "typedoc";

const moduleNames = {
  "core/src": "@twentythree-upload/core",
  "react/src": "@twentythree-upload/react",
  "emulator/src": "@twentythree-upload/emulator",
  "emulator/src/client": "@twentythree-upload/emulator/client",
};

/** @param {import("typedoc").Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getChildrenByKind(ReflectionKind.Module)) {
      const name = moduleNames[module.name];
      if (name === undefined) {
        throw new Error(`typedoc: no package name for the module "${module.name}"`);
      }
      module.name = name;
    }
  });
}
