/*
 * The answers file ("Spara mina svar som fil" / "Läs in svar från fil" on Min översikt, and the
 * teacher's class overview). widgets/views/esm.py puts this file after answers.js for the
 * modules that read or write such files. The format (shared with the SCORM and kit work):
 *
 *   {"format": "tillitskursen-svar", "version": 1, "course": "<site version>",
 *    "saved": "<ISO 8601 time>", "name": "<pseudonym or empty>",
 *    "answers": {"v":1,"a":{chapter:{question id:[…]}}}   (serialiseCourse, answers.js),
 *    "profile": {hallmark id: 1…5} | null, "plan": {prompt id: text or texts} | null}
 *
 * at most ANSWER_FILE_MAX bytes. checkAnswerFile checks the shape in a fixed order and names
 * the first problem (one code per kind of bad file); Python does the same, step for step, in
 * widgets/content/answer_files.py (one table of bad files runs through both:
 * tests/tables/answer_files.json). readAnswerFile then reads the answers against the current
 * questions with the answer store, counting what it has to skip.
 */

const ANSWER_FILE_FORMAT = "tillitskursen-svar";
const ANSWER_FILE_VERSION = 1;
/** The largest file read (bytes): a whole course of answers is far below 100 KB. */
const ANSWER_FILE_MAX = 1000000;
/** Characters of a learner's chosen name or pseudonym. */
const ANSWER_FILE_NAME_MAX = 60;
/** The largest rating of the trust profile, and the most entries a profile or plan may have. */
const PROFILE_MAX_RATING = 5;
const SMALL_OBJECT_MAX = 100;
/** Characters of one plan answer. */
const PLAN_TEXT_MAX = 2000;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
/** The first bytes of a UTF-8 byte order mark, which an editor may have added. */
const BOM = "\ufeff";

/** The message (ui_text section "answer_file") for each problem code. */
const ANSWER_FILE_MESSAGES = {
  too_large: "file_too_large",
  not_text: "file_not_text",
  empty: "file_empty",
  not_json: "file_not_json",
  not_ours: "file_not_ours",
  damaged_version: "file_damaged_version",
  newer: "file_newer",
  damaged_answers: "file_damaged_answers",
  newer_answers: "file_newer_answers",
  damaged_course: "file_damaged_course",
  damaged_time: "file_damaged_time",
  damaged_name: "file_damaged_name",
  damaged_profile: "file_damaged_profile",
  damaged_plan: "file_damaged_plan",
};

/** What is wrong with the file called `file`, in Swedish (t: the widget's texts). */
function answerFileMessage(t, problem, file) {
  return t(ANSWER_FILE_MESSAGES[problem], { file });
}

