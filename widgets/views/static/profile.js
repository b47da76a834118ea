/*
 * Tillitsprofilen (widgets.profile.Profile): the learner rates their organisation from
 * 1 to 5 on each hallmark. Everything happens in the browser, so it works on the static
 * page without a kernel: native radio buttons in a fieldset per hallmark, a chart of the
 * profile as inline SVG, a plain-words reading and a table alternative, all redrawn on
 * every change. Ratings are kept in localStorage under "profile" and can be downloaded
 * as a CSV file (a Blob and <a download>): nothing is sent anywhere. In Jupyter the view
 * also writes `ratings` back to Python.
 */

const PROFILE_KEY = "profile";
const SVG_NS = "http://www.w3.org/2000/svg";
const CHART = { width: 340, row: 46, nameY: 16, barY: 23, barHeight: 14, axis: 26 };

/** Create an SVG element: svg("rect", {x: 0}, child, …). */
function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") el.textContent = value;
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}

/** Only known hallmarks with a whole-number rating on their scale. */
function cleanRatings(raw, hallmarks) {
  const clean = {};
  if (!raw || typeof raw !== "object") return clean;
  for (const hallmark of hallmarks) {
    const value = raw[hallmark.id];
    if (Number.isInteger(value) && value >= 1 && value <= hallmark.scale.length) clean[hallmark.id] = value;
  }
  return clean;
}

