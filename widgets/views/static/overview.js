/*
 * "Min översikt" (widgets.views.quiz.ProgressOverview): reads the learner's saved self-test
 * answers with the answer store (answers.js), re-graded against the current questions exactly
 * as each chapter does, and shows per chapter how many are answered, right on the first try
 * and right in the end. "Rensa mina svar" removes the self-test answers and the place to resume
 * (after asking); the plan and the profile are cleared in their own chapters.
 *
 * "Spara mina svar som fil" writes every chapter's answers, the trust profile and the plan as
 * one answers file (answerfile.js); "Läs in svar från fil" reads one back: a bad file gets one
 * Swedish message and changes nothing; a good one is summed up first, and where both this
 * browser and the file have an answer, the newer is kept once the learner confirms. A profile
 * or plan in the file is taken only where this browser has none.
 */

/** Records of every chapter that has any: {chapter: records}. */
function savedRecords(store, cardsByChapter) {
  const saved = readAllAnswers(store, cardsByChapter);
  const out = {};
  for (const [chapter, { records }] of Object.entries(saved)) if (Object.keys(records).length) out[chapter] = records;
  return out;
}

function isEmptyValue(value) {
  return !isPlainObject(value) || Object.keys(value).length === 0;
}

/** "Flytta dina svar": save the answers as a file, read them back from one. */
function answerTransfer({ store, cardsByChapter, t, d, onChange }) {
  const base = uniqueId("transfer");
  const status = h("p", { class: "tk-status tk-transfer-status", role: "status", "aria-live": "polite" });
  const name = h("input", { type: "text", id: `${base}-name`, class: "tk-transfer-name", maxlength: ANSWER_FILE_NAME_MAX, autocomplete: "off", "aria-describedby": `${base}-name-hint` });
  const exportButton = h("button", { type: "button", class: "tk-button tk-export", text: t("export") });
  const file = h("input", { type: "file", id: `${base}-file`, class: "tk-import-file", accept: ".json,application/json" });
  const question = h("p", { id: `${base}-question` });
  const yes = h("button", { type: "button", class: "tk-button tk-primary tk-import-yes", text: t("import_yes"), "aria-describedby": `${base}-question` });
  const no = h("button", { type: "button", class: "tk-button tk-import-no", text: t("import_no"), "aria-describedby": `${base}-question` });
  const confirmBox = h("div", { class: "tk-confirm tk-import-confirm", hidden: true }, question, yes, no);
  let pending = null;

  d.listen(exportButton, "click", () => {
    const records = savedRecords(store, cardsByChapter);
    const saved = new Date();
    const text = makeAnswerFile({ records, profile: store.get(PROFILE_STORE_KEY), plan: store.get(PLAN_STORE_KEY), name: name.value, course: siteVersion(), saved });
    const fileName = answerFileName(name.value, saved);
    downloadText(fileName, text, "application/json");
    const n = Object.values(records).reduce((sum, r) => sum + Object.keys(r).length, 0);
    say(status, t, t("exported", { file: fileName, n }), "right", "exported");
  });

  function close(message, mark, key) {
    pending = null;
    confirmBox.hidden = true;
    file.value = "";
    say(status, t, message, mark, key);
    file.focus();
  }

  d.listen(file, "change", async () => {
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    const found = chosen.size > ANSWER_FILE_MAX ? { problem: "too_large" } : readAnswerFile(new Uint8Array(await chosen.arrayBuffer()), cardsByChapter);
    if (found.problem) {
      close(`${answerFileMessage(t, found.problem, chosen.name)} ${t("import_failed")}`, "wrong", found.problem);
      return;
    }
    const current = savedRecords(store, cardsByChapter);
    let both = 0;
    for (const [chapter, records] of Object.entries(found.records)) {
      for (const id of Object.keys(records)) if (current[chapter] && current[chapter][id]) both += 1;
    }
    pending = found;
    question.textContent = t("import_confirm", { n: found.answered, both });
    say(status, t, "", null, "");
    confirmBox.hidden = false;
    no.focus();
  });
  d.listen(no, "click", () => close(t("import_cancelled"), "info", "import_cancelled"));
  d.listen(yes, "click", () => {
    const found = pending;
    if (!found) return;
    // everything is decided before anything is written
    const current = savedRecords(store, cardsByChapter);
    const merged = {};
    for (const [chapter, records] of Object.entries(found.records)) {
      const mine = { ...(current[chapter] || {}) };
      for (const [id, record] of Object.entries(records)) {
        if (!mine[id] || record.time > mine[id].time) mine[id] = record;
      }
      merged[chapter] = mine;
    }
    const extras = [];
    const kept = [];
    for (const [key, value] of [[PROFILE_STORE_KEY, found.profile], [PLAN_STORE_KEY, found.plan]]) {
      if (isEmptyValue(value)) continue;
      if (isEmptyValue(store.get(key))) extras.push([key, value]);
      else kept.push(key);
    }
    for (const [chapter, records] of Object.entries(merged)) store.setText(ANSWERS_KEY + chapter, serialiseChapter(chapter, records));
    for (const [key, value] of extras) store.set(key, value);
    onChange();
    const lines = [t("imported", { n: found.answered })];
    const skipped = found.skipped.unknown + found.skipped.changed;
    if (skipped) lines.push(t("import_skipped", { n: skipped }));
    if (found.skipped.damaged) lines.push(t("import_damaged", { n: found.skipped.damaged }));
    if (kept.length) lines.push(t("import_kept"));
    close(lines.join(" "), "right", "imported");
  });

  return h(
    "div",
    { class: "tk-transfer" },
    h("h2", { class: "tk-transfer-heading", text: t("transfer_heading") }),
    h("p", { text: t("transfer_intro") }),
    h("div", { class: "tk-field" }, h("label", { for: `${base}-name`, text: t("name_label") }), h("p", { class: "tk-hint", id: `${base}-name-hint`, text: t("name_hint") }), name),
    exportButton,
    h("div", { class: "tk-field" }, h("label", { for: `${base}-file`, text: t("import") }), file),
    confirmBox,
    status
  );
}

