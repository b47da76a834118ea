/*
 * Self-test view (widgets.views.quiz.SelfTest): one chapter's questions. The question view, its
 * kinds, feedback and focus rules are in selftest.js (shared with Repetera, review.js); answers
 * are kept with the answer store (answers.js), which re-grades them on every load. In Jupyter
 * the view also writes `answers`, `score`, `first_right` and `answered` back to Python.
 */

export default {
  render({ model, el }) {
    const d = disposer();
    const t = makeT(model.get("texts"));
    const chapter = model.get("chapter");
    const questions = model.get("questions") || [];
    const store = openStore();
    // openAnswers(), and in a SCORM package also the platform's copy and report() (scorm.js)
    const saved = openChapterAnswers(store, chapter, questions);
    const records = saved.records;
    const graded = questions.filter((q) => q.graded);
    const hasReflection = questions.some((q) => !q.graded);

    const scoreEl = h("p", { class: "tk-score" });
    const notes = h(
      "div",
      { class: "tk-notes" },
      saved.platform
        ? h("p", { class: "tk-note", text: saved.platform.savedText, "data-storage": "platform" })
        : h("p", { class: "tk-note", text: t(store.available ? "saved_locally" : "storage_unavailable"), "data-storage": store.available ? "ok" : "unavailable" }),
      saved.platform ? saved.platform.notice : null,
      storeNotes(saved.notes, t)
    );
    const views = questions.map((q, i) => questionView(q, i, questions.length, t, chapter));
    const restart = h("button", { type: "button", class: "tk-button tk-restart", text: t("restart") });
    const summaryStatus = h("p", { class: "tk-status tk-summary-status", role: "status", "aria-live": "polite" });
    const confirmBox = confirmStep({
      trigger: restart,
      question: t("restart_confirm"),
      yes: t("restart_yes"),
      no: t("restart_no"),
      listen: d.listen,
      className: "tk-restart-confirm",
      onYes() {
        for (const view of views) {
          const record = records[view.question.id];
          if (record) records[view.question.id] = openRecord(view.question, record);
          paint(view, records[view.question.id] || null, t);
        }
        save();
        say(summaryStatus, t, t("restarted"), "info", "restarted");
      },
    });

    const summary = graded.length ? h("div", { class: "tk-summary" }, scoreEl, restart, confirmBox, summaryStatus) : null;
    const root = h(
      "section",
      { class: "tk-quiz", "aria-label": t(graded.length ? "heading" : "heading_reflection"), "data-chapter": chapter },
      notes,
      views.map((v) => v.fieldset),
      summary,
      printVersion(questions, t)
    );
    el.replaceChildren(root);

    function plainRecords() {
      return Object.fromEntries(Object.entries(records).map(([id, r]) => [id, { response: r.response, status: r.status, first: r.first, tries: r.tries }]));
    }

    function showScore() {
      const counts = countAnswers(records, questions);
      const lines = [t("score", { right: counts.right, total: counts.graded })];
      if (counts.graded) lines.push(t("score_first", { first: counts.firstRight }));
      lines.push(t("score_answered", { answered: counts.answered, total: counts.total }));
      if (hasReflection) lines.push(t("score_reflection"));
      scoreEl.textContent = lines.join(" ");
      root.dataset.right = String(counts.right);
      root.dataset.firstRight = String(counts.firstRight);
      root.dataset.answered = String(counts.answered);
      return counts;
    }

    function save() {
      saved.save();
      saved.report();
      const counts = showScore();
      sync(model, { answers: plainRecords(), score: counts.right, first_right: counts.firstRight, answered: counts.answered });
    }

    for (const view of views) {
      const q = view.question;
      view.changedNote.hidden = !saved.notes.changed.includes(q.id);
      paint(view, records[q.id], t);
      d.listen(view.buttons.check, "click", () => {
        const response = responseToCheck(view, t);
        if (response === undefined) return;
        records[q.id] = checkedRecord(q, records[q.id], response);
        view.changedNote.hidden = true;
        paint(view, records[q.id], t);
        save();
        (q.graded ? view.statusEl : view.parts.modelAnswer).focus();
      });
      d.listen(view.buttons.retry, "click", () => {
        records[q.id] = openRecord(q, records[q.id], records[q.id]?.response ?? null);
        paint(view, records[q.id], t);
        save();
        view.parts.inputs[0].input.focus();
      });
      d.listen(view.buttons.reveal, "click", () => {
        records[q.id] = revealedRecord(q, records[q.id]);
        paint(view, records[q.id], t);
        save();
        view.statusEl.focus();
      });
      if (view.parts.textarea) {
        d.listen(view.parts.textarea, "input", () => {
          const previous = records[q.id];
          const text = cleanText(view.parts.textarea.value);
          records[q.id] = previous?.status === "reflected" ? { ...previous, response: text, time: now() } : openRecord(q, previous, text);
          saved.save();
        });
      }
    }
    showScore();
    sync(model, { answers: plainRecords(), score: Number(root.dataset.right), first_right: Number(root.dataset.firstRight), answered: Number(root.dataset.answered) });
    return () => {
      d.dispose();
      el.replaceChildren();
    };
  },
};
