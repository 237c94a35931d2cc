// The browser range docs/installation.md promises, enforced on the published packages' sources.
// Three layers, because no single tool sees everything:
// - eslint-plugin-compat checks web APIs against MDN's data for `supportedBrowsers` (it finds
//   `structuredClone`, not static methods such as `AbortSignal.timeout`);
// - eslint-plugin-es-x forbids every ECMAScript feature (syntax and built-ins) newer than
//   ES2022, plus class static blocks (ES2022, but Safari 16.4), with type information so that
//   `items.findLast()` is caught while `array.map()` is not taken for an iterator helper;
// - the rules below name the web APIs the plugins miss, with the first browsers that have them.
import path from "node:path";
import compat from "eslint-plugin-compat";
import esX from "eslint-plugin-es-x";

/** The oldest browsers supported (browserslist queries). Keep docs/installation.md in step. */
export const supportedBrowsers = [
  "chrome >= 93",
  "edge >= 93",
  "firefox >= 92",
  "safari >= 15.4",
  "ios_saf >= 15.4",
];

/**
 * Instance members the plugins cannot see (they need the object's type), by the interface that
 * declares them, with the first browsers that have them.
 */
const tooNewMembers = {
  AbortSignal: {
    reason: "Chrome/Edge 98, Firefox 97, Safari 15.4 (it is undefined before)",
    throwIfAborted: "Chrome/Edge 100, Firefox 97, Safari 15.4",
  },
  URLSearchParams: { size: "Chrome/Edge 113, Firefox 112, Safari 17" },
  Body: { bytes: "Chrome/Edge 132, Firefox 128, Safari 18" },
  HTMLElement: {
    inert: "Chrome/Edge 102, Firefox 112, Safari 15.5",
    showPopover: "Chrome/Edge 114, Firefox 125, Safari 17",
    hidePopover: "Chrome/Edge 114, Firefox 125, Safari 17",
    togglePopover: "Chrome/Edge 114, Firefox 125, Safari 17",
  },
  Element: { checkVisibility: "Chrome/Edge 105, Firefox 106, Safari 17.4" },
};

/** Whether `type` (or a union member, or a base type) is declared by interface `name`. */
function declaredBy(type, name, checker, seen = new Set()) {
  if (seen.has(type)) return false;
  seen.add(type);
  if (type.isUnion() || type.isIntersection()) {
    return type.types.some((part) => declaredBy(part, name, checker, seen));
  }
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol?.getName() === name) return true;
  const bases = type.isClassOrInterface() ? checker.getBaseTypes(type) : [];
  return bases.some((base) => declaredBy(base, name, checker, seen));
}

/** @type {import("eslint").Rule.RuleModule} */
const noTooNewMembers = {
  meta: {
    type: "problem",
    docs: { description: "Web API members newer than the supported browsers, found by type." },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program) return {};
    const checker = services.program.getTypeChecker();
    const typeOf = (node) => services.getTypeAtLocation(node);
    return {
      MemberExpression(node) {
        if (node.computed || node.property.type !== "Identifier") return;
        const name = node.property.name;
        for (const [owner, members] of Object.entries(tooNewMembers)) {
          if (Object.hasOwn(members, name) && declaredBy(typeOf(node.object), owner, checker)) {
            context.report({
              node: node.property,
              message: `${owner}.${name} needs ${members[name]}.`,
            });
            return;
          }
        }
      },
      // abort(reason) exists everywhere, but older browsers drop the reason: signal.reason stays
      // undefined and whoever rejects with it rejects with undefined.
      "CallExpression[arguments.length>0] > MemberExpression.callee[property.name='abort']"(node) {
        if (declaredBy(typeOf(node.object), "AbortController", checker)) {
          context.report({
            node: node.property,
            message:
              "AbortController.abort(reason) keeps the reason only from Chrome/Edge 98, " +
              "Firefox 97, Safari 15.4.",
          });
        }
      },
    };
  },
};

const staticMessage = (api, browsers, instead) => `${api} needs ${browsers}: ${instead}`;

/** The flat-config block for `files`. */
export function browserRangeConfig(files) {
  return {
    files,
    ignores: ["**/*.test.{ts,tsx}", "**/*.stories.{ts,tsx}"],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: path.resolve(import.meta.dirname, "../.."),
      },
    },
    plugins: { compat, "es-x": esX, "browser-range": { rules: { members: noTooNewMembers } } },
    settings: { browsers: supportedBrowsers, lintAllEsApis: true },
    rules: {
      "compat/compat": "error",
      ...esX.configs["flat/restrict-to-es2022"].rules,
      ...esX.configs["flat/restrict-to-es2022-intl-api"].rules,
      ...esX.configs["flat/no-new-in-esnext"].rules,
      "es-x/no-class-static-block": "error",
      "browser-range/members": "error",
      "no-restricted-properties": [
        "error",
        {
          object: "AbortSignal",
          property: "timeout",
          message: staticMessage(
            "AbortSignal.timeout",
            "Chrome/Edge 103, Firefox 100, Safari 16",
            "use an AbortController and setTimeout.",
          ),
        },
        {
          object: "AbortSignal",
          property: "any",
          message: staticMessage(
            "AbortSignal.any",
            "Chrome/Edge 116, Firefox 124, Safari 17.4",
            "forward each signal's abort event to one AbortController.",
          ),
        },
        {
          object: "URL",
          property: "canParse",
          message: staticMessage(
            "URL.canParse",
            "Chrome/Edge 120, Firefox 115, Safari 17",
            "try new URL().",
          ),
        },
        {
          object: "URL",
          property: "parse",
          message: staticMessage(
            "URL.parse",
            "Chrome/Edge 126, Firefox 126, Safari 18",
            "try new URL().",
          ),
        },
        {
          object: "Response",
          property: "json",
          message: staticMessage(
            "Response.json",
            "Chrome/Edge 105, Firefox 115, Safari 17",
            "new Response(JSON.stringify(…)).",
          ),
        },
      ],
    },
  };
}
