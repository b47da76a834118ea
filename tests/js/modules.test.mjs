// Every widget module loads as the widgets ship it: common.js, the shared parts and the
// widget's own file in one module (a name declared twice would be a SyntaxError here).
import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./bundle.mjs";

for (const name of ["quiz", "overview", "plan", "profile", "explorer"]) {
  test(`module ${name} loads and has render()`, async () => {
    const mod = await load(name, []);
    assert.equal(typeof mod.default.render, "function");
  });
}
