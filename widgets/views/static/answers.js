/*
 * The answer store: a learner's self-test answers, re-graded against the current questions.
 * widgets/views/esm.py puts this file between common.js and quiz.js / overview.js, so a
 * chapter's score and Min översikt count with the same functions (and a SCORM package or an
 * export page can use them too). Documented for reuse in widgets/README.md.
 *
 * CARDS. Python gives one card per question (widgets.content.questions.Question.card):
 *   {id, fp, graded, key?, accepts?}
 * fp is a hash of the parts that decide the right answer; key is the right answer as a
 * response; accepts lists the option ids a response may use. A response is:
 *   single → option id; multiple → option ids; truefalse → true/false;
 *   matching → {left id: right id}; reflection → text.
 *
 * RECORDS (in memory), one per question answered or tried:
 *   {response, status, first, tries, time, fp}
 *   status: "right" | "wrong" | "revealed" | "reflected" | "open" (tried, then "Försök igen"
 *   or "Börja om testet"; a reflection's unsent draft is "open" too);
 *   first: "right" | "wrong" | null, the result of the first check (never changes);
 *   tries: how many times the learner pressed Kontrollera; time: Unix seconds of the last change.
 *
 * SERIALISATION (what localStorage holds under "tillitskursen:v1:answers:<chapter>", what a
 * SCORM package can put in cmi.suspend_data, max 4,096 characters; see ANSWERS_BUDGET):
 *   one chapter:  {"v":1,"c":"<chapter>","q":{"<question id>":[fp, s, f, tries, time, response]}}
 *   all chapters: {"v":1,"a":{"<chapter>":{"<question id>":[…]}, …}}
 * with s one of "r" right, "w" wrong, "v" revealed, "x" reflected, "o" open; f "r", "w" or "";
 * response null for a revealed question (the view shows the key) and for one opened again by
 * Börja om testet; an open question after Försök igen keeps the response the learner may change. Reading never throws: a record that is
 * damaged, for a removed question or for a changed question (other fp) is left out and counted in
 * the notes; an unreadable, too long or unknown-version text leaves out that chapter only.
 */

