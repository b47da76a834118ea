/*
 * "Min översikt" (widgets.views.quiz.ProgressOverview): reads the learner's saved self-test
 * answers with the answer store (answers.js), re-graded against the current questions exactly
 * as each chapter does, and shows per chapter how many are answered, right on the first try
 * and right in the end. "Rensa mina svar" removes the self-test answers and the place to resume
 * (after asking); the plan and the profile are cleared in their own chapters.
 */

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
      const counted = countCourse(readAllAnswers(store, cardsByChapter), chapters);
      const { all, uncounted } = counted;
      fill(counted);
      storeNote.hidden = !uncounted;
      if (all.answered === 0 && !status.textContent) say(status, t, t("nothing_yet"), "info", "nothing_yet");
    }

    el.replaceChildren(h("section", { class: "tk-overview" }, note, storeNote, h("div", { class: "tk-table-wrap" }, table), status, clear, confirmBox));
    draw();
    d.listen(window, "storage", draw);
    return () => {
      d.dispose();
      el.replaceChildren();
    };
  },
};
