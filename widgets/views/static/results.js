/*
 * The table of self-test results per chapter that Min översikt (overview.js) and the
 * certificate (certificate.js) show: a shared part (widgets/views/esm.py SHARED_PARTS). A
 * caption, a header row, one row per chapter and one for the whole course, filled from
 * countCourse (answers.js), so both count and show the results alike.
 */

/** resultsTable(t, className, chapterCell) → {table, fill(countCourse(...))}. */
function resultsTable(t, className, chapterCell) {
  const tbody = h("tbody");
  const tfoot = h("tfoot");
  const columns = ["answered", "right_first", "right"];
  const table = h(
    "table",
    { class: className },
    h("caption", { text: t("caption") }),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("chapter") }), columns.map((key) => h("th", { scope: "col", text: t(key) })))),
    tbody,
    tfoot
  );
  const cells = (counts) => [
    h("td", { "data-count": "answered", text: t("of", { n: counts.answered, total: counts.total }) }),
    h("td", { "data-count": "right-first", text: t("of", { n: counts.firstRight, total: counts.graded }) }),
    h("td", { "data-count": "right", text: t("of", { n: counts.right, total: counts.graded }) }),
  ];
  function fill({ rows, all }) {
    tbody.replaceChildren(...rows.map(({ chapter, counts }) => h("tr", { "data-chapter": chapter.chapter }, h("th", { scope: "row" }, chapterCell(chapter)), cells(counts))));
    tfoot.replaceChildren(h("tr", {}, h("th", { scope: "row", text: t("total") }), cells(all)));
  }
  return { table, fill };
}
