// The answer store (answers.js): re-grading, damaged data, serialisation and its size.
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { load, states } from "./bundle.mjs";

const names = [
  "checkedRecord", "openRecord", "revealedRecord", "serialiseChapter", "parseChapter", "serialiseCourse",
  "parseCourse", "countAnswers", "openAnswers", "clearAllAnswers", "cleanText", "ANSWERS_BUDGET",
  "ANSWERS_MAX_TEXT", "REFLECTION_MAX", "KINDS",
];
const A = await load("quiz", names);
const chapters = states("chapter-states.json");
const CHAPTER = "vad-ar-tillit";
const cards = chapters[CHAPTER];
const byKind = (kind) => cards.find((card) => card.kind === kind);

/** A store like openStore() without a browser. */
function memoryStore(initial = {}) {
  const data = new Map(Object.entries(initial));
  return {
    available: true,
    getText: (key) => (data.has(key) ? data.get(key) : null),
    setText: (key, text) => data.set(key, text),
    keys: (prefix) => [...data.keys()].filter((key) => key.startsWith(prefix || "")),
    remove: (key) => data.delete(key),
    data,
  };
}

function wrongOf(card) {
  if (card.kind === "truefalse") return !card.key;
  if (card.kind === "single") return card.accepts.find((id) => id !== card.key);
  if (card.kind === "multiple") return card.accepts.filter((id) => !card.key.includes(id)).slice(0, 1);
  if (card.kind === "matching") {
    const rights = Object.values(card.key);
    return Object.fromEntries(Object.keys(card.key).map((left, i) => [left, rights[(i + 1) % rights.length]]));
  }
  return "text";
}

/** Every question answered: graded ones right, the reflection written. */
function answeredRecords() {
  const records = {};
  for (const card of cards) records[card.id] = A.checkedRecord(card, undefined, card.graded ? card.key : "Mitt svar.");
  return records;
}

test("a chapter survives serialising and reading back, re-graded", () => {
  const records = answeredRecords();
  const text = A.serialiseChapter(CHAPTER, records);
  const { records: back, notes } = A.parseChapter(text, CHAPTER, cards);
  assert.deepEqual(back, records);
  assert.deepEqual(notes, { changed: [], removed: 0, damaged: 0, unreadable: false, version: false });
  assert.equal(JSON.parse(text).v, 1);
});

test("retries and Börja om do not raise the first-try count", () => {
  const card = byKind("single");
  let record = A.checkedRecord(card, undefined, wrongOf(card));
  record = A.openRecord(card, record, record.response);
  record = A.checkedRecord(card, record, card.key);
  assert.deepEqual([record.status, record.first, record.tries], ["right", "wrong", 2]);
  const counts = A.countAnswers({ [card.id]: record }, cards);
  assert.deepEqual([counts.right, counts.firstRight, counts.answered], [1, 0, 1]);
  const again = A.openRecord(card, record);
  assert.deepEqual(A.countAnswers({ [card.id]: again }, cards), { total: cards.length, graded: counts.graded, answered: 0, right: 0, firstRight: 0 });
  const revealed = A.revealedRecord(card, A.checkedRecord(card, undefined, wrongOf(card)));
  assert.deepEqual([revealed.status, revealed.first, revealed.response], ["revealed", "wrong", null]);
});

/** The stored text of `records` with `edit(rows)` applied to its rows. */
function edited(edit, records = answeredRecords()) {
  const data = JSON.parse(A.serialiseChapter(CHAPTER, records));
  edit(data.q, data);
  return JSON.stringify(data);
}

const single = byKind("single");
const reflection = byKind("reflection");
const DAMAGE = [
  ["not JSON", () => "{v:1", { unreadable: true }, 0],
  ["a JSON list", () => "[1,2]", { unreadable: true }, 0],
  ["unknown version", () => edited((q, d) => (d.v = 2)), { version: true }, 0],
  ["no version", () => edited((q, d) => delete d.v), { version: true }, 0],
  ["another chapter's answers", () => edited((q, d) => (d.c = "risker")), { unreadable: true }, 0],
  ["too long", () => edited((q, d) => (d.pad = "x".repeat(A.ANSWERS_MAX_TEXT))), { unreadable: true }, 0],
  ["rows not an object", () => edited((q, d) => (d.q = [1])), { unreadable: true }, 0],
  ["a changed question (other fingerprint)", () => edited((q) => (q[single.id][0] = "00000000")), { changed: [single.id] }, 1],
  ["a removed question", () => edited((q) => (q["fanns-forr"] = q[single.id])), { removed: 1 }, 0],
  ["a short row", () => edited((q) => q[single.id].pop()), { damaged: 1 }, 1],
  ["an unknown option", () => edited((q) => (q[single.id][5] = "zzzzzz")), { damaged: 1 }, 1],
  ["an unknown status", () => edited((q) => (q[single.id][1] = "z")), { damaged: 1 }, 1],
  ["negative tries", () => edited((q) => (q[single.id][3] = -1)), { damaged: 1 }, 1],
  ["a time that is text", () => edited((q) => (q[single.id][4] = "igår")), { damaged: 1 }, 1],
  ["a revealed answer with a response", () => edited((q) => (q[single.id][1] = "v")), { damaged: 1 }, 1],
  ["a reflection that is too long", () => edited((q) => (q[reflection.id][5] = "x".repeat(A.REFLECTION_MAX + 1))), { damaged: 1 }, 1],
  ["a reflection with control characters", () => edited((q) => (q[reflection.id][5] = "a\u0001b")), { damaged: 1 }, 1],
];

