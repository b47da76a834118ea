// tests/tables/answer_files.json through answerfile.js (checkAnswerFile, readAnswerFile);
// tests/unit/test_answer_files.py runs the same table through widgets/content/answer_files.py.
import assert from "node:assert/strict";
import { test } from "node:test";

import { load, table } from "./bundle.mjs";

const { readAnswerFile, makeAnswerFile, answerFileName } = await load("overview", ["readAnswerFile", "makeAnswerFile", "answerFileName"]);
const { base, cards, cases } = table("answer_files.json");

/** The bytes of a case, made as the Python test makes them. */
function caseBytes(c) {
  if (c.hex !== undefined) return Uint8Array.from(c.hex.match(/../g).map((b) => parseInt(b, 16)));
  if (c.text !== undefined) return new TextEncoder().encode(c.text);
  let value = c.value !== undefined ? c.value : { ...structuredClone(base), ...(c.patch || {}) };
  if (value && typeof value === "object" && !Array.isArray(value)) for (const key of c.remove || []) delete value[key];
  let text = JSON.stringify(value);
  if (c.truncate !== undefined) text = text.slice(0, c.truncate);
  if (c.pad !== undefined) text += " ".repeat(c.pad);
  if (c.bom) text = "\ufeff" + text;
  return new TextEncoder().encode(text);
}

for (const c of cases) {
  test(`answers file: ${c.name}`, () => {
    const found = readAnswerFile(caseBytes(c), cards);
    if (c.problem) assert.equal(found.problem, c.problem);
    else {
      assert.equal(found.problem, undefined);
      assert.equal(found.answered, c.ok.answered);
      assert.deepEqual(found.skipped, c.ok.skipped);
    }
  });
}

test("a file written is read back the same", () => {
  const records = { "kapitel-a": { q1: { response: "o2", status: "wrong", first: "wrong", tries: 1, time: 5, fp: "aaaaaaaa" } } };
  const text = makeAnswerFile({ records, profile: { mal: 2 }, plan: null, name: "  Räven ", course: "v1", saved: new Date("2026-11-29T10:00:00Z") });
  const found = readAnswerFile(text, cards);
  assert.equal(found.name, "Räven");
  assert.deepEqual(found.records["kapitel-a"].q1, records["kapitel-a"].q1);
  assert.deepEqual(found.profile, { mal: 2 });
  assert.equal(answerFileName("Räven Ö", new Date("2026-11-29T10:00:00Z")), "tillitskursen-svar-raven-o-2026-11-29.json");
});
