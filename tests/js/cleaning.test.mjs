// tests/tables/cleaning.json: plan.js cleanAnswers and profile.js cleanRatings (Python runs the
// same table through check_answers and check_ratings).
import assert from "node:assert/strict";
import { test } from "node:test";

import { load, table } from "./bundle.mjs";

const { cleanAnswers } = await load("plan", ["cleanAnswers"]);
const { cleanRatings } = await load("profile", ["cleanRatings"]);
const { plan, profile } = table("cleaning.json");

for (const c of plan.cases) {
  test(`plan: ${c.name}`, () => assert.deepEqual(cleanAnswers(c.input, plan.prompts, plan.max_length), c.clean));
}
for (const c of profile.cases) {
  test(`profile: ${c.name}`, () => assert.deepEqual(cleanRatings(c.input, profile.hallmarks), c.clean));
}