const ANSWERS_VERSION = 1;
const ANSWERS_KEY = "answers:";
/** Where answers were kept before version 1 (positions, no fingerprints): read as unknown. */
const LEGACY_ANSWERS_KEY = "quiz:";
/** A stored chapter longer than this is damaged (the real worst case is ≤ ANSWERS_BUDGET). */
const ANSWERS_MAX_TEXT = 16384;
/** What one chapter must fit in: SCORM 1.2's cmi.suspend_data (tests/js/answers.test.mjs). */
const ANSWERS_BUDGET = 4096;
/** Characters of a reflection that are kept. */
const REFLECTION_MAX = 1000;
const STATUS_CODES = { right: "r", wrong: "w", revealed: "v", reflected: "x", open: "o" };
const STATUS_NAMES = Object.fromEntries(Object.entries(STATUS_CODES).map(([name, code]) => [code, name]));
const FIRST_CODES = { right: "r", wrong: "w" };
const ANSWERED = ["right", "wrong", "revealed", "reflected"];

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The same value with arrays sorted and object keys in order, for comparing. */
function canonical(value) {
  if (Array.isArray(value)) return [...value].map(canonical).sort();
  if (isPlainObject(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}

function sameValue(a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** A reflection as it is kept: no control characters but newlines, no lone surrogates, capped. */
function cleanText(text) {
  return String(text)
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\x00-\x09\x0b-\x1f\x7f]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .slice(0, REFLECTION_MAX);
}

/**
 * A response in its canonical form if it is one the card accepts, else undefined.
 * The check depends only on the card's key (its type and its ids), not on the kind.
 */
function cleanResponse(card, response) {
  const accepts = new Set(card.accepts || []);
  if (!card.graded) return typeof response === "string" && cleanText(response) === response ? response : undefined;
  const key = card.key;
  if (typeof key === "boolean") return typeof response === "boolean" ? response : undefined;
  if (typeof key === "string") return typeof response === "string" && accepts.has(response) ? response : undefined;
  if (Array.isArray(key)) {
    if (!Array.isArray(response) || !response.length) return undefined;
    const chosen = [...new Set(response)];
    return chosen.length === response.length && chosen.every((id) => accepts.has(id)) ? chosen.sort() : undefined;
  }
  if (isPlainObject(key)) {
    if (!isPlainObject(response)) return undefined;
    const rows = Object.keys(key);
    if (!sameValue(Object.keys(response), rows)) return undefined;
    return rows.every((row) => typeof response[row] === "string" && accepts.has(response[row])) ? canonical(response) : undefined;
  }
  return undefined;
}

/** "right" or "wrong" for a graded card; "reflected" for a reflection. */
function gradeResponse(card, response) {
  if (!card.graded) return "reflected";
  return sameValue(response, card.key) ? "right" : "wrong";
}

function now() {
  return Math.floor(Date.now() / 1000);
}

/** A record after the learner pressed Kontrollera (or Visa modellsvar) with `response`. */
function checkedRecord(card, previous, response) {
  const status = gradeResponse(card, response);
  const first = previous?.first ?? (card.graded ? status : null);
  return { response, status, first, tries: (previous?.tries || 0) + 1, time: now(), fp: card.fp };
}

/** A record after Visa svaret: the right answer shown, the first result kept. */
function revealedRecord(card, previous) {
  return { response: null, status: "revealed", first: previous?.first ?? null, tries: previous?.tries || 0, time: now(), fp: card.fp };
}

/** A record open for a new try (Försök igen, Börja om testet): the history kept. */
function openRecord(card, previous, response = null) {
  return { response, status: "open", first: previous?.first ?? null, tries: previous?.tries || 0, time: now(), fp: card.fp };
}

function encodeRecord(record) {
  return [record.fp, STATUS_CODES[record.status], FIRST_CODES[record.first] || "", record.tries, record.time, record.response ?? null];
}

/** A stored row as a record for `card`, or a reason it cannot be one. */
function decodeRecord(card, row) {
  if (!Array.isArray(row) || row.length !== 6) return { problem: "damaged" };
  const [fp, s, f, tries, time, response] = row;
  if (typeof fp !== "string") return { problem: "damaged" };
  if (fp !== card.fp) return { problem: "changed" };
  const status = STATUS_NAMES[s];
  const first = { r: "right", w: "wrong", "": null }[f];
  if (!status || first === undefined || !Number.isInteger(tries) || tries < 0 || tries > 9999 || !Number.isInteger(time) || time < 0) {
    return { problem: "damaged" };
  }
  if (card.graded && (status === "reflected" || (first === null && tries > 0))) return { problem: "damaged" };
  if (!card.graded && !["reflected", "open"].includes(status)) return { problem: "damaged" };
  let clean = null;
  if (status === "revealed" && response !== null) return { problem: "damaged" };
  if (response !== null || ["right", "wrong", "reflected"].includes(status)) {
    clean = cleanResponse(card, response);
    if (clean === undefined) return { problem: "damaged" };
  }
  // re-grade against the current question: the stored status is never trusted
  const regraded = ["right", "wrong"].includes(status) ? gradeResponse(card, clean) : status;
  return { record: { response: clean, status: regraded, first, tries, time, fp } };
}

function emptyNotes() {
  return { changed: [], removed: 0, damaged: 0, unreadable: false, version: false };
}

/** The records of one chapter from its stored rows ({question id: row}), checked against the cards. */
function readRows(rows, cards, notes) {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const records = {};
  if (!isPlainObject(rows)) {
    notes.unreadable = true;
    return records;
  }
  for (const [id, row] of Object.entries(rows)) {
    const card = byId.get(id);
    if (!card) {
      notes.removed += 1;
      continue;
    }
    const { record, problem } = decodeRecord(card, row);
    if (record) records[id] = record;
    else if (problem === "changed") notes.changed.push(id);
    else notes.damaged += 1;
  }
  return records;
}

function parseJson(text, notes) {
  if (typeof text !== "string" || text.length > ANSWERS_MAX_TEXT) {
    notes.unreadable = true;
    return null;
  }
  try {
    const data = JSON.parse(text);
    if (!isPlainObject(data)) throw new Error("not an object");
    if (data.v !== ANSWERS_VERSION) {
      notes.version = true;
      return null;
    }
    return data;
  } catch (err) {
    notes.unreadable = true;
    return null;
  }
}

/** One chapter's records as text: {"v":1,"c":chapter,"q":{id: row}}. */
function serialiseChapter(chapter, records) {
  const q = {};
  for (const [id, record] of Object.entries(records)) q[id] = encodeRecord(record);
  return JSON.stringify({ v: ANSWERS_VERSION, c: chapter, q });
}

/** {records, notes} from one chapter's text; never throws. */
function parseChapter(text, chapter, cards) {
  const notes = emptyNotes();
  if (text === null || text === undefined) return { records: {}, notes };
  const data = parseJson(text, notes);
  if (!data) return { records: {}, notes };
  if (data.c !== chapter) {
    notes.unreadable = true;
    return { records: {}, notes };
  }
  return { records: readRows(data.q, cards, notes), notes };
}

/** Every chapter's records as one text: {"v":1,"a":{chapter: {id: row}}}. */
function serialiseCourse(recordsByChapter) {
  const a = {};
  for (const [chapter, records] of Object.entries(recordsByChapter)) {
    a[chapter] = JSON.parse(serialiseChapter(chapter, records)).q;
  }
  return JSON.stringify({ v: ANSWERS_VERSION, a });
}

/**
 * {records: {chapter: records}, notes: {chapter: notes}} from a course text, checked against
 * `cardsByChapter` ({chapter: cards}); chapters the course no longer has are left out.
 */
function parseCourse(text, cardsByChapter) {
  const top = emptyNotes();
  const data = parseJson(text, top);
  const records = {};
  const notes = {};
  for (const [chapter, cards] of Object.entries(cardsByChapter)) {
    notes[chapter] = emptyNotes();
    if (!data) {
      Object.assign(notes[chapter], { unreadable: top.unreadable, version: top.version });
      records[chapter] = {};
      continue;
    }
    const rows = isPlainObject(data.a) ? data.a[chapter] : null;
    records[chapter] = rows === undefined ? {} : readRows(rows, cards, notes[chapter]);
  }
  return { records, notes };
}

/** Counts for a chapter's score and for Min översikt: the same numbers in both. */
function countAnswers(records, cards) {
  const counts = { total: cards.length, graded: 0, answered: 0, right: 0, firstRight: 0 };
  for (const card of cards) {
    const record = records[card.id];
    if (card.graded) counts.graded += 1;
    if (!record) continue;
    if (ANSWERED.includes(record.status)) counts.answered += 1;
    if (card.graded && record.status === "right") counts.right += 1;
    if (card.graded && record.first === "right") counts.firstRight += 1;
  }
  return counts;
}

function anyNotes(notes) {
  return notes.changed.length > 0 || notes.removed > 0 || notes.damaged > 0 || notes.unreadable || notes.version;
}

/**
 * The whole course's counts from readAllAnswers(...): per chapter (in the order of `chapters`,
 * each {chapter, cards}) and in all, and whether some saved answers were not counted
 * (changed, removed, damaged or unreadable). Min översikt and the certificate show these.
 */
function countCourse(saved, chapters) {
  const all = { total: 0, graded: 0, answered: 0, right: 0, firstRight: 0 };
  let uncounted = false;
  const rows = chapters.map((chapter) => {
    const { records, notes } = saved[chapter.chapter];
    const counts = countAnswers(records, chapter.cards);
    for (const key of Object.keys(all)) all[key] += counts[key];
    uncounted = uncounted || anyNotes(notes);
    return { chapter, counts };
  });
  return { rows, all, uncounted };
}

/** One chapter's saved answers in `store` (openStore()): read, re-graded, saved on demand. */
function openAnswers(store, chapter, cards) {
  const key = ANSWERS_KEY + chapter;
  const text = store.getText(key);
  const { records, notes } = parseChapter(text, chapter, cards);
  if (text === null && store.getText(LEGACY_ANSWERS_KEY + chapter) !== null) notes.version = true;
  return {
    records,
    notes,
    save() {
      store.setText(key, serialiseChapter(chapter, records));
      store.remove(LEGACY_ANSWERS_KEY + chapter);
    },
  };
}

/** The stored answers of every chapter in `cardsByChapter`, read-only (Min översikt). */
function readAllAnswers(store, cardsByChapter) {
  const result = {};
  for (const [chapter, cards] of Object.entries(cardsByChapter)) {
    const text = store.getText(ANSWERS_KEY + chapter);
    const found = parseChapter(text, chapter, cards);
    if (text === null && store.getText(LEGACY_ANSWERS_KEY + chapter) !== null) found.notes.version = true;
    result[chapter] = found;
  }
  return result;
}

/** Where the site's "Fortsätt där du slutade" link points (book/_assets/tk-site.js): it points
 * into the answers' history, so it goes with them. */
const RESUME_KEY = "fortsatt";

/** Remove every self-test answer and the place to resume from `store`, and nothing else the
 * course keeps (the plan and the trust profile stay). */
function clearAllAnswers(store) {
  for (const key of [...store.keys(ANSWERS_KEY), ...store.keys(LEGACY_ANSWERS_KEY)]) store.remove(key);
  store.remove(RESUME_KEY);
}
