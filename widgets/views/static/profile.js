/*
 * Tillitsprofilen (widgets.profile.Profile): the learner rates their organisation from
 * 1 to 5 on each hallmark. Everything happens in the browser, so it works on the static
 * page without a kernel: native radio buttons in a fieldset per hallmark, a chart of the
 * profile as inline SVG, a plain-words reading and a table alternative, all redrawn on
 * every change. Ratings are kept in localStorage under "profile" and can be downloaded
 * as a CSV file (a Blob and <a download>): nothing is sent anywhere. Rensa asks first, like
 * every clear button in the course. In Jupyter the view also writes `ratings` back to Python.
 */

const CHART = { width: 340, row: 46, nameY: 16, barY: 23, barHeight: 14, axis: 26 };

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
      ticks.push(svgElement("line", { class: "tk-profile-tick", x1: x, x2: x, y1: top + barY, y2: top + barY + barHeight }));
    }
    return svgElement(
      "g",
      { class: "tk-profile-row", "data-hallmark": hallmark.id, "data-value": value || null },
      svgElement("text", { class: "tk-profile-chart-name", x: 0, y: top + nameY, text: hallmark.name }),
      svgElement("text", {
        class: value ? "tk-profile-chart-value" : "tk-profile-chart-value tk-profile-chart-missing",
        x: width,
        y: top + nameY,
        "text-anchor": "end",
        text: value ? t("chart_value", { value }) : t("not_rated"),
      }),
      svgElement("rect", { class: "tk-profile-track", x: 0.5, y: top + barY, width: width - 1, height: barHeight, rx: 2 }),
      value ? svgElement("rect", { class: "tk-profile-bar", x: 0.5, y: top + barY, width: Math.max((width * value) / steps - 1, 0), height: barHeight, rx: 2 }) : null,
      ticks
    );
  });
  const labels = [];
  for (let k = 1; k <= steps; k += 1) {
    labels.push(
      svgElement("text", {
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
    const d = disposer();
    const t = makeT(model.get("texts"));
    const hallmarks = model.get("hallmarks") || [];
    const store = openStore();
    const profile = persisted({
      model,
      store,
      key: PROFILE_STORE_KEY,
      trait: "ratings",
      clean: (raw) => cleanRatings(raw, hallmarks),
      same: sameRatings,
      d,
      onOutside() {
        paint();
        draw();
      },
    });

    const base = uniqueId("profile");
    const items = hallmarks.map((hallmark) => {
      const itemId = uniqueId(`profile-${hallmark.id}`);
      const inputs = hallmark.scale.map((statement, i) => {
        const value = i + 1;
        const id = `${itemId}-${value}`;
        const input = h("input", { type: "radio", id, name: `${itemId}-rating`, value: String(value) });
        d.listen(input, "change", () => {
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
    const chartTitle = svgElement("title", { id: titleId });
    const chart = svgElement("svg", { class: "tk-profile-chart", role: "img", "aria-labelledby": titleId });
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
    const confirmBox = confirmStep({
      trigger: clearButton,
      question: t("confirm_clear"),
      yes: t("confirm_yes"),
      no: t("confirm_no"),
      listen: d.listen,
      className: "tk-profile-confirm",
      onYes() {
        profile.set({});
        paint();
        draw();
        say(statusEl, t, t("cleared"), "right");
      },
    });

    const root = h(
      "section",
      { class: "tk-profile", "aria-label": t("heading") },
      h("p", { class: "tk-note", "data-storage": store.available ? "ok" : "unavailable", text: t(store.available ? "saved_locally" : "storage_unavailable") }),
      h("p", { class: "tk-profile-intro", text: t("intro") }),
      h("div", { class: "tk-profile-form" }, items.map((item) => item.fieldset)),
      figure,
      h("div", { class: "tk-actions" }, downloadButton, clearButton),
      confirmBox,
      statusEl
    );
    el.replaceChildren(root);

    function paint() {
      const ratings = profile.get();
      for (const item of items) {
        for (const { input, value } of item.inputs) input.checked = ratings[item.hallmark.id] === value;
      }
    }

    function draw() {
      const ratings = profile.get();
      drawChart(chart, chartTitle, hallmarks, ratings, t);
      readingEl.textContent = readingText(hallmarks, ratings, t);
      drawTable(tbody, hallmarks, ratings, t);
      root.dataset.rated = String(Object.keys(ratings).length);
    }

    function setRating(id, value) {
      profile.set(Object.assign({}, profile.get(), { [id]: value }));
      say(statusEl, t, "", null);
      draw();
    }

    d.listen(downloadButton, "click", () => {
      const ratings = profile.get();
      const missing = items.filter((item) => !ratings[item.hallmark.id]);
      if (missing.length) {
        say(statusEl, t, t("need_all", { total: hallmarks.length, names: joinNames(missing.map((item) => item.hallmark.name), t) }), "info");
        missing[0].inputs[0].input.focus();
        return;
      }
      const columns = model.get("csv_columns") || [];
      const lines = [columns.join(","), ...hallmarks.map((hallmark) => `${hallmark.id},${ratings[hallmark.id]}`)];
      downloadText(t("file_name"), `${lines.join("\n")}\n`, "text/csv;charset=utf-8");
      say(statusEl, t, t("downloaded", { file: t("file_name") }), "right");
    });

    paint();
    draw();
    return () => {
      d.dispose();
      el.replaceChildren();
    };
  },
};
