/*
 * Klassens resultat (widgets.views.class_results.ClassResults): the teacher chooses the answers
 * files the learners sent (many at once); each is checked and read with answerfile.js (as
 * "Läs in svar från fil" does), bad files are listed with the reason, and the rest are summed
 * up per chapter and question: how many answered, the share right (in the end and on the first
 * try) and the most common wrong answer. The table can be downloaded as CSV. The files are read
 * in the browser: nothing leaves the teacher's computer. Python does the same
 * (widgets.content.answer_files.read_answer_files).
 */

const ANSWERED_STATUSES = ["right", "wrong", "revealed", "reflected"];

/** A response in words: option texts, Sant/Falskt, "left → right" for matched rows that are wrong. */
function describeResponse(question, response, t) {
  const text = (markup) => markupNodes(markup).map((node) => node.text).join("");
  if (question.kind === "truefalse") return t(response ? "true" : "false");
  if (question.kind === "single" || question.kind === "multiple") {
    const byId = Object.fromEntries(question.options.map((o) => [o.id, text(o.text)]));
    return (Array.isArray(response) ? response : [response]).map((id) => byId[id]).join(" + ");
  }
  if (question.kind === "matching") {
    const choices = Object.fromEntries(question.choices.map((c) => [c.id, text(c.text)]));
    return question.pairs
      .filter((pair) => response[pair.id] !== pair.right_id)
      .map((pair) => `${text(pair.left)} → ${choices[response[pair.id]]}`)
      .join("; ");
  }
  return "";
}

/** Per chapter and question: {answered, graded, right, firstRight, wrong: Map(text → n)}. */
function summariseClass(files, chapters, t) {
  const rows = [];
  for (const chapter of chapters) {
    for (const question of chapter.questions) {
      const row = { chapter, question, answered: 0, graded: 0, right: 0, firstRight: 0, wrong: new Map() };
      for (const file of files) {
        const record = (file.records[chapter.chapter] || {})[question.id];
        if (!record || !ANSWERED_STATUSES.includes(record.status)) continue;
        row.answered += 1;
        if (!question.graded) continue;
        row.graded += 1;
        if (record.status === "right") row.right += 1;
        if (record.first === "right") row.firstRight += 1;
        if (record.status === "wrong") {
          const words = describeResponse(question, record.response, t);
          row.wrong.set(words, (row.wrong.get(words) || 0) + 1);
        }
      }
      if (row.answered) rows.push(row);
    }
  }
  return rows;
}

function mostCommon(counts) {
  let best = null;
  for (const [words, n] of counts) if (!best || n > best[1]) best = [words, n];
  return best;
}

function share(n, of) {
  return of ? `${Math.round((100 * n) / of)} %` : "–";
}

function csvCell(value) {
  const text = String(value ?? "");
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export default {
  render({ model, el }) {
    const d = disposer();
    const t = makeT(model.get("texts"));
    const chapters = model.get("chapters") || [];
    const cardsByChapter = Object.fromEntries(chapters.map((c) => [c.chapter, c.questions]));
    const base = uniqueId("class");
    const input = h("input", { type: "file", id: `${base}-files`, class: "tk-class-files", multiple: true, accept: ".json,application/json" });
    const status = h("p", { class: "tk-status tk-class-status", role: "status", "aria-live": "polite" });
    const badList = h("ul", { class: "tk-class-bad" });
    const badBox = h("div", { class: "tk-class-bad-box", hidden: true }, h("p", { class: "tk-class-bad-title", text: t("class_bad_title") }), badList);
    const results = h("div", { class: "tk-class-results" });
    const csvButton = h("button", { type: "button", class: "tk-button tk-class-csv", text: t("class_csv"), hidden: true });
    let rows = [];

    d.listen(input, "change", async () => {
      const chosen = [...(input.files || [])];
      if (!chosen.length) return;
      const good = [];
      const bad = [];
      for (const file of chosen) {
        const found = file.size > ANSWER_FILE_MAX ? { problem: "too_large" } : readAnswerFile(new Uint8Array(await file.arrayBuffer()), cardsByChapter);
        if (found.problem) bad.push(answerFileMessage(t, found.problem, file.name));
        else good.push(found);
      }
      rows = summariseClass(good, chapters, t);
      badList.replaceChildren(...bad.map((message) => h("li", { text: message })));
      badBox.hidden = bad.length === 0;
      draw();
      csvButton.hidden = rows.length === 0;
      say(status, t, t("class_read", { good: good.length, bad: bad.length }), bad.length ? "info" : "right", "read");
    });

    function draw() {
      const byChapter = new Map();
      for (const row of rows) {
        if (!byChapter.has(row.chapter.chapter)) byChapter.set(row.chapter.chapter, []);
        byChapter.get(row.chapter.chapter).push(row);
      }
      const columns = ["class_question", "class_answered", "class_right", "class_right_first", "class_common_wrong"];
      results.replaceChildren(
        ...[...byChapter.values()].map((chapterRows) =>
          h(
            "div",
            { class: "tk-table-wrap" },
            h(
              "table",
              { class: "tk-class-table", "data-chapter": chapterRows[0].chapter.chapter },
              h("caption", { text: chapterRows[0].chapter.title }),
              h("thead", {}, h("tr", {}, columns.map((key) => h("th", { scope: "col", text: t(key) })))),
              h(
                "tbody",
                {},
                chapterRows.map((row) => {
                  const common = mostCommon(row.wrong);
                  return h(
                    "tr",
                    { "data-question": row.question.id },
                    h("th", { scope: "row", text: row.question.label }),
                    h("td", { "data-count": "answered", text: String(row.answered) }),
                    h("td", { "data-count": "right", text: row.question.graded ? share(row.right, row.graded) : t("class_not_graded") }),
                    h("td", { "data-count": "right-first", text: row.question.graded ? share(row.firstRight, row.graded) : "–" }),
                    h("td", { "data-count": "common-wrong", text: common ? t("class_wrong_count", { answer: common[0], n: common[1] }) : "–" })
                  );
                })
              )
            )
          )
        )
      );
    }

    d.listen(csvButton, "click", () => {
      // the columns of ClassAnswers.summary() in Python (widgets/content/answer_files.py)
      const lines = [(model.get("csv_columns") || []).map(csvCell).join(",")];
      for (const row of rows) {
        const common = mostCommon(row.wrong);
        const ratio = (n) => (row.graded ? (n / row.graded).toFixed(2) : "");
        lines.push([row.chapter.chapter, row.question.id, row.answered, ratio(row.right), ratio(row.firstRight), common ? common[0] : "", common ? common[1] : 0].map(csvCell).join(","));
      }
      downloadText(t("class_csv_file"), `${lines.join("\n")}\n`, "text/csv;charset=utf-8");
      say(status, t, t("class_csv_done", { file: t("class_csv_file") }), "right", "csv");
    });

    el.replaceChildren(
      h(
        "section",
        { class: "tk-class", "aria-label": t("class_heading") },
        h("div", { class: "tk-field" }, h("label", { for: `${base}-files`, text: t("class_choose") }), input),
        h("p", { class: "tk-note", text: t("class_local") }),
        status,
        badBox,
        results,
        csvButton
      )
    );
    return () => {
      d.dispose();
      el.replaceChildren();
    };
  },
};
