/*
 * Explorer view (widgets.views.explorer.Explorer): controls over a precomputed grid of model
 * results, a chart (lines with 10–90 % bands, or bars in one small panel per measure), a
 * reading in plain words, a table alternative and an "Om modellen" box.
 *
 * Ask before you tell (after Nicky Case): an explorer with a question hides its reading,
 * chart and table until the learner guesses (or chooses "Visa utan att gissa"), then shows
 * the case the question asked about, with the other cases one click away. On paper every
 * case is printed.
 *
 * Live mode: on the static page every point comes from the grid. In a kernel the view says
 * hello; when Python answers, the sliders take finer steps and each point is computed now,
 * with more runs, and labelled as such (see widgets/views/explorer.py).
 */

const DASHES = ["", "8 5", "2 4", "10 4 2 4", "4 3", "12 3 3 3 3 3"];
const COLOURS = ["#0b5fa5", "#b34700", "#0a7a55", "#a2367a", "#7a5a00", "#3d3d9e"];
const DARK_COLOURS = ["#7cb8f2", "#ffab70", "#6fd6a8", "#f09ad0", "#e8c25c", "#b3b3ff"];
/** Font sizes (px) of the chart's text classes; explorer.css sets the same. */
const FONT_SIZES = { "tk-tick": 12, "tk-axis-label": 12, "tk-end-label": 12, "tk-category": 13, "tk-bar-value": 12, "tk-panel-title": 13 };
const GAP = 6;
const PRINT_WIDTH = 560;
const ANNOUNCE_DELAY_MS = 400;

function niceTicks(min, max, count) {
  const span = max - min || 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

function same(a, b) {
  return a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) < 1e-9);
}

/** The site's dark theme, or JupyterLab's. */
function isDark() {
  return document.documentElement.dataset.theme === "dark" || document.body.dataset.jpThemeLight === "false";
}

/**
 * Measures chart text in a hidden SVG inside `host`, with the chart's own CSS, so that the
 * layout leaves room for every label (an estimate when the page has not laid it out yet).
 */
function makeMeter(host) {
  const box = svgElement("svg", { class: "tk-chart tk-meter", width: 10, height: 10, "aria-hidden": "true", focusable: "false" });
  host.append(box);
  const cache = new Map();
  return {
    size(text, cls) {
      const key = `${cls}|${text}`;
      if (cache.has(key)) return cache.get(key);
      const el = svgElement("text", { class: cls, x: 0, y: 0, text: String(text) });
      box.append(el);
      let bbox;
      try {
        bbox = el.getBBox();
      } catch (err) {
        bbox = null;
      }
      el.remove();
      if (bbox && (bbox.width > 0 || !String(text).length)) {
        const found = { width: bbox.width, height: bbox.height, ascent: -bbox.y };
        cache.set(key, found);
        return found;
      }
      const px = FONT_SIZES[cls] || 12;
      return { width: String(text).length * px * 0.62, height: px * 1.25, ascent: px * 0.95, estimated: true };
    },
    clear() {
      cache.clear();
    },
  };
}

/** Spread label centres (sorted by wish) at least `gap` apart within [low, high]. */
function spread(wishes, gap, low, high) {
  const ys = wishes.map((y) => Math.min(high, Math.max(low, y)));
  for (let i = 1; i < ys.length; i += 1) ys[i] = Math.max(ys[i], ys[i - 1] + gap);
  if (ys.length && ys[ys.length - 1] > high) {
    ys[ys.length - 1] = high;
    for (let i = ys.length - 2; i >= 0; i -= 1) ys[i] = Math.min(ys[i], ys[i + 1] - gap);
  }
  if (ys.length && ys[0] < low) {
    const step = ys.length > 1 ? (high - low) / (ys.length - 1) : 0;
    return ys.map((_, i) => low + i * step);
  }
  return ys;
}