export default {
  render({ model, el }) {
    const d = disposer();
    const t = makeT(model.get("texts"));
    const chapters = model.get("chapters") || [];
    const store = openStore();
    const cardsByChapter = Object.fromEntries(chapters.map((chapter) => [chapter.chapter, chapter.cards]));
    // On the static site (the course's widget host) chapters are .html pages; in Jupyter, notebooks.
    const onSite = model.isStatic === true;

    const note = h("p", { class: "tk-note", "data-storage": store.available ? "ok" : "unavailable", text: t(store.available ? "saved_locally" : "storage_unavailable") });
    const storeNote = h("p", { class: "tk-note tk-store-note", hidden: true, text: t("overview_not_counted") });
    const { table, fill } = resultsTable(t, "tk-overview-table", (chapter) => h("a", { href: onSite ? chapter.page : chapter.notebook, text: chapter.title }));
    const status = h("p", { class: "tk-status", role: "status", "aria-live": "polite" });
    const clear = h("button", { type: "button", class: "tk-button tk-overview-clear", text: t("clear") });
    const confirmBox = confirmStep({
      trigger: clear,
      question: t("confirm_clear"),
      yes: t("confirm_yes"),
      no: t("confirm_no"),
      listen: d.listen,
      className: "tk-overview-confirm",
      onYes() {
        clearAllAnswers(store);
        draw();
        say(status, t, t("cleared"), "right", "cleared");
      },
    });

    function draw() {
      const saved = readAllAnswers(store, cardsByChapter);
      const counted = countCourse(saved, chapters);
      const { all, uncounted } = counted;
      fill(counted);
      storeNote.hidden = !uncounted;
      const dueCount = dueQuestions(saved, cardsByChapter, readBoxes(store), now()).length;
      due.dataset.due = String(dueCount);
      due.replaceChildren(
        dueCount ? t("due_count", { n: dueCount }) : t("due_none"),
        " ",
        h("a", { href: onSite ? "repetera.html" : "repetera.ipynb", text: t("due_link") })
      );
      if (all.answered === 0 && !status.textContent) say(status, t, t("nothing_yet"), "info", "nothing_yet");
    }

    const due = h("p", { class: "tk-overview-due" });
    const transfer = answerTransfer({ store, cardsByChapter, t, d, onChange: draw });
    el.replaceChildren(h("section", { class: "tk-overview" }, note, storeNote, h("div", { class: "tk-table-wrap" }, table), due, status, clear, confirmBox), transfer);
    draw();
    d.listen(window, "storage", draw);
    return () => {
      d.dispose();
      el.replaceChildren();
    };
  },
};
