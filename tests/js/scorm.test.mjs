// The SCORM 1.2 parts of the self-test (widgets/views/static/scorm.js) that need no page:
// the API search, session time, score and status, and the guarded calls. The whole chapter in a
// platform is tested in tests/browser/test_scorm.py with scorm-again as the LMS.
import assert from "node:assert/strict";
import { test } from "node:test";

import { load } from "./bundle.mjs";

const { findScormApi, scormTimespan, scormResult, scormConnection, SCORM_SEARCH_LIMIT } = await load("quiz", [
  "findScormApi",
  "scormTimespan",
  "scormResult",
  "scormConnection",
  "SCORM_SEARCH_LIMIT",
]);

const api = { LMSInitialize: () => "true" };

/** A window `depth` frames below a top window that holds `topApi`. */
function framesBelow(depth, topApi, extra = {}) {
  const top = { API: topApi, ...extra };
  top.parent = top;
  let win = top;
  for (let i = 0; i < depth; i += 1) win = { parent: win };
  return win;
}

test("scorm: the API is found in a parent frame, up to the limit, and not beyond", () => {
  assert.equal(findScormApi(framesBelow(0, api)), api);
  assert.equal(findScormApi(framesBelow(SCORM_SEARCH_LIMIT, api)), api);
  assert.equal(findScormApi(framesBelow(SCORM_SEARCH_LIMIT + 1, api)), null);
});

test("scorm: then in the opener's frames; none gives null", () => {
  const win = { opener: framesBelow(2, api) };
  win.parent = win;
  assert.equal(findScormApi(win), api);
  const alone = {};
  alone.parent = alone;
  assert.equal(findScormApi(alone), null);
});

test("scorm: a frame of another origin (access throws) is climbed past; an object without LMSInitialize is no API", () => {
  const top = { API: api };
  top.parent = top;
  const foreign = {
    get API() {
      throw new Error("SecurityError");
    },
    parent: top,
  };
  assert.equal(findScormApi({ parent: foreign }), api);
  assert.equal(findScormApi(framesBelow(1, { LMSInitialize: "not a function" })), null);
});

test("scorm: session time is a SCORM 1.2 CMITimespan", () => {
  assert.equal(scormTimespan(0), "00:00:00.00");
  assert.equal(scormTimespan(61_234), "00:01:01.23");
  assert.equal(scormTimespan((27 * 3600 + 5 * 60 + 9) * 1000 + 990), "27:05:09.99");
  assert.match(scormTimespan(123_456_789), /^\d{2,4}:\d{2}:\d{2}\.\d{2}$/);
});

test("scorm: incomplete until every graded question is answered, then passed or failed at the mastery score", () => {
  const counts = (right, gradedAnswered, graded = 4) => ({ total: graded + 1, graded, answered: gradedAnswered + 1, right, firstRight: 0, gradedAnswered });
  assert.deepEqual(scormResult(counts(3, 3), 70), { score: 75, status: "incomplete" });
  assert.deepEqual(scormResult(counts(3, 4), 70), { score: 75, status: "passed" });
  assert.deepEqual(scormResult(counts(2, 4), 70), { score: 50, status: "failed" });
  assert.deepEqual(scormResult(counts(3, 4), 80), { score: 75, status: "failed" });
  assert.deepEqual(scormResult(counts(0, 0), 70), { score: 0, status: "incomplete" });
  // a test of reflections only has no score
  assert.deepEqual(scormResult({ total: 2, graded: 0, answered: 2, right: 0, firstRight: 0 }, 70), { score: null, status: "completed" });
});

test("scorm: a call that throws, returns false or leaves an error code is reported once and returns null", () => {
  const problems = [];
  const lms = scormConnection(
    {
      LMSSetValue: (element) => (element === "bad" ? "false" : "true"),
      LMSGetValue: (element) => (element === "gone" ? "" : "value"),
      LMSGetLastError: () => "0",
      LMSCommit: () => {
        throw new Error("network");
      },
    },
    () => problems.push("error"),
  );
  assert.equal(lms.set("good", 1), "true");
  assert.equal(lms.get("any"), "value");
  assert.equal(lms.set("bad", 1), null);
  assert.equal(lms.call("LMSCommit", ""), null);
  assert.deepEqual(problems, ["error"]);

  // an optional element the platform does not have is no error
  const partial = scormConnection({ LMSGetValue: () => "", LMSGetLastError: () => "401" }, () => problems.push("optional"));
  assert.equal(partial.optional("cmi.student_data.mastery_score"), null);
  assert.deepEqual(problems, ["error"]);

  const coded = scormConnection({ LMSGetValue: () => "", LMSGetLastError: () => "101" }, () => problems.push("coded"));
  assert.equal(coded.get("cmi.suspend_data"), null);
  assert.deepEqual(problems, ["error", "coded"]);
});