function drawLines(chart, point, width, meter) {
  const colours = isDark() ? DARK_COLOURS : COLOURS;
  const xs = chart.x.values;
  const [xmin, xmax] = [xs[0], xs[xs.length - 1]];
  const { min: ymin, max: ymax } = chart.y;
  const yTicks = niceTicks(ymin, ymax, 4).map((v) => ({ v, label: formatNumber(v, chart.y.format) }));
  const tick = meter.size("0", "tk-tick");
  const yTitle = meter.size(chart.y.label, "tk-axis-label");
  const xTitle = meter.size(chart.x.label, "tk-axis-label");
  const tickWidth = Math.max(...yTicks.map((t) => meter.size(t.label, "tk-tick").width));
  const series = chart.series.filter((s) => point.lines[s.id]);
  const endWidth = Math.max(0, ...series.map((s) => meter.size(s.label, "tk-end-label").width));
  const endHeight = meter.size("Ag", "tk-end-label").height;
  const m = {
    top: yTitle.height + GAP + tick.height / 2 + 2,
    right: Math.ceil(endWidth + 2 * GAP),
    bottom: tick.height / 2 + 2 + tick.height + GAP + xTitle.height + 2,
    left: Math.ceil(tickWidth + GAP + 1),
  };
  const height = Math.round(Math.max(220, Math.min(340, width * 0.62)));
  const w = Math.max(40, width - m.left - m.right);
  const hgt = height - m.top - m.bottom;
  const sx = (x) => m.left + ((x - xmin) / (xmax - xmin || 1)) * w;
  const sy = (y) => m.top + hgt - ((y - ymin) / (ymax - ymin || 1)) * hgt;
  const root = svgElement("svg", { class: "tk-chart", width, height, viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true", focusable: "false" });
  const grid = svgElement("g", { class: "tk-grid" });
  for (const t of yTicks) {
    grid.append(svgElement("line", { x1: m.left, x2: m.left + w, y1: sy(t.v), y2: sy(t.v) }));
    grid.append(svgElement("text", { class: "tk-tick", x: m.left - GAP, y: sy(t.v) - tick.height / 2 + tick.ascent, "text-anchor": "end", text: t.label }));
  }
  // x ticks: as many as fit without touching, kept inside the chart
  const widest = Math.max(meter.size(formatNumber(xmax, "number", 0), "tk-tick").width, meter.size(formatNumber(xmin, "number", 0), "tk-tick").width);
  const xRow = m.top + hgt + tick.height / 2 + 2;
  for (const x of niceTicks(xmin, xmax, Math.max(2, Math.floor(w / (widest + 28))))) {
    const label = formatNumber(x, "number", 0);
    const half = meter.size(label, "tk-tick").width / 2;
    const cx = Math.min(width - half - 1, Math.max(half + 1, sx(x)));
    grid.append(svgElement("text", { class: "tk-tick", x: cx, y: xRow + tick.ascent, "text-anchor": "middle", text: label }));
  }
  grid.append(svgElement("line", { class: "tk-axis", x1: m.left, x2: m.left + w, y1: m.top + hgt, y2: m.top + hgt }));
  const titleX = Math.min(width - xTitle.width / 2 - 1, Math.max(xTitle.width / 2 + 1, m.left + w / 2));
  grid.append(svgElement("text", { class: "tk-axis-label", x: titleX, y: xRow + tick.height + GAP + xTitle.ascent, "text-anchor": "middle", text: chart.x.label }));
  grid.append(svgElement("text", { class: "tk-axis-label", x: 1, y: 1 + yTitle.ascent, "text-anchor": "start", text: chart.y.label }));
  root.append(grid);
  const ends = [];
  series.forEach((s) => {
    const i = chart.series.indexOf(s);
    const data = point.lines[s.id];
    const colour = colours[i % colours.length];
    if (data.lo && data.hi) {
      const upper = data.hi.map((v, k) => `${sx(xs[k]).toFixed(1)},${sy(v).toFixed(1)}`);
      const lower = data.lo.map((v, k) => `${sx(xs[k]).toFixed(1)},${sy(v).toFixed(1)}`).reverse();
      root.append(svgElement("polygon", { class: "tk-band", points: [...upper, ...lower].join(" "), fill: colour }));
    }
    const d = data.mean.map((v, k) => `${k ? "L" : "M"}${sx(xs[k]).toFixed(1)},${sy(v).toFixed(1)}`).join("");
    root.append(svgElement("path", { class: "tk-line", d, stroke: colour, "stroke-dasharray": DASHES[i % DASHES.length], "data-series": s.id }));
    ends.push({ wish: sy(data.mean[data.mean.length - 1]), label: s.label, colour });
  });
  // direct labels at the line ends, nudged apart and kept inside the plot's height
  ends.sort((a, b) => a.wish - b.wish);
  const ys = spread(ends.map((e) => e.wish), endHeight + 1, m.top, m.top + hgt);
  ends.forEach((end, i) => {
    root.append(svgElement("text", { class: "tk-end-label", x: m.left + w + GAP, y: ys[i] - endHeight / 2 + meter.size(end.label, "tk-end-label").ascent, fill: end.colour, text: end.label }));
  });
  return root;
}

function drawBars(chart, point, width, meter) {
  const colours = isDark() ? DARK_COLOURS : COLOURS;
  const barH = 16;
  const left = 1;
  const root = svgElement("svg", { class: "tk-chart", width, "aria-hidden": "true", focusable: "false" });
  const tick = meter.size("0", "tk-tick");
  let y = 1;
  // one panel per measure, each with its own axis: bars are compared only within a panel
  chart.measures.forEach((measure, mi) => {
    const panel = svgElement("g", { class: "tk-panel-chart", "data-measure": measure.id });
    const title = meter.size(measure.label, "tk-panel-title");
    panel.append(svgElement("text", { class: "tk-panel-title", x: left, y: y + title.ascent, text: measure.label }));
    y += title.height + GAP;
    const max = measure.max || 1;
    const labels = chart.categories.map((c) => formatNumber(point.bars[c.id]?.[measure.id] ?? 0, chart.y.format, chart.y.decimals));
    const valueWidth = Math.max(...labels.map((l) => meter.size(l, "tk-bar-value").width));
    const span = Math.max(40, width - left - 2 - GAP - valueWidth);
    const sx = (v) => left + (Math.max(0, v) / max) * span;
    const top = y;
    const rows = [];
    chart.categories.forEach((category, ci) => {
      const name = meter.size(category.label, "tk-category");
      panel.append(svgElement("text", { class: "tk-category", x: left, y: y + name.ascent, text: category.label }));
      y += name.height + 2;
      const value = point.bars[category.id]?.[measure.id] ?? 0;
      const len = Math.max(1, sx(value) - left);
      rows.push(y);
      panel.append(svgElement("rect", { class: "tk-bar", x: left, y, width: len, height: barH, fill: colours[mi % colours.length], "data-measure": measure.id, "data-category": category.id }));
      const label = meter.size(labels[ci], "tk-bar-value");
      panel.append(svgElement("text", { class: "tk-bar-value", x: left + len + GAP, y: y + barH / 2 - label.height / 2 + label.ascent, text: labels[ci] }));
      y += barH + GAP;
    });
    // the panel's own scale: grid lines behind the bars (not through the names) and ticks
    const widest = meter.size(formatNumber(max, chart.y.format, chart.y.decimals), "tk-tick").width;
    const ticks = niceTicks(0, max, Math.max(2, Math.min(5, Math.floor(span / (widest + 28)))));
    for (const v of ticks) {
      const label = formatNumber(v, chart.y.format, Number.isInteger(v) ? 0 : chart.y.decimals);
      const half = meter.size(label, "tk-tick").width / 2;
      for (const row of rows) panel.insertBefore(svgElement("line", { class: "tk-gridline", x1: sx(v), x2: sx(v), y1: row - 2, y2: row + barH + 2 }), panel.firstChild);
      const cx = Math.min(width - half - 1, Math.max(half + 1, sx(v)));
      panel.append(svgElement("text", { class: "tk-tick", x: cx, y: y + tick.ascent, "text-anchor": "middle", text: label }));
    }
    panel.append(svgElement("line", { class: "tk-axis", x1: left, x2: left, y1: top, y2: y }));
    y += tick.height + 2;
    const axis = meter.size(chart.y.label, "tk-axis-label");
    panel.append(svgElement("text", { class: "tk-axis-label", x: left, y: y + axis.ascent, text: chart.y.label }));
    y += axis.height + 3 * GAP;
    root.append(panel);
  });
  const height = Math.ceil(y - 2 * GAP);
  root.setAttribute("height", height);
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return root;
}

function drawChart(chart, point, width, meter) {
  return chart.type === "lines" ? drawLines(chart, point, width, meter) : drawBars(chart, point, width, meter);
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

function paragraphs(texts, cls) {
  return texts.map((text) => h("p", { class: cls }, renderMarkup(text)));
}

export default {
  render({ model, el }) {
    const t = makeT(model.get("texts"));
    const spec = model.get("spec");
    const cleanup = disposer();
    const store = openStore();
    const base = uniqueId(spec.id);
    const controls = spec.controls;
    const grid = Object.fromEntries(spec.grid.map((g) => [g.name, g.values]));
    const values = {};
    for (const g of spec.grid) {
      const control = controls.find((c) => c.name === g.name);
      values[g.name] = g.values[control ? control.initial ?? 0 : spec.fixed[g.name] ?? 0];
    }
    // a hidden box where chart labels are measured (in the section, so it has the chart's CSS)
    const meterHost = h("div", { class: "tk-meter-host", "aria-hidden": "true" });
    const meter = makeMeter(meterHost);
    let live = null; // set when a kernel answers: {runs}
    let livePoint = null; // {values, point} from the kernel
    let waiting = false;
    let requested = 0;
    let queued = false;

    // --- the parts of the view ----------------------------------------------------------
    const announcer = h("p", { class: "tk-visually-hidden tk-announce", role: "status", "aria-live": "polite" });
    let announceTimer = null;
    cleanup.add(() => clearTimeout(announceTimer));
    function announce(text, now) {
      clearTimeout(announceTimer);
      announcer.textContent = "";
      announceTimer = setTimeout(() => (announcer.textContent = text), now ? 50 : ANNOUNCE_DELAY_MS);
    }

    const reading = h("p", { class: "tk-reading", id: `${base}-reading` });
    const chartBox = h("div", { class: "tk-chart-box" });
    const tableBox = h("div", { class: "tk-table-wrap" });
    const details = h("details", { class: "tk-details" }, h("summary", { text: t("show_table") }), tableBox);
    const liveNote = h("p", { class: "tk-note tk-live", hidden: true });
    const figure = h("figure", { class: "tk-figure", "aria-labelledby": `${base}-caption` }, h("figcaption", { id: `${base}-caption`, class: "tk-caption", text: spec.caption }), chartBox);
    const about = spec.about && spec.about.length ? h("details", { class: "tk-about" }, h("summary", { text: t("about_model") }), paragraphs(spec.about, "tk-about-text")) : null;
    const afterGuess = spec.after_guess && spec.after_guess.length ? h("div", { class: "tk-after-guess" }, paragraphs(spec.after_guess, "tk-after-text")) : null;

    // --- controls ----------------------------------------------------------------------
    const sliders = {};
    function options(control) {
      const fine = live && spec.live && spec.live.controls[control.name];
      return fine || { values: control.values, labels: control.labels };
    }
    const controlEls = controls.map((control) => {
      const id = `${base}-${control.name}`;
      if (control.kind === "choice") {
        const radios = control.labels.map((label, i) => {
          const input = h("input", { type: "radio", name: id, id: `${id}-${i}`, value: String(i) });
          input.checked = same(values[control.name], control.values[i]);
          input.addEventListener("change", () => {
            values[control.name] = control.values[i];
            changed();
          });
          return h("div", { class: "tk-choice" }, input, h("label", { for: `${id}-${i}`, text: label }));
        });
        sliders[control.name] = { set: () => radios.forEach((r, i) => (r.querySelector("input").checked = same(values[control.name], control.values[i]))) };
        return h("fieldset", { class: "tk-control tk-choices" }, h("legend", { text: control.label }), radios);
      }
      const output = h("output", { for: id, class: "tk-value", id: `${id}-value` });
      const input = h("input", { type: "range", id, min: 0, step: 1, "aria-describedby": control.help ? `${id}-help` : null });
      const set = () => {
        const { values: list, labels } = options(control);
        const at = Math.max(0, list.findIndex((v) => same(v, values[control.name])));
        input.max = String(list.length - 1);
        input.value = String(at);
        output.textContent = labels[at];
        input.setAttribute("aria-valuetext", labels[at]);
      };
      input.addEventListener("input", () => {
        values[control.name] = options(control).values[Number(input.value)];
        set();
        changed();
      });
      sliders[control.name] = { set };
      set();
      return h("div", { class: "tk-control" }, h("label", { for: id, text: control.label }), h("div", { class: "tk-slider" }, input, output), control.help ? h("p", { class: "tk-hint", id: `${id}-help`, text: control.help }) : null);
    });

    // --- points: the grid, or a live kernel's -------------------------------------------
    function shownValues() {
      return Object.fromEntries(controls.map((c) => [c.name, values[c.name]]));
    }
    function keyFor(vals) {
      const parts = spec.order.map((name) => grid[name].findIndex((v) => same(v, vals[name])));
      return parts.includes(-1) ? null : parts.join(",");
    }
    function isCurrent(vals) {
      return controls.every((c) => same(vals[c.name], values[c.name]));
    }
    function current() {
      if (livePoint && isCurrent(livePoint.values)) return livePoint.point;
      const key = keyFor(values);
      return key === null ? null : spec.points[key];
    }
    function request() {
      if (!live) return;
      if (waiting) {
        queued = true;
        return;
      }
      waiting = true;
      requested += 1;
      model.send({ type: "compute", id: requested, values: shownValues() });
    }

    let lastWidth = 0;
    function chartWidth() {
      return Math.max(280, Math.min(760, chartBox.clientWidth || el.clientWidth || 640));
    }
    function draw() {
      const point = current();
      const fromKernel = Boolean(livePoint && point === livePoint.point);
      if (live && waiting && !fromKernel) {
        liveNote.hidden = false;
        liveNote.textContent = t("live_wait");
      } else if (fromKernel) {
        liveNote.hidden = false;
        const between = keyFor(values) === null ? ` ${t("live_between")}` : "";
        liveNote.textContent = t("live", { runs: formatNumber(live.runs, "number", 0), grid_runs: formatNumber(spec.runs, "number", 0) }) + between;
      } else {
        liveNote.hidden = true;
      }
      if (!point) {
        if (!(live && waiting)) {
          reading.textContent = t("missing_point");
          chartBox.replaceChildren();
          tableBox.replaceChildren();
        }
        return null;
      }
      lastWidth = chartWidth();
      chartBox.replaceChildren(drawChart(spec.chart, point, lastWidth, meter));
      chartBox.dataset.key = keyFor(values) ?? "live";
      tableBox.replaceChildren(tableFor(spec.chart, point, t));
      reading.textContent = point.reading;
      for (const [i, button] of caseButtons.entries()) button.setAttribute("aria-pressed", String(matchesCase(question.cases[i])));
      return point;
    }
    /** After a control changed: draw, and announce the new reading once (in a kernel, when
     * the computed point arrives). Focus stays on the control. */
    function changed() {
      if (live) request();
      const point = draw();
      if (!live) announce(point ? point.reading : t("missing_point"));
    }

    // --- the question, and the cases it asks about --------------------------------------
    const question = spec.question;
    const caseButtons = [];
    function matchesCase(c) {
      return Object.entries(c.indices).every(([name, i]) => same(values[name], grid[name][i]));
    }
    function showCase(c) {
      for (const [name, i] of Object.entries(c.indices)) values[name] = grid[name][i];
      for (const s of Object.values(sliders)) s.set();
    }
    let casesGroup = null;
    if (question) {
      const labelId = `${base}-cases`;
      question.cases.forEach((c) => {
        const button = h("button", { type: "button", class: "tk-button tk-case", "aria-pressed": "false", text: c.label });
        button.addEventListener("click", () => {
          showCase(c);
          changed();
        });
        caseButtons.push(button);
      });
      casesGroup = h("div", { class: "tk-cases", role: "group", "aria-labelledby": labelId }, h("span", { class: "tk-cases-label", id: labelId, text: t("cases_label") }), caseButtons);
    }

    const printCases = question ? h("div", { class: "tk-print-cases" }) : null;
    function drawPrint() {
      if (!printCases) return;
      printCases.replaceChildren(
        h("p", { class: "tk-caption", text: spec.caption }),
        ...question.cases.map((c) => {
          const point = spec.points[spec.order.map((name) => (name in c.indices ? c.indices[name] : spec.fixed[name])).join(",")];
          if (!point) return h("p", { text: t("missing_point") });
          return h("figure", { class: "tk-print-case" }, h("figcaption", { class: "tk-case-title", text: c.label }), drawChart(spec.chart, point, PRINT_WIDTH, meter), h("p", { class: "tk-case-reading", text: point.reading }));
        })
      );
    }

    const panel = h("div", { class: "tk-panel" }, casesGroup, h("div", { class: "tk-controls" }, controlEls), reading, figure, printCases, details, liveNote, about, afterGuess);
    const parts = [];
    if (spec.intro) parts.push(h("p", { class: "tk-intro" }, renderMarkup(spec.intro)));

    if (question) {
      const predictionKey = `explorer:${spec.id}:${window.location.pathname}`;
      const saved = store.get(predictionKey);
      const name = `${base}-guess`;
      const feedback = h("div", { class: "tk-guess-feedback", id: `${base}-feedback`, tabindex: "-1" });
      const options = question.options.map((option, i) =>
        h("div", { class: "tk-choice" }, h("input", { type: "radio", name, id: `${name}-${i}`, value: String(i) }), h("label", { for: `${name}-${i}` }, renderMarkup(option.text)))
      );
      const reveal = h("button", { type: "button", class: "tk-button tk-primary", text: t("reveal_simulation") });
      const skip = h("button", { type: "button", class: "tk-button", text: t("skip_guess") });
      const fieldset = h("fieldset", { class: "tk-guess" }, h("legend", {}, renderMarkup(question.prompt)), h("p", { class: "tk-hint", text: t("guess_hint") }), options, h("div", { class: "tk-actions" }, reveal, skip), feedback);
      const open = (choice) => {
        panel.hidden = false;
        reveal.hidden = skip.hidden = true;
        fieldset.dataset.revealed = "true";
        if (choice !== null && choice !== undefined && question.options[choice]) {
          options[choice].querySelector("input").checked = true;
          feedback.replaceChildren(h("strong", { text: t("your_guess") }), " ", renderMarkup(question.options[choice].feedback));
        } else {
          feedback.textContent = t("skipped");
        }
        options.forEach((o) => (o.querySelector("input").disabled = true));
        showCase(question.cases[0]);
        if (live) request();
        draw();
      };
      reveal.addEventListener("click", () => {
        const chosen = options.findIndex((o) => o.querySelector("input").checked);
        if (chosen < 0) {
          feedback.textContent = t("guess_first");
          announce(t("guess_first"), true);
          return;
        }
        store.set(predictionKey, { guess: chosen });
        open(chosen);
        focusElement(feedback);
      });
      skip.addEventListener("click", () => {
        store.set(predictionKey, { guess: null });
        open(null);
        focusElement(feedback);
      });
      parts.push(fieldset);
      panel.hidden = true;
      if (saved) open(saved.guess);
    }
    parts.push(panel);

    const title = () => h(`h${spec.heading_level || headingLevelFor(el, 3)}`, { class: "tk-explorer-title", id: `${base}-title`, text: spec.title });
    let heading = title();
    const section = h("section", { class: "tk-explorer", "aria-labelledby": `${base}-title`, "data-explorer": spec.id, "data-cases": question ? "" : null }, heading, parts, announcer, meterHost);
    // in JupyterLab, keys on a control (arrows, Space, Enter) work the control, not the
    // notebook's own shortcuts (Lumino checks the focused element itself for this attribute)
    for (const control of section.querySelectorAll("input, button, summary")) control.setAttribute("data-lm-suppress-shortcuts", "true");
    el.replaceChildren(section);

    draw();
    drawPrint();
    // once the view is in the page: the right heading level, and a layout with real text sizes
    const frame = requestAnimationFrame(() => {
      const better = title();
      if (better.tagName !== heading.tagName) {
        heading.replaceWith(better);
        heading = better;
      }
      meter.clear();
      draw();
      drawPrint();
    });
    cleanup.add(() => cancelAnimationFrame(frame));

    if (typeof ResizeObserver !== "undefined") {
      cleanup.observe(new ResizeObserver(() => {
        const width = chartBox.clientWidth;
        if (width && Math.abs(chartWidth() - lastWidth) > 8) draw();
      })).observe(chartBox);
    }
    cleanup.observe(new MutationObserver(() => {
      draw();
      drawPrint();
    })).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

    if (spec.live) {
      const onMessage = (msg) => {
        if (!msg || typeof msg !== "object") return;
        if (msg.type === "live" && !live) {
          live = { runs: msg.runs };
          for (const s of Object.values(sliders)) s.set();
          if (panel.hidden === false) request();
        } else if (msg.type === "point" || msg.type === "error") {
          waiting = false;
          if (msg.type === "point" && msg.id === requested && isCurrent(msg.values)) {
            livePoint = { values: msg.values, point: msg.point };
            draw();
            announce(msg.point.reading);
          }
          if (queued) {
            queued = false;
            request();
          } else draw();
        }
      };
      model.on("msg:custom", onMessage);
      cleanup.add(() => model.off("msg:custom", onMessage));
      model.send({ type: "hello" });
    }
    return () => {
      cleanup.dispose();
    };
  },
};
