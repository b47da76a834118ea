/*
 * Kursintyg (widgets.views.certificate.Certificate): the learner types their name (kept only
 * in this browser) and prints a one-page certificate with the date, each chapter's self-test
 * results (read with the answer store, answers.js, exactly as Min översikt counts them), the
 * course's learning goals and honest words: the results come from self-tests taken alone.
 * The certificate on screen is the one that prints (certificate.css hides the rest of the page).
 */

const NAME_KEY = "intyg-namn";

/** A name as typed, tidied: control characters out, runs of spaces as one, at most `max`. */
function cleanName(raw, max) {
  if (typeof raw !== "string") return "";
  return raw.replace(/[\p{Cc}\p{Cf}]/gu, "").replace(/\s+/g, " ").trim().slice(0, max);
}

/** Today's date in Swedish ("29 november 2026"). */
function swedishDate(date) {
  return new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric" }).format(date);
}

export default {
  render({ model, el }) {
    const d = disposer();
    const t = makeT(model.get("texts"));
    const chapters = model.get("chapters") || [];
    const goals = model.get("goals") || { lead: "", goals: [] };
    const max = model.get("name_max") || 80;
    const store = openStore();
    const cardsByChapter = Object.fromEntries(chapters.map((chapter) => [chapter.chapter, chapter.cards]));
    const level = headingLevelFor(el, 2);

    const base = uniqueId("certificate");
    const input = h("input", { type: "text", id: `${base}-name`, class: "tk-certificate-input", maxlength: max, autocomplete: "name", "aria-describedby": `${base}-hint` });
    input.value = cleanName(store.get(NAME_KEY), max);
    const printButton = h("button", { type: "button", class: "tk-button tk-primary tk-certificate-print", text: t("print") });
    const status = h("p", { class: "tk-status", role: "status", "aria-live": "polite" });
    const form = h(
      "div",
      { class: "tk-certificate-form" },
      store.available ? null : h("p", { class: "tk-note", "data-storage": "unavailable", text: t("storage_unavailable") }),
      h("label", { for: input.id, text: t("name_label") }),
      h("p", { id: `${base}-hint`, class: "tk-certificate-hint", text: t("name_hint") }),
      input,
      h("div", { class: "tk-actions" }, printButton),
      status,
      h(`h${level}`, { class: "tk-certificate-preview", text: t("preview_heading") })
    );

    const nameEl = h("strong", { class: "tk-certificate-name" });
    const statement = h("p", { class: "tk-certificate-statement" });
    const dateEl = h("p", { class: "tk-certificate-date" });
    const { table, fill } = resultsTable(t, "tk-certificate-table", (chapter) => chapter.title);
    const notCounted = h("p", { class: "tk-certificate-note", hidden: true, text: t("not_counted") });
    const sheet = h(
      "article",
      { class: "tk-certificate-sheet", "aria-labelledby": `${base}-title` },
      h(`h${level + 1}`, { id: `${base}-title`, class: "tk-certificate-title", text: t("title") }),
      h("p", { class: "tk-certificate-course", text: t("course") }),
      statement,
      dateEl,
      h("div", { class: "tk-table-wrap" }, table),
      notCounted,
      h(`h${level + 2}`, { class: "tk-certificate-goals-heading", text: t("goals_heading") }),
      h("p", { class: "tk-certificate-goals-lead", text: goals.lead }),
      h("ul", { class: "tk-certificate-goals" }, goals.goals.map((goal) => h("li", { text: goal }))),
      h("p", { class: "tk-certificate-honest", text: t("honest") })
    );
    el.replaceChildren(h("section", { class: "tk-certificate", "aria-label": t("title") }, form, sheet));

    function drawName() {
      const name = cleanName(input.value, max);
      nameEl.textContent = name || t("no_name");
      const [before, after] = t("statement", { name: "\u0000" }).split("\u0000");
      statement.replaceChildren(before, nameEl, after);
      dateEl.textContent = t("date", { date: swedishDate(new Date()) });
    }

    function draw() {
      const counted = countCourse(readAllAnswers(store, cardsByChapter), chapters);
      const { all, uncounted } = counted;
      fill(counted);
      notCounted.hidden = !uncounted;
      if (all.answered === 0) say(status, t, t("nothing_yet"), "info", "nothing_yet");
      drawName();
    }

    d.listen(input, "input", () => {
      const name = cleanName(input.value, max);
      if (name) store.set(NAME_KEY, name);
      else store.remove(NAME_KEY);
      drawName();
    });
    d.listen(printButton, "click", () => {
      drawName();
      say(status, t, t("printed"), "info", "printed");
      window.print();
    });
    draw();
    d.listen(window, "storage", draw);
    return () => {
      d.dispose();
      el.replaceChildren();
    };
  },
};
