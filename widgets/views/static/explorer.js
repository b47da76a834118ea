/*
 * Explorer view (widgets.explorer.Explorer): sliders over a precomputed grid of model
 * results, a chart (lines with 10–90 % bands, or grouped bars), a one-sentence reading and
 * a table alternative. On the static page every control looks its result up in the grid;
 * in a kernel Python also recomputes the chosen point (`live_point`).
 *
 * Optionally the learner first predicts what will happen ("Vad tror du …?"); the chart is
 * revealed after a guess or a skip, as in Nicky Case's The Evolution of Trust.
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const DASHES = ["", "8 5", "2 4", "10 4 2 4", "4 3", "12 3 3 3 3 3"];
const COLOURS = ["#0b5fa5", "#b34700", "#0a7a55", "#a2367a", "#7a5a00", "#3d3d9e"];
const DARK_COLOURS = ["#7cb8f2", "#ffab70", "#6fd6a8", "#f09ad0", "#e8c25c", "#b3b3ff"];

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "text") el.textContent = value;
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) if (child) el.append(child);
  return el;
}

function formatNumber(value, format, decimals) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  if (format === "percent") return `${Math.round(value * 100)} %`;
  const digits = decimals ?? (Math.abs(value) >= 10 ? 0 : Math.abs(value) >= 1 ? 1 : 2);
  return value.toLocaleString("sv-SE", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function niceTicks(min, max, count) {
  const span = max - min || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

function isDark() {
  return document.documentElement.dataset.theme === "dark";
}

/** Rough width of a label in px at the chart's font size (no layout pass needed). */
function textWidth(text, size) {
  return String(text).length * size * 0.58;
}

