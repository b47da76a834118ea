/*
 * Repetera's schedule (Leitner boxes), shared by Repetera (review.js) and Min översikt
 * (overview.js, which shows how many questions are due). widgets/views/esm.py puts this file
 * after answers.js.
 *
 * A graded question the learner has answered is due again:
 * - at once if its answer is wrong or was revealed (these come first, oldest first);
 * - if it is right: when its box says. A question answered right in Repetera moves up a box
 *   (REVIEW_DAYS: 1, 3, 7, 16, 35 days); one answered wrong falls back and is due at once.
 *   A right answer with no box yet (answered in a chapter, or read from a file) is in box 1,
 *   due a day after it was answered.
 * The boxes are kept under "repetera" in the store: {"v":1,"b":{"<chapter>/<question id>":
 * [box, due (Unix seconds)]}}; the answers themselves stay in the answer store, so a right
 * answer in Repetera counts in the chapter and on Min översikt too. Nothing is sent anywhere.
 */

const REVIEW_KEY = "repetera";
const REVIEW_DAYS = [1, 3, 7, 16, 35];
/** Questions in one session. */
const REVIEW_SESSION = 10;
const DAY_SECONDS = 86400;

/** {"chapter/id": {box, due}} from the store; anything damaged is left out. */
function readBoxes(store) {
  const data = store.get(REVIEW_KEY);
  const boxes = {};
  if (!isPlainObject(data) || data.v !== 1 || !isPlainObject(data.b)) return boxes;
  for (const [key, row] of Object.entries(data.b)) {
    if (!Array.isArray(row) || row.length !== 2) continue;
    const [box, due] = row;
    if (Number.isInteger(box) && box >= 1 && box <= REVIEW_DAYS.length && Number.isInteger(due) && due >= 0) boxes[key] = { box, due };
  }
  return boxes;
}

function saveBoxes(store, boxes) {
  const b = {};
  for (const [key, { box, due }] of Object.entries(boxes)) b[key] = [box, due];
  store.set(REVIEW_KEY, { v: 1, b });
}

/**
 * Every question due at `time` (Unix seconds), wrong ones first (oldest first), then right
 * ones (most overdue first): [{chapter, card, record, wrong}]. `saved` is readAllAnswers().
 */
function dueQuestions(saved, cardsByChapter, boxes, time) {
  const wrong = [];
  const right = [];
  for (const [chapter, cards] of Object.entries(cardsByChapter)) {
    const records = (saved[chapter] || {}).records || {};
    for (const card of cards) {
      const record = records[card.id];
      if (!card.graded || !record) continue;
      if (record.status === "wrong" || record.status === "revealed") {
        wrong.push({ chapter, card, record, wrong: true, due: record.time });
      } else if (record.status === "right") {
        const kept = boxes[`${chapter}/${card.id}`];
        const due = kept ? kept.due : record.time + REVIEW_DAYS[0] * DAY_SECONDS;
        if (due <= time) right.push({ chapter, card, record, wrong: false, due });
      }
    }
  }
  const byDue = (a, b) => a.due - b.due;
  return [...wrong.sort(byDue), ...right.sort(byDue)];
}

/** The box after answering in Repetera: right moves up (a wrong one starts in box 1), wrong
 * leaves the boxes (it is due at once, as a wrong answer). */
function nextBox(boxes, key, wasWrong, right, time) {
  if (!right) {
    delete boxes[key];
    return;
  }
  const box = wasWrong ? 1 : Math.min((boxes[key] ? boxes[key].box : 1) + 1, REVIEW_DAYS.length);
  boxes[key] = { box, due: time + REVIEW_DAYS[box - 1] * DAY_SECONDS };
}
