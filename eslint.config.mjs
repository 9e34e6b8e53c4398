import { builtinModules } from "node:module";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering of docs/architecture.md, enforced. ESLint does not merge two settings of one rule for the same
// file (the later block replaces the earlier), so each zone below states every import restriction that applies
// to it, and the zones are disjoint.

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/*.int.test.ts", "**/test/**"];

const CLIENT_NODE = {
  regex: "^@kubernetes/client-node(/|$)",
  message: "Only server/kube/ talks to clusters: import the server/kube helper instead of client-node.",
};
const LAB = {
  regex: "^(@/lab|(\\.\\./)+lab)(/|$)",
  message: "The lab is a separate program: product code never imports lab/ (tests and scripts may start it).",
};
// Root files that run in the product (Next's instrumentation and proxy) reach lab/ as "./lab".
const ROOT_LAB = { ...LAB, regex: "^(@/|\\./)lab(/|$)" };
const PRODUCT = {
  regex: "^(@/|(\\.\\./)+(lib|server|app|components)(/|$))",
  message: "The lab shares no code with the product (no lib/, server/, app/, components/, @/ imports): it must catch the product's mistakes, not repeat them.",
};
const nodeNames = builtinModules.filter((m) => !m.startsWith("_"));
const NODE_BUILTINS = [
  { regex: "^node:", message: "lib/ is pure and isomorphic: no Node built-ins (do the I/O in server/ and pass the result in)." },
  { regex: `^(${nodeNames.join("|")})(/|$)`, message: "lib/ is pure and isomorphic: no Node built-ins (do the I/O in server/ and pass the result in)." },
];

// Dynamic import() escapes no-restricted-imports; the same patterns as selectors. esquery's regex literals
// cannot hold a "/", so it is written \x2F.
const dynamicImports = (restrictions) =>
  restrictions.map(({ regex, message }) => ({ selector: `ImportExpression[source.value=/${regex.replaceAll("/", "\\x2F")}/]`, message }));

const zone = (name, files, ignores, restrictions, extra = {}) => ({
  name: `layering/${name}`,
  files,
  ignores,
  rules: {
    "no-restricted-imports": ["error", { patterns: restrictions }],
    "no-restricted-syntax": ["error", ...dynamicImports(restrictions), ...(extra.syntax ?? [])],
    ...(extra.rules ?? {}),
  },
});

const LIB_GLOBALS = ["process", "Buffer", "global", "require", "__dirname", "__filename"].map((name) => ({
  name,
  message: "lib/ is pure and isomorphic: no process state or Node globals (configuration is read once in server/env.ts).",
}));
const LIB_SYNTAX = [
  { selector: "MemberExpression[object.name='globalThis'][property.name=/^(process|Buffer|require)$/]", message: LIB_GLOBALS[0].message },
];

const layering = [
  zone("product", ["app/**", "components/**", "server/**"], ["server/kube/**", ...TESTS], [CLIENT_NODE, LAB]),
  zone("product-root", ["instrumentation.ts", "proxy.ts"], [], [CLIENT_NODE, ROOT_LAB]),
  zone("server-kube", ["server/kube/**"], TESTS, [LAB]),
  zone("lib", ["lib/**"], TESTS, [CLIENT_NODE, LAB, ...NODE_BUILTINS], {
    syntax: LIB_SYNTAX,
    rules: { "no-restricted-globals": ["error", ...LIB_GLOBALS] },
  }),
  // lib's tests may start a lab, but stay as pure as the code they test.
  zone("lib-tests", TESTS.map((t) => `lib/${t}`), [], [CLIENT_NODE, ...NODE_BUILTINS], {
    syntax: LIB_SYNTAX,
    rules: { "no-restricted-globals": ["error", ...LIB_GLOBALS] },
  }),
  zone("lab", ["lab/**"], [], [PRODUCT]),
  zone("scripts", ["scripts/**", "e2e/**"], [], [CLIENT_NODE]),
];

// Type-aware rules that catch real bugs cheaply: a promise nobody awaits (its rejection is lost), a promise where
// a void callback is expected (an event handler whose failure nobody sees), and `await` on a non-thenable.
const typeAware = {
  name: "type-aware",
  files: ["**/*.ts", "**/*.tsx"],
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  rules: {
    "@typescript-eslint/no-floating-promises": "error",
    // React's onClick={async () => …} is fine: React ignores the returned promise by design.
    "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    "@typescript-eslint/await-thenable": "error",
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "dist/**", "node_modules/**", ".lab/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
    },
  },
  typeAware,
  ...layering,
];

export default config;