function drawLines(chart, point, width) {
  const height = Math.max(220, Math.min(340, Math.round(width * 0.62)));
  const narrow = width < 480;
  const longest = Math.max(...chart.series.map((s) => textWidth(s.label, 12)));
  // room for the direct labels at the line ends, and for the y-axis title
  const m = { top: narrow ? 30 : 16, right: Math.ceil(Math.min(longest + 12, width * 0.42)), bottom: 44, left: narrow ? 40 : 52 };
  const w = width - m.left - m.right;
  const hgt = height - m.top - m.bottom;
  const xs = chart.x.values;
  const [xmin, xmax] = [xs[0], xs[xs.length - 1]];
  const { min: ymin, max: ymax } = chart.y;
  const sx = (x) => m.left + ((x - xmin) / (xmax - xmin || 1)) * w;
  const sy = (y) => m.top + hgt - ((y - ymin) / (ymax - ymin || 1)) * hgt;
  const colours = isDark() ? DARK_COLOURS : COLOURS;
  const root = svg("svg", { class: "tk-chart", width, height, viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", focusable: "false" });
  const grid = svg("g", { class: "tk-grid" });
  for (const y of niceTicks(ymin, ymax, 4)) {
    grid.append(svg("line", { x1: m.left, x2: m.left + w, y1: sy(y), y2: sy(y) }));
    grid.append(svg("text", { x: m.left - 6, y: sy(y) + 4, "text-anchor": "end", text: formatNumber(y, chart.y.format) }));
  }
  for (const x of niceTicks(xmin, xmax, Math.max(3, Math.floor(w / 70)))) {
    const anchor = sx(x) > m.left + w - 10 ? "end" : "middle";
    grid.append(svg("text", { x: sx(x), y: m.top + hgt + 18, "text-anchor": anchor, text: formatNumber(x, "number", 0) }));
  }
  grid.append(svg("line", { class: "tk-axis", x1: m.left, x2: m.left + w, y1: m.top + hgt, y2: m.top + hgt }));
  grid.append(svg("text", { class: "tk-axis-label", x: m.left + w / 2, y: height - 6, "text-anchor": "middle", text: chart.x.label }));
  if (narrow) grid.append(svg("text", { class: "tk-axis-label", x: 2, y: 12, "text-anchor": "start", text: chart.y.label }));
  else grid.append(svg("text", { class: "tk-axis-label", x: 12, y: m.top + hgt / 2, transform: `rotate(-90 12 ${m.top + hgt / 2})`, "text-anchor": "middle", text: chart.y.label }));
  root.append(grid);
  const ends = [];
  chart.series.forEach((series, i) => {
    const data = point.lines[series.id];
    if (!data) return;
    const colour = colours[i % colours.length];
    if (data.lo && data.hi) {
      const upper = data.hi.map((v, k) => `${sx(xs[k])},${sy(v)}`);
      const lower = data.lo.map((v, k) => `${sx(xs[k])},${sy(v)}`).reverse();
      root.append(svg("polygon", { class: "tk-band", points: [...upper, ...lower].join(" "), fill: colour }));
    }
    const d = data.mean.map((v, k) => `${k ? "L" : "M"}${sx(xs[k]).toFixed(1)},${sy(v).toFixed(1)}`).join("");
    root.append(svg("path", { class: "tk-line", d, stroke: colour, "stroke-dasharray": DASHES[i % DASHES.length], "data-series": series.id }));
    ends.push({ y: sy(data.mean[data.mean.length - 1]), label: series.label, colour });
  });
  // direct labels at the line ends (nudged apart), so colour is never the only cue
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i += 1) if (ends[i].y - ends[i - 1].y < 15) ends[i].y = ends[i - 1].y + 15;
  for (const end of ends) {
    root.append(svg("text", { class: "tk-end-label", x: m.left + w + 6, y: end.y + 4, fill: end.colour, text: end.label }));
  }
  return root;
}

function drawBars(chart, point, width) {
  const measures = chart.measures;
  const barH = 16;
  const gap = 10;
  const rowH = barH + 20; // a label line above each bar
  const groupH = measures.length * rowH + gap + 18;
  const m = { top: 8, right: 16, bottom: 28, left: 8 };
  const height = m.top + chart.categories.length * groupH + m.bottom;
  const w = width - m.left - m.right;
  // one scale for all bars, or one per measure when the measures count different things
  const scaleFor = (measure) => (chart.scale === "per_measure" ? measure.max : chart.y.max) || 1;
  const colours = isDark() ? DARK_COLOURS : COLOURS;
  const root = svg("svg", { class: "tk-chart", width, height, viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", focusable: "false" });
  chart.categories.forEach((category, ci) => {
    const top = m.top + ci * groupH;
    root.append(svg("text", { class: "tk-category", x: m.left, y: top + 13, text: category.label }));
    measures.forEach((measure, mi) => {
      const value = point.bars[category.id]?.[measure.id] ?? 0;
      const y = top + 20 + mi * rowH;
      const len = Math.max(1, (value / scaleFor(measure)) * w);
      root.append(svg("text", { class: "tk-bar-label", x: m.left, y: y + 12, text: `${measure.label}: ${formatNumber(value, chart.y.format, chart.y.decimals)}` }));
      root.append(svg("rect", { class: "tk-bar", x: m.left, y: y + 17, width: len, height: barH, fill: colours[mi % colours.length], "data-measure": measure.id, "data-category": category.id }));
    });
  });
  return root;
}

function tableFor(chart, point, t) {
  const table = h("table", { class: "tk-table" }, h("caption", { text: t("table_caption") }));
  if (chart.type === "lines") {
    const xs = chart.x.values;
    const every = Math.max(1, Math.ceil(xs.length / 10));
    const rows = xs.map((x, k) => k).filter((k) => k % every === 0 || k === xs.length - 1);
    table.append(h("thead", {}, h("tr", {}, h("th", { scope: "col", text: chart.x.label }), chart.series.map((s) => h("th", { scope: "col", text: s.label })))));
    table.append(
      h("tbody", {}, rows.map((k) => h("tr", {}, h("th", { scope: "row", text: formatNumber(xs[k], "number", 0) }), chart.series.map((s) => h("td", { text: formatNumber(point.lines[s.id]?.mean[k], chart.y.format) })))))
    );
  } else {
    table.append(h("thead", {}, h("tr", {}, h("th", { scope: "col", text: chart.category_label || "" }), chart.measures.map((ms) => h("th", { scope: "col", text: ms.label })))));
    table.append(
      h("tbody", {}, chart.categories.map((c) => h("tr", {}, h("th", { scope: "row", text: c.label }), chart.measures.map((ms) => h("td", { text: formatNumber(point.bars[c.id]?.[ms.id], chart.y.format, chart.y.decimals) })))))
    );
  }
  return table;
}

export default {
  render({ model, el }) {
    const t = makeT(model.get("texts"));
    const spec = model.get("spec");
    const store = openStore();
    const base = uniqueId(spec.id);
    const controls = spec.controls;
    const indices = Object.assign({}, spec.fixed || {}, model.get("indices") || {});
    for (const c of controls) if (!(c.name in indices)) indices[c.name] = c.initial ?? 0;
    const order = spec.order;

    const reading = h("p", { class: "tk-reading", role: "status", "aria-live": "polite", id: `${base}-reading` });
    const chartBox = h("div", { class: "tk-chart-box" });
    const tableBox = h("div", { class: "tk-table-wrap" });
    const details = h("details", { class: "tk-details" }, h("summary", { text: t("show_table") }), tableBox);
    const liveNote = h("p", { class: "tk-note tk-live", hidden: true, text: t("live") });
    const figure = h("figure", { class: "tk-figure", role: "group", "aria-labelledby": `${base}-caption` }, h("figcaption", { id: `${base}-caption`, class: "tk-caption", text: spec.caption }), chartBox);

    const sliders = controls.map((control) => {
      const id = `${base}-${control.name}`;
      if (control.kind === "choice") {
        const radios = control.labels.map((label, i) => {
          const input = h("input", { type: "radio", name: id, id: `${id}-${i}`, value: String(i) });
          input.checked = indices[control.name] === i;
          input.addEventListener("change", () => {
            indices[control.name] = i;
            update();
          });
          return h("div", { class: "tk-choice" }, input, h("label", { for: `${id}-${i}`, text: label }));
        });
        return h("fieldset", { class: "tk-control tk-choices" }, h("legend", { text: control.label }), radios);
      }
      const output = h("output", { for: id, class: "tk-value", id: `${id}-value` });
      const input = h("input", { type: "range", id, min: 0, max: control.values.length - 1, step: 1, value: indices[control.name], "aria-describedby": control.help ? `${id}-help` : null });
      const set = () => {
        const label = control.labels[indices[control.name]];
        output.textContent = label;
        input.setAttribute("aria-valuetext", label);
        input.value = indices[control.name];
      };
      input.addEventListener("input", () => {
        indices[control.name] = Number(input.value);
        set();
        update();
      });
      set();
      return h("div", { class: "tk-control" }, h("label", { for: id, text: control.label }), h("div", { class: "tk-slider" }, input, output), control.help ? h("p", { class: "tk-hint", id: `${id}-help`, text: control.help }) : null);
    });

    let livePoint = null;
    let lastWidth = 0;
    function key() {
      return order.map((name) => indices[name]).join(",");
    }
    function current() {
      if (livePoint && livePoint.key === key()) return livePoint.point;
      return spec.points[key()];
    }
    function draw() {
      const point = current();
      if (!point) return;
      const width = Math.max(280, Math.min(760, chartBox.clientWidth || el.clientWidth || 640));
      lastWidth = width;
      const chartEl = spec.chart.type === "lines" ? drawLines(spec.chart, point, width) : drawBars(spec.chart, point, width);
      chartBox.replaceChildren(chartEl);
      chartBox.dataset.key = key();
      tableBox.replaceChildren(tableFor(spec.chart, point, t));
      reading.textContent = point.reading;
      liveNote.hidden = !(livePoint && livePoint.key === key());
    }
    function update() {
      draw();
      sync(model, { indices: Object.assign({}, indices) });
    }

    const panel = h("div", { class: "tk-panel" }, h("div", { class: "tk-controls" }, sliders), reading, figure, details, liveNote);
    const parts = [];
    if (spec.intro) parts.push(h("p", { class: "tk-intro" }, renderMarkup(spec.intro)));

    const predictionKey = `explorer:${spec.id}:${window.location.pathname}`;
    const question = spec.question;
    if (question) {
      const saved = store.get(predictionKey);
      const name = `${base}-guess`;
      const feedback = h("div", { class: "tk-guess-feedback", role: "status", "aria-live": "polite" });
      const options = question.options.map((option, i) =>
        h("div", { class: "tk-choice" }, h("input", { type: "radio", name, id: `${name}-${i}`, value: String(i) }), h("label", { for: `${name}-${i}` }, renderMarkup(option.text)))
      );
      const reveal = h("button", { type: "button", class: "tk-button tk-primary", text: t("reveal_simulation") });
      const skip = h("button", { type: "button", class: "tk-button", text: t("skip_guess") });
      const fieldset = h("fieldset", { class: "tk-guess" }, h("legend", {}, renderMarkup(question.prompt)), h("p", { class: "tk-hint", text: t("guess_hint") }), options, h("div", { class: "tk-actions" }, reveal, skip), feedback);
      const open = (choice, announce) => {
        panel.hidden = false;
        reveal.hidden = skip.hidden = true;
        fieldset.dataset.revealed = "true";
        if (choice !== null && choice !== undefined && question.options[choice]) {
          options[choice].querySelector("input").checked = true;
          feedback.replaceChildren(h("strong", { text: t("your_guess") }), " ", renderMarkup(question.options[choice].feedback));
        } else if (announce) {
          feedback.textContent = t("skipped");
        }
        options.forEach((o) => (o.querySelector("input").disabled = true));
        requestAnimationFrame(draw);
      };
      reveal.addEventListener("click", () => {
        const chosen = options.findIndex((o) => o.querySelector("input").checked);
        if (chosen < 0) {
          feedback.textContent = t("guess_first");
          return;
        }
        store.set(predictionKey, { guess: chosen });
        open(chosen, true);
      });
      skip.addEventListener("click", () => {
        store.set(predictionKey, { guess: null });
        open(null, true);
      });
      parts.push(fieldset);
      panel.hidden = true;
      if (saved) open(saved.guess, false);
    }
    parts.push(panel);
    el.replaceChildren(h("section", { class: "tk-explorer", "aria-label": spec.title, "data-explorer": spec.id }, h("h3", { class: "tk-explorer-title", text: spec.title }), parts));

    model.on("change:live_point", () => {
      const value = model.get("live_point");
      if (value && value.key) {
        livePoint = value;
        draw();
      }
    });
    draw();
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(() => {
        const width = chartBox.clientWidth;
        if (width && Math.abs(width - lastWidth) > 8) draw();
      }).observe(chartBox);
    }
    new MutationObserver(draw).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  },
};