/** The file's text, or a problem code: too large, not UTF-8 text, empty. */
function answerFileText(bytes) {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  if (data.length > ANSWER_FILE_MAX) return { problem: "too_large" };
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch (err) {
    return { problem: "not_text" };
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  if (!text.trim()) return { problem: "empty" };
  return { text };
}

/** An ISO 8601 time with a zone whose every part is in range (checked by hand, not by
 * Date.parse, which accepts 30 February and 24:00). */
function validTime(value) {
  const m = typeof value === "string" ? ISO_TIME.exec(value) : null;
  if (!m) return false;
  const [year, month, day, hour, minute, second, zoneHour, zoneMinute] = m.slice(1).map((part) => Number(part || 0));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59 && zoneHour <= 23 && zoneMinute <= 59;
}

function validName(value) {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  return typeof value === "string" && value.length <= ANSWER_FILE_NAME_MAX && !/[\x00-\x1f\x7f]/.test(value);
}

function validProfile(value) {
  if (value === null) return true;
  if (!isPlainObject(value) || Object.keys(value).length > SMALL_OBJECT_MAX) return false;
  return Object.values(value).every((v) => Number.isInteger(v) && v >= 1 && v <= PROFILE_MAX_RATING);
}

function validPlan(value) {
  if (value === null) return true;
  if (!isPlainObject(value) || Object.keys(value).length > SMALL_OBJECT_MAX) return false;
  const text = (v) => typeof v === "string" && v.length <= PLAN_TEXT_MAX;
  return Object.values(value).every((v) => text(v) || (Array.isArray(v) && v.length <= SMALL_OBJECT_MAX && v.every(text)));
}

/**
 * The file's data if its shape is right, else {problem}: "too_large", "not_text", "empty",
 * "not_json", "not_ours", "newer", "damaged_version", "damaged_answers", "newer_answers",
 * "damaged_course", "damaged_time", "damaged_name", "damaged_profile", "damaged_plan".
 */
function checkAnswerFile(bytes) {
  const read = answerFileText(bytes);
  if (read.problem) return read;
  let data;
  try {
    data = JSON.parse(read.text);
  } catch (err) {
    // a JSON object cut off or spoilt is a damaged file; anything else (a CSV file, words) is not ours
    return { problem: read.text.trimStart().startsWith("{") ? "not_json" : "not_ours" };
  }
  if (!isPlainObject(data) || data.format !== ANSWER_FILE_FORMAT) return { problem: "not_ours" };
  if (!Number.isInteger(data.version) || data.version < 1) return { problem: "damaged_version" };
  if (data.version > ANSWER_FILE_VERSION) return { problem: "newer" };
  const answers = data.answers;
  if (!isPlainObject(answers) || !Number.isInteger(answers.v)) return { problem: "damaged_answers" };
  if (answers.v > ANSWERS_VERSION) return { problem: "newer_answers" };
  if (answers.v !== ANSWERS_VERSION || !isPlainObject(answers.a) || !Object.values(answers.a).every(isPlainObject)) {
    return { problem: "damaged_answers" };
  }
  if (typeof data.course !== "string" || data.course.length > 64) return { problem: "damaged_course" };
  if (!validTime(data.saved)) return { problem: "damaged_time" };
  if (!validName(data.name ?? "")) return { problem: "damaged_name" };
  if (!validProfile(data.profile ?? null)) return { problem: "damaged_profile" };
  if (!validPlan(data.plan ?? null)) return { problem: "damaged_plan" };
  return { data };
}

/**
 * A checked file read against the current questions (cardsByChapter: {chapter: cards}):
 * {problem} or {name, saved, course, records: {chapter: records}, profile, plan, answered,
 * skipped: {unknown, changed, damaged}}. Answers to questions (or chapters) the course no
 * longer has are skipped and counted, as are changed questions and damaged records.
 */
function readAnswerFile(bytes, cardsByChapter) {
  const checked = checkAnswerFile(bytes);
  if (checked.problem) return checked;
  const data = checked.data;
  const skipped = { unknown: 0, changed: 0, damaged: 0 };
  const records = {};
  let answered = 0;
  for (const [chapter, rows] of Object.entries(data.answers.a)) {
    const cards = cardsByChapter[chapter];
    if (!cards) {
      skipped.unknown += Object.keys(rows).length;
      continue;
    }
    const notes = emptyNotes();
    records[chapter] = readRows(rows, cards, notes);
    skipped.unknown += notes.removed;
    skipped.changed += notes.changed.length;
    skipped.damaged += notes.damaged;
    answered += Object.keys(records[chapter]).length;
  }
  return {
    name: data.name || "",
    saved: data.saved,
    course: data.course,
    records,
    profile: data.profile ?? null,
    plan: data.plan ?? null,
    answered,
    skipped,
  };
}

/** The text of an answers file ({records: {chapter: records}, profile, plan, name, course}). */
function makeAnswerFile({ records, profile = null, plan = null, name = "", course = "", saved = new Date() }) {
  return JSON.stringify(
    {
      format: ANSWER_FILE_FORMAT,
      version: ANSWER_FILE_VERSION,
      course,
      saved: saved.toISOString(),
      name: String(name).trim().slice(0, ANSWER_FILE_NAME_MAX),
      answers: JSON.parse(serialiseCourse(records)),
      profile: isPlainObject(profile) ? profile : null,
      plan: isPlainObject(plan) ? plan : null,
    },
    null,
    1
  );
}

/** The file name for a download: tillitskursen-svar[-name]-YYYY-MM-DD.json. */
function answerFileName(name, saved = new Date()) {
  const slug = String(name || "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 30);
  return `${ANSWER_FILE_FORMAT}${slug ? "-" + slug : ""}-${saved.toISOString().slice(0, 10)}.json`;
}

/** The site's version (the service worker's), which the build puts in every page's head. */
function siteVersion() {
  const meta = typeof document === "undefined" ? null : document.querySelector('meta[name="tk-version"]');
  return meta ? meta.getAttribute("content") || "" : "";
}
