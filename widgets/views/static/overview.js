/*
 * "Min översikt" (widgets.quiz.ProgressOverview): reads the learner's saved self-test
 * answers from localStorage and shows, per chapter, how many are answered and right.
 * Clearing removes everything the course has saved in this browser.
 */

function chapterCounts(store, chapter) {
  const records = store.get(`quiz:${chapter.chapter}`) || {};
  const answered = chapter.ids.filter((id) => records[id] && records[id].status).length;
  const right = chapter.graded.filter((id) => records[id] && records[id].status === "right").length;
  return { answered, right };
}

export default {
  render({ model, el }) {
    const t = makeT(model.get("texts"));
    const chapters = model.get("chapters") || [];
    const store = openStore();
    const onSite = /\.html?$/.test(window.location.pathname) || window.location.pathname.endsWith("/");

    const note = h("p", { class: "tk-note", "data-storage": store.available ? "ok" : "unavailable", text: t(store.available ? "saved_locally" : "storage_unavailable") });
    const tbody = h("tbody");
    const tfoot = h("tfoot");
    const table = h(
      "table",
      { class: "tk-overview-table" },
      h("caption", { text: t("caption") }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("chapter") }), h("th", { scope: "col", text: t("answered") }), h("th", { scope: "col", text: t("right") }))),
      tbody,
      tfoot
    );
    const status = h("p", { class: "tk-status", role: "status", "aria-live": "polite" });
    const clear = h("button", { type: "button", class: "tk-button", text: t("clear") });
    const yes = h("button", { type: "button", class: "tk-button tk-primary", text: t("confirm_yes") });
    const no = h("button", { type: "button", class: "tk-button", text: t("confirm_no") });
    const confirmBox = h("div", { class: "tk-confirm", hidden: true }, h("p", { text: t("confirm_clear") }), yes, no);

    function draw() {
      let answeredAll = 0;
      let rightAll = 0;
      let idsAll = 0;
      let gradedAll = 0;
      tbody.replaceChildren(
        ...chapters.map((chapter) => {
          const { answered, right } = chapterCounts(store, chapter);
          answeredAll += answered;
          rightAll += right;
          idsAll += chapter.ids.length;
          gradedAll += chapter.graded.length;
          const href = onSite ? chapter.page : chapter.notebook;
          return h(
            "tr",
            { "data-chapter": chapter.chapter },
            h("th", { scope: "row" }, h("a", { href, text: chapter.title })),
            h("td", { "data-count": "answered", text: t("of", { n: answered, total: chapter.ids.length }) }),
            h("td", { "data-count": "right", text: t("of", { n: right, total: chapter.graded.length }) })
          );
        })
      );
      tfoot.replaceChildren(
        h(
          "tr",
          {},
          h("th", { scope: "row", text: t("total") }),
          h("td", { "data-count": "answered", text: t("of", { n: answeredAll, total: idsAll }) }),
          h("td", { "data-count": "right", text: t("of", { n: rightAll, total: gradedAll }) })
        )
      );
      if (answeredAll === 0 && !status.textContent) status.textContent = t("nothing_yet");
    }

    clear.addEventListener("click", () => {
      confirmBox.hidden = false;
      clear.hidden = true;
      no.focus();
    });
    no.addEventListener("click", () => {
      confirmBox.hidden = true;
      clear.hidden = false;
      clear.focus();
    });
    yes.addEventListener("click", () => {
      for (const key of store.keys("")) store.remove(key);
      confirmBox.hidden = true;
      clear.hidden = false;
      status.textContent = t("cleared");
      draw();
      clear.focus();
    });

    el.replaceChildren(h("section", { class: "tk-overview" }, note, h("div", { class: "tk-table-wrap" }, table), status, clear, confirmBox));
    draw();
    window.addEventListener("storage", draw);
  },
};
