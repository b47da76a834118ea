// ESLint for the widgets' front-end modules, the site's widget host and the build's Node
// script (PurgeCSS, widgets/site/purge.mjs) (`make lint`).
// widgets/views/static/common.js is prepended to each widget module (widgets/views/esm.py),
// so its helpers are globals of every widget file.
import js from "@eslint/js";
import globals from "globals";

const commonHelpers = Object.fromEntries(
  ["fmt", "makeT", "h", "renderMarkup", "safeUrl", "openStore", "uniqueId", "sync",
   "MARKUP", "SCHEME", "STORE_PREFIX", "idCounter"].map((name) => [name, "readonly"])
);

export default [
  { ignores: ["_build/**", "node_modules/**", ".venv/**"] },
  js.configs.recommended,
  {
    files: ["widgets/views/static/common.js"],
    languageOptions: { sourceType: "script", ecmaVersion: 2022, globals: { ...globals.browser } },
    rules: { "no-unused-vars": ["error", { vars: "local", caughtErrors: "none" }] },
  },
  {
    files: ["widgets/views/static/*.js"],
    ignores: ["widgets/views/static/common.js"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.browser, ...commonHelpers } },
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    files: ["widgets/site/*.mjs"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.node } },
  },
  {
    files: ["book/_assets/*.js"],
    languageOptions: { sourceType: "script", ecmaVersion: 2022, globals: { ...globals.browser } },
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
];
