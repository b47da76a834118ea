// tests/tables/grading.json: is a response complete, does the answer store accept it, is it
// right? With the question states Python made (tests/unit/test_js.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { load, states, table } from "./bundle.mjs";

const { KINDS, cleanResponse, gradeResponse } = await load("quiz", ["KINDS", "cleanResponse", "gradeResponse"]);
const made = states("grading-states.json");
const UNKNOWN = "000000";

/** The table's response (option texts) as the store keeps it (option ids). */
function asIds(state, give) {
  if (give === null || state.kind === "truefalse" || state.kind === "reflection") return give;
  if (state.kind === "matching") {
    const left = Object.fromEntries(state.pairs.map((p) => [p.left, p.id]));
    const right = Object.fromEntries(state.choices.map((c) => [c.text, c.id]));
    return Object.fromEntries(Object.entries(give).map(([l, r]) => [left[l], r === null ? null : right[r] ?? UNKNOWN]));
  }
  const ids = Object.fromEntries(state.options.map((o) => [o.text, o.id]));
  return Array.isArray(give) ? give.map((text) => ids[text] ?? UNKNOWN) : ids[give] ?? UNKNOWN;
}

for (const c of table("grading.json").cases) {
  const state = made[c.name];
  for (const [i, r] of c.responses.entries()) {
    test(`grading: ${c.name} #${i + 1} ${JSON.stringify(r.give)}`, () => {
      const response = asIds(state, r.give);
      assert.equal(KINDS[state.kind].complete(state, response), r.complete);
      if (r.accepted === false) assert.equal(cleanResponse(state, response), undefined);
      else if (r.complete) assert.notEqual(cleanResponse(state, response), undefined);
      if (r.status !== null) assert.equal(gradeResponse(state, response), r.status);
    });
  }
}
