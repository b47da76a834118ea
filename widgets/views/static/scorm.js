/*
 * SCORM 1.2 reporting: a chapter's self-test inside an organisation's learning platform.
 * widgets/views/esm.py puts this file between answers.js and quiz.js; the self-test opens its
 * answers with openChapterAnswers() instead of openAnswers().
 *
 * A chapter reports only where BOTH are found:
 *   - the package's settings, <script type="application/json" id="tk-scorm"> with
 *     {chapter, mastery, texts}, which widgets/build/scorm.py writes into a packaged page
 *     (so the public site never reports, even when a platform shows it in a frame), and
 *   - the SCORM 1.2 API object, window.API in this window's parent frames (at most
 *     SCORM_SEARCH_LIMIT of them) or in the opener's, as the SCORM 1.2 run-time searches.
 * Without them openChapterAnswers() is openAnswers() (answers in localStorage, as on the site).
 *
 * In a platform:
 *   - LMSInitialize; the answers come from cmi.suspend_data (serialiseChapter's text, at most
 *     ANSWERS_BUDGET characters) unless cmi.core.entry is "ab-initio" (a new attempt starts
 *     clean). The text is re-graded like a stored one: a corrupt, too long or older (other
 *     question fingerprint) record starts that question clean and the quiz shows its notes.
 *   - every save (a typed reflection included) writes the text to localStorage and to
 *     cmi.suspend_data; report() (the self-test calls it after Kontrollera, Visa svaret,
 *     Försök igen and Börja om testet) also sets cmi.core.score.raw (percent of the graded
 *     questions answered right; min 0, max 100), cmi.core.lesson_status ("incomplete" until
 *     every graded question is answered, then "passed" or "failed" against
 *     cmi.student_data.mastery_score, or the package's mastery score), cmi.core.session_time,
 *     and commits. Reflections do not count. On leaving the page: cmi.core.exit "suspend"
 *     (so the platform relaunches with entry "resume"), session time, LMSCommit, LMSFinish.
 *   - in lesson_mode "review" nothing is written to the platform.
 *   - a call that throws, returns "false" or leaves an error code shows one short notice; the
 *     chapter keeps working and the answers stay in localStorage.
 */

/** How many parent frames the API search climbs (the SCORM 1.2 run-time's own limit). */
const SCORM_SEARCH_LIMIT = 7;
const SCORM_SETTINGS_ID = "tk-scorm";

/** `win[name]`, or null where reading it throws (a frame of another origin). */
function frameProperty(win, name) {
  try {
    return win[name] ?? null;
  } catch (err) {
    return null;
  }
}

/** The SCORM 1.2 API in `win` or one of its parents, or null; frames of another origin are skipped. */
function scormApiFrom(win) {
  let current = win;
  for (let tries = 0; current && tries <= SCORM_SEARCH_LIMIT; tries += 1) {
    const api = frameProperty(current, "API");
    if (api && typeof api.LMSInitialize === "function") return api;
    const parent = frameProperty(current, "parent");
    if (!parent || parent === current) break;
    current = parent;
  }
  return null;
}

/** The API per the SCORM 1.2 search: this window and its parents, then the opener and its parents. */
function findScormApi(win = window) {
  const opener = frameProperty(win, "opener");
  return scormApiFrom(win) || (opener ? scormApiFrom(opener) : null);
}

/** The package's settings in this page ({chapter, mastery, texts}), or null (not a package). */
function scormSettings(doc = document) {
  const script = doc.getElementById(SCORM_SETTINGS_ID);
  if (!script) return null;
  try {
    const data = JSON.parse(script.textContent);
    return isPlainObject(data) && typeof data.chapter === "string" ? data : null;
  } catch (err) {
    return null;
  }
}

