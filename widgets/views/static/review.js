/*
 * Repetera (widgets.views.review.Review): a short session of questions from every chapter,
 * those answered wrong first, then right answers that are due again (leitner.js). Each question
 * is shown, checked and explained exactly as in its chapter (selftest.js); the result goes into
 * the learner's saved answers (answers.js) and the boxes. "Ny omgång" draws the next session.
 */

export default {
  render({ model, el }) {
    const d = disposer();
    const t = makeT(model.get("texts"));
    const chapters = model.get("chapters") || [];
    const store = openStore();
    const questionsByChapter = Object.fromEntries(chapters.map((c) => [c.chapter, c.questions]));
    const titles = Object.fromEntries(chapters.map((c) => [c.chapter, c.title]));

    const intro = h("p", { class: "tk-review-intro" });
    const list = h("div", { class: "tk-review-list" });
    const progress = h("p", { class: "tk-status tk-review-progress", role: "status", "aria-live": "polite" });
    const again = h("button", { type: "button", class: "tk-button tk-review-again", text: t("review_again") });
    const note = h("p", { class: "tk-note", "data-storage": store.available ? "ok" : "unavailable", text: t(store.available ? "saved_locally" : "storage_unavailable") });
    el.replaceChildren(h("section", { class: "tk-quiz tk-review", "aria-label": t("review_heading") }, note, intro, list, progress, again));

    let undoSession = () => {};

    function session() {
      undoSession();
      const s = disposer();
      undoSession = () => s.dispose();
      const saved = readAllAnswers(store, questionsByChapter);
      const boxes = readBoxes(store);
      const due = dueQuestions(saved, questionsByChapter, boxes, now()).slice(0, REVIEW_SESSION);
      const byId = (chapter, id) => questionsByChapter[chapter].find((q) => q.id === id);
      const done = { answered: 0, right: 0 };
      intro.textContent = due.length ? t("review_intro", { n: due.length }) : t("review_none");
      progress.textContent = "";
      list.replaceChildren(
        ...due.map((item, i) => {
          const question = byId(item.chapter, item.card.id);
          const view = questionView(question, i, due.length, t, `review-${item.chapter}`);
          view.fieldset.dataset.chapter = item.chapter;
          view.fieldset.querySelector("legend").after(h("p", { class: "tk-q-context tk-review-from", text: t("review_from", { chapter: titles[item.chapter] }) }));
          paint(view, null, t);
          let current = null;
          let counted = false;
          const keep = (record) => {
            const answers = openAnswers(store, item.chapter, questionsByChapter[item.chapter]);
            answers.records[question.id] = record;
            answers.save();
            current = record;
          };
          s.listen(view.buttons.check, "click", () => {
            const response = responseToCheck(view, t);
            if (response === undefined) return;
            const previous = openAnswers(store, item.chapter, questionsByChapter[item.chapter]).records[question.id];
            const record = checkedRecord(question, previous, response);
            keep(record);
            const fresh = readBoxes(store);
            nextBox(fresh, `${item.chapter}/${question.id}`, item.wrong, record.status === "right", record.time);
            saveBoxes(store, fresh);
            if (!counted) {
              counted = true;
              done.answered += 1;
              if (record.status === "right") done.right += 1;
              say(progress, t, t("review_progress", { answered: done.answered, total: due.length, right: done.right }), "info", "progress");
            }
            paint(view, record, t);
            view.statusEl.focus();
          });
          s.listen(view.buttons.retry, "click", () => {
            keep(openRecord(question, current, current ? current.response : null));
            paint(view, current, t);
            view.parts.inputs[0].input.focus();
          });
          s.listen(view.buttons.reveal, "click", () => {
            keep(revealedRecord(question, current));
            paint(view, current, t);
            view.statusEl.focus();
          });
          return view.fieldset;
        })
      );
    }

    d.listen(again, "click", () => {
      session();
      intro.setAttribute("tabindex", "-1");
      intro.focus();
    });
    d.add(() => undoSession());
    session();
    return () => {
      d.dispose();
      el.replaceChildren();
    };
  },
};