function sameRatings(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** "A", "A och B", "A, B och C". */
function joinNames(names, t) {
  if (names.length < 2) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${t("list_and")} ${names[names.length - 1]}`;
}

/** The profile in plain words: how many are rated, the strongest and the weakest (with ties). */
function readingText(hallmarks, ratings, t) {
  const rated = hallmarks.filter((hallmark) => ratings[hallmark.id]);
  if (!rated.length) return t("reading_none");
  const parts = [];
  if (rated.length < hallmarks.length) parts.push(t("reading_count", { n: rated.length, total: hallmarks.length }));
  const values = rated.map((hallmark) => ratings[hallmark.id]);
  const high = Math.max(...values);
  const low = Math.min(...values);
  const names = (value) => joinNames(rated.filter((hm) => ratings[hm.id] === value).map((hm) => hm.name), t);
  if (high === low) {
    parts.push(t("reading_same", { value: high }));
  } else {
    parts.push(t("reading_strongest", { names: names(high), value: high }));
    parts.push(t("reading_weakest", { names: names(low), value: low }));
  }
  return parts.join(" ");
}

function chartSummary(hallmarks, ratings, t) {
  const items = hallmarks.map((hallmark) =>
    ratings[hallmark.id]
      ? t("chart_item", { name: hallmark.name, value: ratings[hallmark.id] })
      : t("chart_item_missing", { name: hallmark.name })
  );
  return t("chart_title", { items: items.join(", ") });
}

/** Horizontal bars on the scale 1–5, one row per hallmark, with names and values as text. */
function drawChart(chart, title, hallmarks, ratings, t) {
  const { width, row, nameY, barY, barHeight, axis } = CHART;
  const steps = Math.max(...hallmarks.map((hallmark) => hallmark.scale.length), 1);
  const height = hallmarks.length * row + axis;
  chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
  title.textContent = chartSummary(hallmarks, ratings, t);
  const rows = hallmarks.map((hallmark, i) => {
    const top = i * row;
    const value = ratings[hallmark.id] || 0;
    const ticks = [];
    for (let k = 1; k < steps; k += 1) {
      const x = (width * k) / steps;
      ticks.push(svg("line", { class: "tk-profile-tick", x1: x, x2: x, y1: top + barY, y2: top + barY + barHeight }));
    }
    return svg(
      "g",
      { class: "tk-profile-row", "data-hallmark": hallmark.id, "data-value": value || null },
      svg("text", { class: "tk-profile-chart-name", x: 0, y: top + nameY, text: hallmark.name }),
      svg("text", {
        class: value ? "tk-profile-chart-value" : "tk-profile-chart-value tk-profile-chart-missing",
        x: width,
        y: top + nameY,
        "text-anchor": "end",
        text: value ? t("chart_value", { value }) : t("not_rated"),
      }),
      svg("rect", { class: "tk-profile-track", x: 0.5, y: top + barY, width: width - 1, height: barHeight, rx: 2 }),
      value ? svg("rect", { class: "tk-profile-bar", x: 0.5, y: top + barY, width: Math.max((width * value) / steps - 1, 0), height: barHeight, rx: 2 }) : null,
      ticks
    );
  });
  const labels = [];
  for (let k = 1; k <= steps; k += 1) {
    labels.push(
      svg("text", {
        class: "tk-profile-axis",
        x: (width * k) / steps,
        y: hallmarks.length * row + axis - 8,
        "text-anchor": k === steps ? "end" : "middle",
        text: String(k),
      })
    );
  }
  chart.replaceChildren(title, ...rows, ...labels);
}

function drawTable(tbody, hallmarks, ratings, t) {
  tbody.replaceChildren(
    ...hallmarks.map((hallmark) => {
      const value = ratings[hallmark.id];
      return h(
        "tr",
        { "data-hallmark": hallmark.id },
        h("th", { scope: "row", text: hallmark.name }),
        h("td", { text: value ? t("chart_value", { value }) : t("not_rated") }),
        h("td", { text: value ? hallmark.scale[value - 1] : "" })
      );
    })
  );
}

export default {
  render({ model, el }) {
    const t = makeT(model.get("texts"));
    const hallmarks = model.get("hallmarks") || [];
    const store = openStore();
    const fromModel = cleanRatings(model.get("ratings"), hallmarks);
    let ratings = Object.keys(fromModel).length ? fromModel : cleanRatings(store.get(PROFILE_KEY), hallmarks);

    const base = uniqueId("profile");
    const items = hallmarks.map((hallmark) => {
      const itemId = uniqueId(`profile-${hallmark.id}`);
      const inputs = hallmark.scale.map((statement, i) => {
        const value = i + 1;
        const id = `${itemId}-${value}`;
        const input = h("input", { type: "radio", id, name: `${itemId}-rating`, value: String(value) });
        input.addEventListener("change", () => {
          if (input.checked) setRating(hallmark.id, value);
        });
        const label = h(
          "label",
          { for: id },
          h("span", { class: "tk-profile-num", text: String(value) }),
          h("span", { class: "tk-profile-statement", text: statement })
        );
        return { input, value, option: h("div", { class: "tk-profile-option" }, input, label) };
      });
      const fieldset = h(
        "fieldset",
        { class: "tk-profile-item", "data-hallmark": hallmark.id },
        h("legend", {}, h("span", { class: "tk-profile-name", text: hallmark.name }), h("span", { class: "tk-profile-desc", text: hallmark.description })),
        h("div", { class: "tk-profile-scale" }, inputs.map((x) => x.option))
      );
      return { hallmark, fieldset, inputs };
    });

    const titleId = `${base}-chart-title`;
    const chartTitle = svg("title", { id: titleId });
    const chart = svg("svg", { class: "tk-profile-chart", role: "img", "aria-labelledby": titleId });
    const readingEl = h("p", { class: "tk-profile-reading", "aria-live": "polite", id: `${base}-reading` });
    const tbody = h("tbody");
    const table = h(
      "table",
      { class: "tk-profile-table" },
      h("caption", { text: t("table_caption") }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: t("col_hallmark") }), h("th", { scope: "col", text: t("col_rating") }), h("th", { scope: "col", text: t("col_meaning") }))),
      tbody
    );
    const details = h("details", { class: "tk-profile-details" }, h("summary", { text: t("table_toggle") }), h("div", { class: "tk-table-wrap" }, table));
    const figure = h(
      "figure",
      { class: "tk-profile-figure" },
      h("figcaption", { class: "tk-profile-heading", text: t("result_heading") }),
      h("div", { class: "tk-profile-result" }, chart, readingEl),
      details
    );

    const downloadButton = h("button", { type: "button", class: "tk-button tk-primary tk-profile-download", text: t("download") });
    const clearButton = h("button", { type: "button", class: "tk-button tk-profile-clear", text: t("clear") });
    const statusEl = h("p", { class: "tk-status", role: "status", "aria-live": "polite" });

    const root = h(
      "section",
      { class: "tk-profile", "aria-label": t("heading") },
      h("p", { class: "tk-note", "data-storage": store.available ? "ok" : "unavailable", text: t(store.available ? "saved_locally" : "storage_unavailable") }),
      h("p", { class: "tk-profile-intro", text: t("intro") }),
      h("div", { class: "tk-profile-form" }, items.map((item) => item.fieldset)),
      figure,
      h("div", { class: "tk-actions" }, downloadButton, clearButton),
      statusEl
    );
    el.replaceChildren(root);

    function say(text, mark) {
      statusEl.replaceChildren();
      if (!text) {
        statusEl.removeAttribute("data-mark");
        return;
      }
      statusEl.dataset.mark = mark;
      statusEl.append(h("span", { class: "tk-icon", "aria-hidden": "true", text: t(mark === "right" ? "icon_right" : "icon_info") }), text);
    }

    function paint() {
      for (const item of items) {
        for (const { input, value } of item.inputs) input.checked = ratings[item.hallmark.id] === value;
      }
    }

    function draw() {
      drawChart(chart, chartTitle, hallmarks, ratings, t);
      readingEl.textContent = readingText(hallmarks, ratings, t);
      drawTable(tbody, hallmarks, ratings, t);
      root.dataset.rated = String(Object.keys(ratings).length);
    }

    function keep() {
      if (Object.keys(ratings).length) store.set(PROFILE_KEY, ratings);
      else store.remove(PROFILE_KEY);
    }

    function save() {
      keep();
      draw();
      sync(model, { ratings: Object.assign({}, ratings) });
    }

    function setRating(id, value) {
      ratings = Object.assign({}, ratings, { [id]: value });
      say("", null);
      save();
    }

    downloadButton.addEventListener("click", () => {
      const missing = items.filter((item) => !ratings[item.hallmark.id]);
      if (missing.length) {
        say(t("need_all", { total: hallmarks.length, names: joinNames(missing.map((item) => item.hallmark.name), t) }), "info");
        missing[0].inputs[0].input.focus();
        return;
      }
      const columns = model.get("csv_columns") || [];
      const lines = [columns.join(","), ...hallmarks.map((hallmark) => `${hallmark.id},${ratings[hallmark.id]}`)];
      const blob = new Blob([`${lines.join("\n")}\n`], { type: "text/csv;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const link = h("a", { href: url, download: t("file_name"), hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      say(t("downloaded", { file: t("file_name") }), "right");
    });

    clearButton.addEventListener("click", () => {
      ratings = {};
      paint();
      save();
      say(t("cleared"), "right");
    });

    model.on("change:ratings", () => {
      const incoming = cleanRatings(model.get("ratings"), hallmarks);
      if (sameRatings(incoming, ratings)) return;
      ratings = incoming;
      keep();
      paint();
      draw();
    });

    paint();
    draw();
    if (!sameRatings(ratings, cleanRatings(model.get("ratings"), hallmarks))) {
      sync(model, { ratings: Object.assign({}, ratings) });
    }
  },
};