/** SCORM 1.2 CMITimespan (HHHH:MM:SS.SS) for `ms` milliseconds. */
function scormTimespan(ms) {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor(centis / 6000) % 60;
  const seconds = Math.floor(centis / 100) % 60;
  const pad = (n, width) => String(n).padStart(width, "0");
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(centis % 100, 2)}`;
}

/** What the platform is told for `counts` (countAnswers): {score, status}; score null without graded questions. */
function scormResult(counts, mastery) {
  if (!counts.graded) {
    return { score: null, status: counts.answered >= counts.total ? "completed" : "incomplete" };
  }
  const score = Math.round((100 * counts.right) / counts.graded);
  const gradedAnswered = counts.gradedAnswered ?? counts.answered;
  if (gradedAnswered < counts.graded) return { score, status: "incomplete" };
  return { score, status: score >= mastery ? "passed" : "failed" };
}

/** How many graded questions have an answer (right, wrong or revealed). */
function gradedAnswered(records, cards) {
  return cards.filter((card) => card.graded && ["right", "wrong", "revealed"].includes(records[card.id]?.status)).length;
}

/** A connection to the platform's API: every call guarded, the first failure shown once. */
function scormConnection(api, onError) {
  let failed = false;
  function fail(call, detail) {
    if (!failed) onError();
    failed = true;
    console.warn(`scorm: ${call} failed`, detail);
  }
  function errorCode() {
    try {
      return String(api.LMSGetLastError());
    } catch (err) {
      return "0";
    }
  }
  function call(name, ...args) {
    return guarded(false, name, ...args);
  }
  /** A call; `quiet` for an element the platform need not have (no notice when it has not). */
  function guarded(quiet, name, ...args) {
    const report = quiet ? () => {} : fail;
    let result;
    try {
      result = api[name](...args);
    } catch (err) {
      report(name, err);
      return null;
    }
    if (name !== "LMSGetValue") {
      if (String(result) !== "true") {
        report(`${name}(${args[0] ?? ""})`, errorCode());
        return null;
      }
      return result;
    }
    const code = errorCode();
    if (code !== "0" && code !== "") {
      report(`${name}(${args[0]})`, code);
      return null;
    }
    return result === null || result === undefined ? "" : String(result);
  }
  return {
    call,
    get: (element) => call("LMSGetValue", element),
    /** An optional element's value, or null: a platform without it is no error. */
    optional: (element) => guarded(true, "LMSGetValue", element),
    set: (element, value) => call("LMSSetValue", element, String(value)),
  };
}

/**
 * One chapter's answers, as openAnswers() gives them, plus report() and, in a platform,
 * `platform`: {savedText, notice} (the line that replaces "saved in your browser" and the
 * element the one error notice appears in).
 */
function openChapterAnswers(store, chapter, cards, win = window) {
  const local = openAnswers(store, chapter, cards);
  const settings = scormSettings(win.document);
  const api = settings && settings.chapter === chapter ? findScormApi(win) : null;
  if (!api) return { ...local, report() {} };

  const t = makeT(settings.texts);
  const notice = h("p", { class: "tk-note tk-platform-note", role: "status", "data-platform": "ok" });
  const lms = scormConnection(api, () => {
    notice.dataset.platform = "error";
    notice.textContent = t("platform_error");
  });
  const started = Date.now();
  const ok = lms.call("LMSInitialize", "") !== null;
  const review = ok && lms.get("cmi.core.lesson_mode") === "review";
  const mastery = Number.parseFloat(ok ? lms.optional("cmi.student_data.mastery_score") : "");
  const passMark = Number.isFinite(mastery) ? mastery : Number(settings.mastery);
  let finished = !ok;

  if (ok) {
    const entry = lms.get("cmi.core.entry");
    const text = entry === "ab-initio" ? "" : lms.get("cmi.suspend_data");
    if (text !== null) {
      // the platform's saved attempt replaces this browser's copy (another computer may be newer)
      const found = text === "" ? { records: {}, notes: emptyNotes() } : parseChapter(text, chapter, cards);
      if (text.length > ANSWERS_BUDGET) Object.assign(found, { records: {}, notes: { ...emptyNotes(), unreadable: true } });
      for (const id of Object.keys(local.records)) delete local.records[id];
      Object.assign(local.records, found.records);
      local.notes = found.notes;
    }
    if (!review && lms.get("cmi.core.lesson_status") === "not attempted") {
      lms.set("cmi.core.lesson_status", "incomplete");
      lms.call("LMSCommit", "");
    }
  }

  function writeAnswers() {
    const text = serialiseChapter(chapter, local.records);
    if (text.length <= ANSWERS_BUDGET) lms.set("cmi.suspend_data", text);
    else notice.textContent = t("platform_too_long");
  }

  function finish() {
    if (finished) return;
    finished = true;
    if (!review) {
      writeAnswers();
      lms.set("cmi.core.exit", "suspend");
      lms.set("cmi.core.session_time", scormTimespan(Date.now() - started));
      lms.call("LMSCommit", "");
    }
    lms.call("LMSFinish", "");
  }
  if (ok) {
    win.addEventListener("pagehide", finish);
    win.addEventListener("beforeunload", finish);
  }

  return {
    records: local.records,
    notes: local.notes,
    platform: { savedText: t(ok ? "saved_platform" : "saved_not_platform"), notice },
    save() {
      local.save();
      if (!finished && !review) writeAnswers();
    },
    report() {
      if (finished || review) return;
      const counts = { ...countAnswers(local.records, cards), gradedAnswered: gradedAnswered(local.records, cards) };
      const { score, status } = scormResult(counts, passMark);
      if (score !== null) {
        lms.set("cmi.core.score.min", 0);
        lms.set("cmi.core.score.max", 100);
        lms.set("cmi.core.score.raw", score);
      }
      lms.set("cmi.core.lesson_status", status);
      lms.set("cmi.core.session_time", scormTimespan(Date.now() - started));
      lms.call("LMSCommit", "");
    },
  };
}