for (const [name, make, expected, lost] of DAMAGE) {
  test(`damaged: ${name} → a clean start for the affected questions only`, () => {
    const { records, notes } = A.parseChapter(make(), CHAPTER, cards);
    const want = { changed: [], removed: 0, damaged: 0, unreadable: false, version: false, ...expected };
    assert.deepEqual(notes, want);
    const whole = want.unreadable || want.version;
    assert.equal(Object.keys(records).length, whole ? 0 : cards.length - lost);
    for (const record of Object.values(records)) assert.ok(["right", "reflected"].includes(record.status));
  });
}

test("a stored 'right' that is wrong for the current question counts as wrong", () => {
  const text = edited((q) => (q[single.id][5] = wrongOf(single)));
  const { records } = A.parseChapter(text, CHAPTER, cards);
  assert.equal(records[single.id].status, "wrong");
  assert.equal(A.countAnswers(records, cards).right, A.countAnswers(answeredRecords(), cards).right - 1);
});

test("answers kept before version 1 are reported, not read, and go on the next save", () => {
  const store = memoryStore({ "quiz:vad-ar-tillit": '{"sarbarhet": {"response": 0, "status": "right"}}' });
  const saved = A.openAnswers(store, CHAPTER, cards);
  assert.equal(saved.notes.version, true);
  assert.deepEqual(saved.records, {});
  saved.records[single.id] = A.checkedRecord(single, undefined, single.key);
  saved.save();
  assert.equal(store.getText("quiz:vad-ar-tillit"), null);
  assert.equal(A.openAnswers(store, CHAPTER, cards).notes.version, false);
});

test("clearing removes self-test answers only", () => {
  const store = memoryStore({ "answers:a": "{}", "answers:b": "{}", "quiz:c": "{}", plan: "{}", profile: "{}", "explorer:x": "1" });
  A.clearAllAnswers(store);
  assert.deepEqual([...store.data.keys()].sort(), ["explorer:x", "plan", "profile"]);
});

test("all chapters in one text; a damaged chapter does not touch the others", () => {
  const byChapter = Object.fromEntries(Object.keys(chapters).map((c) => [c, {}]));
  byChapter[CHAPTER] = answeredRecords();
  const text = serialise();
  function serialise() {
    return A.serialiseCourse(byChapter);
  }
  const { records, notes } = A.parseCourse(text, chapters);
  assert.deepEqual(records[CHAPTER], byChapter[CHAPTER]);
  const data = JSON.parse(text);
  data.a.risker = "trasig";
  data.a["borttaget-kapitel"] = {};
  const damaged = A.parseCourse(JSON.stringify(data), chapters);
  assert.equal(damaged.notes.risker.unreadable, true);
  assert.deepEqual(damaged.records[CHAPTER], byChapter[CHAPTER]);
  assert.equal(Object.hasOwn(damaged.records, "borttaget-kapitel"), false);
  const unreadable = A.parseCourse("inte json", chapters);
  assert.equal(unreadable.notes[CHAPTER].unreadable, true);
  assert.equal(notes[CHAPTER].damaged, 0);
});

/** The longest record each question can have: every option chosen, most tries, a reflection
 * of REFLECTION_MAX characters that JSON writes with two characters each. */
function worstRecords(chapterCards) {
  const records = {};
  for (const card of chapterCards) {
    const response = {
      single: () => card.accepts.reduce((a, b) => (b.length > a.length ? b : a)),
      multiple: () => [...card.accepts],
      truefalse: () => false,
      matching: () => ({ ...card.key }),
      reflection: () => '"'.repeat(A.REFLECTION_MAX),
    }[card.kind]();
    const record = A.checkedRecord(card, undefined, response);
    records[card.id] = { ...record, status: card.graded ? "wrong" : "reflected", first: card.graded ? "wrong" : null, tries: 9999, time: 9999999999 };
  }
  return records;
}

test(`one chapter always fits SCORM's suspend_data (${4096} characters)`, () => {
  const lengths = {};
  for (const [chapter, chapterCards] of Object.entries(chapters)) {
    const text = A.serialiseChapter(chapter, worstRecords(chapterCards));
    lengths[chapter] = text.length;
    assert.ok(text.length <= A.ANSWERS_BUDGET, `${chapter}: ${text.length} > ${A.ANSWERS_BUDGET}`);
    const { records, notes } = A.parseChapter(text, chapter, chapterCards);
    assert.equal(Object.keys(records).length, chapterCards.length, JSON.stringify(notes));
  }
  const largest = Object.entries(chapters).sort((a, b) => b[1].length - a[1].length)[0][0];
  const all = Object.fromEntries(Object.entries(chapters).map(([c, cs]) => [c, worstRecords(cs)]));
  const report = { largest, questions: chapters[largest].length, worst: lengths[largest], longest: Math.max(...Object.values(lengths)), lengths, course: A.serialiseCourse(all).length };
  if (process.env.TK_BUNDLES) writeFileSync(join(process.env.TK_BUNDLES, "worst-case.json"), JSON.stringify(report));
});
