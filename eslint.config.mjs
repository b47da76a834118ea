// ESLint for the widgets' front-end modules, the site's widget host and script, the build's
// Node script (PurgeCSS, widgets/site/purge.mjs) and the Node tests (`make lint`).
// widgets/views/esm.py puts static/common.js (and, for some widgets, shared parts such as
// static/answers.js) in front of each widget's own file, so their top-level names are globals
// of the widget files. They are read from the files themselves, so the list cannot go stale.
import { readFileSync } from "node:fs";

import js from "@eslint/js";
import globals from "globals";

const STATIC = "widgets/views/static";
/** Files that esm.py puts in front of widget modules (esm.SHARED_PARTS and common.js). */
const SHARED = ["common.js", "answers.js", "scorm.js", "numbers.js", "results.js", "answerfile.js", "selftest.js", "leitner.js"];

function topLevelNames(file) {
  const source = readFileSync(`${STATIC}/${file}`, "utf8");
  const found = source.matchAll(/^(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm);
  return [...found].map((match) => match[1]);
}

const asGlobals = (files) => Object.fromEntries(files.flatMap(topLevelNames).map((name) => [name, "readonly"]));
const sharedGlobals = asGlobals(SHARED);

export default [
  { ignores: ["_build/**", "node_modules/**", ".venv/**"] },
  js.configs.recommended,
  // each shared part sees the names of the parts in front of it
  ...SHARED.map((file, i) => ({
    files: [`${STATIC}/${file}`],
    languageOptions: { sourceType: "script", ecmaVersion: 2022, globals: { ...globals.browser, ...asGlobals(SHARED.slice(0, i)) } },
    rules: { "no-unused-vars": ["error", { vars: "local", caughtErrors: "none" }] },
  })),
  {
    files: [`${STATIC}/*.js`],
    ignores: SHARED.map((file) => `${STATIC}/${file}`),
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.browser, ...sharedGlobals } },
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    files: ["widgets/site/*.mjs"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.node } },
  },
  {
    files: ["widgets/site/service-worker.js"],
    languageOptions: { sourceType: "script", ecmaVersion: 2022, globals: { ...globals.serviceworker, TK_OFFLINE: "readonly" } },
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    files: ["book/_assets/*.js"],
    languageOptions: { sourceType: "script", ecmaVersion: 2022, globals: { ...globals.browser } },
    rules: { "no-unused-vars": ["error", { caughtErrors: "none" }] },
  },
  {
    files: ["tests/js/*.mjs"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.node } },
  },
];
