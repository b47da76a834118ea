/*
 * "Lägg ihop profiler" (widgets.views.combine.ProfileCombiner): the teacher picks (or drops)
 * many Tillitsprofil CSV files and learners' answers files; the group profile is computed
 * here in the browser, with the same rules as widgets/content/profiles.py (read_profile,
 * parse_answers_profile, combine_ratings). One table of cases (tests/tables/profiles.json)
 * checks both. Files are read with File.arrayBuffer(): nothing is sent anywhere and nothing
 * is kept after the page closes. A file that cannot be used is listed with its reason.
 */

const CSV_DELIMITERS = [",", ";", "\t"];
const ANSWERS_FORMAT = "tillitskursen-svar";
const GROUP_CHART = { width: 340, row: 46, nameY: 16, lineY: 30, axis: 30, legend: 24, pad: 10, dot: 6 };
const CHART_COLOURS = { text: "#1a1a1a", line: "#0b5fa5", dot: "#b34700", grid: "#c9ced6" };

/** The text key of each reason a file is not used (the reasons of profiles.ProfileFileError). */
const REASON_KEYS = {
  not_profile: "reason_not_profile",
  too_large: "reason_too_large",
  empty: "reason_empty",
  encoding: "reason_encoding",
  header: "reason_header",
  columns: "reason_columns",
  unknown_hallmark: "reason_unknown_hallmark",
  repeated_hallmark: "reason_repeated_hallmark",
  no_rating: "reason_no_rating",
  not_integer: "reason_not_integer",
  out_of_range: "reason_out_of_range",
  missing_hallmarks: "reason_missing_hallmarks",
  not_answers: "reason_not_answers",
  answers_version: "reason_answers_version",
  no_profile: "reason_no_profile",
  bad_profile: "reason_bad_profile",
  duplicate: "reason_duplicate",
  unreadable: "reason_unreadable",
};
/** The downloads: the button's text key and the file name's. */
const DOWNLOADS = {
  csv: { label: "download_csv", file: "csv_file" },
  svg: { label: "download_svg", file: "svg_file" },
  png: { label: "download_png", file: "png_file" },
};

class ProfileRefusal extends Error {
  constructor(reason, line, value) {
    super(reason);
    this.reason = reason;
    this.line = line ?? null;
    this.value = value ?? null;
  }
}

/** The file's text (UTF-8, a byte order mark dropped) or a refusal, as profiles._decode. */
function decodeBytes(bytes, limit) {
  if (bytes.length > limit) throw new ProfileRefusal("too_large");
  if (!bytes.some((b) => b !== 0x20 && (b < 0x09 || b > 0x0d))) throw new ProfileRefusal("empty");
  if (bytes.includes(0)) throw new ProfileRefusal("encoding");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ProfileRefusal("encoding");
  }
}

/** One CSV line as cells, as Python's csv.reader reads it (quotes only at a cell's start). */
function splitCells(line, delimiter) {
  const cells = [];
  let cell = "";
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = "";
      atStart = true;
      continue;
    } else if (c === '"' && atStart) quoted = true;
    else cell += c;
    atStart = false;
  }
  cells.push(cell);
  return cells;
}

/**
 * A profile file's ratings {id: n} (every hallmark), or a ProfileRefusal with the reason, the
 * line and the value, as profiles.parse_profile. `semicolons` says Excel's separator was used.
 */
function parseProfile(bytes, hallmarks, columns, limit) {
  const text = decodeBytes(bytes, limit);
  const ids = hallmarks.map((hallmark) => hallmark.id);
  const steps = Math.max(...hallmarks.map((hallmark) => hallmark.scale.length));
  let headerLine = null;
  let delimiter = ",";
  const ratings = {};
  const seen = {};
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const number = index + 1;
    const line = lines[index].trim();
    if (!line || line.startsWith("#")) continue;
    if (headerLine === null) {
      delimiter = CSV_DELIMITERS.find((d) => line.includes(d)) || ",";
      const cells = splitCells(line, delimiter).map((c) => c.trim().toLowerCase());
      if (cells.length !== columns.length || cells.some((c, i) => c !== columns[i])) throw new ProfileRefusal("header", number);
      headerLine = number;
      continue;
    }
    const cells = splitCells(line, delimiter).map((c) => c.trim());
    if (cells.length !== 2) throw new ProfileRefusal("columns", number);
    const [name, value] = cells;
    const id = name.toLowerCase();
    if (!ids.includes(id)) throw new ProfileRefusal("unknown_hallmark", number, name);
    if (id in seen) throw new ProfileRefusal("repeated_hallmark", number, name);
    if (!value) throw new ProfileRefusal("no_rating", number);
    if (!/^[+]?[0-9]+$/.test(value)) throw new ProfileRefusal("not_integer", number, value);
    const rating = Number(value);
    if (rating < 1 || rating > steps) throw new ProfileRefusal("out_of_range", number, String(rating));
    seen[id] = number;
    ratings[id] = rating;
  }
  if (headerLine === null) throw new ProfileRefusal("empty");
  const missing = hallmarks.filter((hallmark) => !(hallmark.id in ratings));
  if (missing.length) throw new ProfileRefusal("missing_hallmarks", headerLine, missing.map((hallmark) => hallmark.name));
  return { ratings: Object.fromEntries(ids.map((id) => [id, ratings[id]])), semicolons: delimiter === ";" };
}

/** The profile in a learner's answers file (the hallmarks rated), as profiles.parse_answers_profile. */
function parseAnswersProfile(bytes, hallmarks, limit) {
  const text = decodeBytes(bytes, limit);
  let raw;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch {
    throw new ProfileRefusal("not_answers");
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw) || raw.format !== ANSWERS_FORMAT) throw new ProfileRefusal("not_answers");
  if (raw.version !== 1) throw new ProfileRefusal("answers_version");
  const profile = raw.profile;
  if (!profile || typeof profile !== "object" || Array.isArray(profile) || !Object.keys(profile).length) throw new ProfileRefusal("no_profile");
  const ratings = {};
  for (const [key, value] of Object.entries(profile)) {
    const hallmark = hallmarks.find((hm) => hm.id === key);
    if (!hallmark || typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > hallmark.scale.length) {
      throw new ProfileRefusal("bad_profile", null, key);
    }
    ratings[key] = value;
  }
  return { ratings: Object.fromEntries(hallmarks.filter((hm) => hm.id in ratings).map((hm) => [hm.id, ratings[hm.id]])), semicolons: false };
}

/** A picked file's bytes → {ratings, semicolons} or a ProfileRefusal (by its extension). */
function readProfileFile(name, bytes, hallmarks, limits, columns) {
  const lower = String(name).toLowerCase();
  if (lower.endsWith(".csv")) return parseProfile(bytes, hallmarks, columns, limits.csv);
  if (lower.endsWith(".json")) return parseAnswersProfile(bytes, hallmarks, limits.json);
  throw new ProfileRefusal("not_profile");
}

/** The size limit for a file of this name (checked before it is read). */
function sizeLimit(name, limits) {
  return String(name).toLowerCase().endsWith(".json") ? limits.json : limits.csv;
}

/**
 * The group profile, as profiles.combine_ratings: per hallmark the mean, the sample standard
 * deviation (null below two ratings), the lowest and highest rating and the count.
 */
function combineRatings(profiles, hallmarks) {
  return hallmarks.map((hallmark) => {
    const values = profiles.filter((p) => hallmark.id in p).map((p) => p[hallmark.id]);
    const count = values.length;
    const mean = count ? values.reduce((a, b) => a + b, 0) / count : null;
    const std = count > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (count - 1)) : null;
    return {
      id: hallmark.id,
      name: hallmark.name,
      mean,
      std,
      min: count ? Math.min(...values) : null,
      max: count ? Math.max(...values) : null,
      count,
    };
  });
}

/** The group profile as CSV (the columns of profiles.GROUP_COLUMNS, a dot for decimals). */
function groupCsv(rows, columns) {
  const number = (value) => (value === null ? "" : String(Math.round(value * 100) / 100));
  const quote = (text) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [["id", ...columns].join(",")];
  for (const row of rows) lines.push([row.id, quote(row.name), number(row.mean), number(row.std), number(row.min), number(row.max), row.count].join(","));
  return `${lines.join("\n")}\n`;
}

/** The reading in words: how many, highest and lowest mean, most and least spread (with ties). */
function groupReading(rows, profileCount, t) {
  if (!profileCount) return t("reading_none");
  const rated = rows.filter((row) => row.count);
  const one = (value) => formatNumber(value, "number", 1);
  const tied = (value) => joinNames(rated.filter((row) => one(row.mean) === one(value)).map((row) => row.name), t);
  const parts = [t(profileCount === 1 ? "reading_one" : "reading_count", { n: profileCount })];
  const means = rated.map((row) => row.mean);
  const high = Math.max(...means);
  const low = Math.min(...means);
  if (one(high) === one(low)) parts.push(t("reading_same", { value: one(high) }));
  else {
    parts.push(t("reading_highest", { names: tied(high), value: one(high) }));
    parts.push(t("reading_lowest", { names: tied(low), value: one(low) }));
  }
  const spread = rated.filter((row) => row.std !== null);
  if (spread.length) {
    const most = Math.max(...spread.map((row) => row.std));
    const least = Math.min(...spread.map((row) => row.std));
    const tiedSpread = (value) => joinNames(spread.filter((row) => one(row.std) === one(value)).map((row) => row.name), t);
    parts.push(t("reading_spread", { names: tiedSpread(most), value: one(most) }));
    if (one(least) !== one(most)) parts.push(t("reading_agree", { names: tiedSpread(least), value: one(least) }));
  }
  return parts.join(" ");
}

/**
 * The chart, as widgets/figures/group_profile.group_chart draws it: per hallmark the range from
 * the lowest to the highest rating (a line with end marks) and the mean (a dot with its value).
 * Colours are presentation attributes (so a downloaded copy stands alone); the page's CSS
 * overrides them for dark mode.
 */
function drawGroupChart(svg, title, rows, profileCount, steps, t) {
  const { width, row, nameY, lineY, axis, legend, pad, dot } = GROUP_CHART;
  const height = rows.length * row + axis + legend;
  const x = (value) => pad + ((width - 2 * pad) * (value - 1)) / Math.max(steps - 1, 1);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const items = rows.map((r) =>
    r.count
      ? t("chart_item", { name: r.name, mean: formatNumber(r.mean, "number", 1), min: r.min, max: r.max })
      : t("chart_item_none", { name: r.name })
  );
  title.textContent = t("chart_title", { n: profileCount, items: items.join(", ") });
  const grid = [];
  for (let k = 1; k <= steps; k += 1) {
    grid.push(svgElement("line", { class: "tk-combine-grid", x1: x(k), x2: x(k), y1: 0, y2: rows.length * row, stroke: CHART_COLOURS.grid }));
    grid.push(
      svgElement("text", { class: "tk-combine-axis", x: x(k), y: rows.length * row + axis - 10, "text-anchor": "middle", fill: CHART_COLOURS.text, text: String(k) })
    );
  }
  const marks = rows.map((r, i) => {
    const top = i * row;
    const y = top + lineY;
    const parts = [
      svgElement("text", { class: "tk-combine-name", x: 0, y: top + nameY, fill: CHART_COLOURS.text, text: r.name }),
      svgElement("text", {
        class: "tk-combine-value",
        x: width,
        y: top + nameY,
        "text-anchor": "end",
        fill: CHART_COLOURS.text,
        text: r.count ? t("chart_value", { mean: formatNumber(r.mean, "number", 1) }) : "–",
      }),
    ];
    if (r.count) {
      parts.push(
        svgElement("line", { class: "tk-combine-range", x1: x(r.min), x2: x(r.max), y1: y, y2: y, stroke: CHART_COLOURS.line, "stroke-width": 3 }),
        svgElement("line", { class: "tk-combine-range", x1: x(r.min), x2: x(r.min), y1: y - 7, y2: y + 7, stroke: CHART_COLOURS.line, "stroke-width": 3 }),
        svgElement("line", { class: "tk-combine-range", x1: x(r.max), x2: x(r.max), y1: y - 7, y2: y + 7, stroke: CHART_COLOURS.line, "stroke-width": 3 }),
        svgElement("circle", { class: "tk-combine-mean", cx: x(r.mean), cy: y, r: dot, fill: CHART_COLOURS.dot, stroke: "#000", "stroke-width": 1 })
      );
    }
    return svgElement("g", { class: "tk-combine-row", "data-hallmark": r.id }, parts);
  });
  const key = svgElement("text", { class: "tk-combine-legend", x: 0, y: height - 6, fill: CHART_COLOURS.text, text: t("chart_legend") });
  svg.replaceChildren(title, ...grid, ...marks, key);
}

/** The chart as a stand-alone SVG file: a white background, the font and the namespace. */
function standaloneSvg(svg) {
  const copy = svg.cloneNode(true);
  copy.setAttribute("xmlns", SVG_NAMESPACE);
  const [, , width, height] = copy.getAttribute("viewBox").split(" ").map(Number);
  copy.setAttribute("width", String(width * 2));
  copy.setAttribute("height", String(height * 2));
  copy.setAttribute("font-family", "Arial, Helvetica, sans-serif");
  copy.setAttribute("font-size", "12");
  copy.insertBefore(svgElement("rect", { x: -20, y: -10, width: width + 40, height: height + 20, fill: "#ffffff" }), copy.firstChild.nextSibling);
  copy.setAttribute("viewBox", `-20 -10 ${width + 40} ${height + 20}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** The stand-alone SVG drawn on a canvas, as a PNG Blob (everything stays in the browser). */
async function pngBlob(svgText, width, height) {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    canvas.getContext("2d").drawImage(image, 0, 0, width, height);
    return await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The Swedish reason a file is not used ("rad 3: betyget 7 ligger utanför skalan …"). */
function reasonText(refusal, t, limits, name) {
  const value = Array.isArray(refusal.value) ? joinNames(refusal.value, t) : refusal.value;
  const limit = `${Math.round(sizeLimit(name, limits) / 1024)} kB`;
  const text = t(REASON_KEYS[refusal.reason] || REASON_KEYS.unreadable, { value, limit });
  return refusal.line ? t("line", { line: refusal.line }) + text : text;
}

export default {
  render({ model, el }) {
    const d = disposer();
    const t = makeT(model.get("texts"));
    const hallmarks = model.get("hallmarks") || [];
    const columns = model.get("csv_columns") || [];
    const groupColumns = model.get("group_columns") || [];
    const limits = model.get("limits") || { csv: 65536, json: 1048576 };
    const steps = Math.max(...hallmarks.map((hallmark) => hallmark.scale.length), 1);
    const level = headingLevelFor(el, 3);
    /** Every picked file: {key, name, bytes, ratings, semicolons, refusal}. */
    let files = [];

    const base = uniqueId("combine");
    const input = h("input", { type: "file", id: `${base}-input`, multiple: true, accept: ".csv,.json,text/csv,application/json", "aria-describedby": `${base}-hint` });
    const pick = h(
      "div",
      { class: "tk-combine-pick" },
      h("label", { for: input.id, class: "tk-combine-label", text: t("pick_label") }),
      h("p", { id: `${base}-hint`, class: "tk-combine-hint", text: t("pick_hint") }),
      input
    );
    const status = h("p", { class: "tk-status", role: "status", "aria-live": "polite" });
    const list = h("ul", { class: "tk-combine-files" });
    const clearButton = h("button", { type: "button", class: "tk-button tk-combine-clear", text: t("clear") });
    const titleId = `${base}-chart-title`;
    const chartTitle = svgElement("title", { id: titleId });
    const chart = svgElement("svg", { class: "tk-combine-chart", role: "img", "aria-labelledby": titleId });
    const reading = h("p", { class: "tk-combine-reading" });
    const caption = h("caption");
    const tbody = h("tbody");
    const table = h(
      "table",
      { class: "tk-combine-table" },
      caption,
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ["col_hallmark", "col_mean", "col_std", "col_min", "col_max", "col_count"].map((key) => h("th", { scope: "col", text: t(key) }))
        )
      ),
      tbody
    );
    const downloads = Object.entries(DOWNLOADS).map(([kind, keys]) => h("button", { type: "button", class: "tk-button tk-combine-download", "data-kind": kind, text: t(keys.label) }));
    const result = h(
      "div",
      { class: "tk-combine-result" },
      h(`h${level}`, { class: "tk-combine-heading", text: t("result_heading") }),
      reading,
      h("figure", { class: "tk-combine-figure" }, chart),
      h("div", { class: "tk-table-wrap" }, table),
      h("div", { class: "tk-actions" }, downloads)
    );
    const root = h(
      "section",
      { class: "tk-combine", "aria-label": t("heading") },
      h("p", { class: "tk-note", text: t("privacy") }),
      pick,
      status,
      h(`h${level}`, { class: "tk-combine-heading", text: t("files_heading") }),
      list,
      clearButton,
      result
    );
    el.replaceChildren(root);

    const used = () => files.filter((file) => file.ratings);

    function draw() {
      const profiles = used().map((file) => file.ratings);
      const rows = combineRatings(profiles, hallmarks);
      list.replaceChildren(
        ...(files.length
          ? files.map((file) => {
              const state = file.ratings
                ? file.semicolons
                  ? `${t("file_used")}; ${t("semicolon_note")}`
                  : Object.keys(file.ratings).length < hallmarks.length
                  ? t("file_used_partial", { n: Object.keys(file.ratings).length, total: hallmarks.length })
                  : t("file_used")
                : t("file_not_used", { reason: reasonText(file.refusal, t, limits, file.name) });
              const remove = h("button", { type: "button", class: "tk-button tk-combine-remove", "aria-label": t("remove_label", { file: file.name }), text: t("remove") });
              d.listen(remove, "click", () => removeFile(file));
              return h(
                "li",
                { class: "tk-combine-file", "data-used": file.ratings ? "yes" : "no", "data-reason": file.refusal ? file.refusal.reason : null },
                h("span", { class: "tk-combine-file-name", text: file.name }),
                " ",
                h("span", { class: "tk-combine-file-state", text: state }),
                " ",
                remove
              );
            })
          : [h("li", { class: "tk-combine-empty", text: t("files_none") })])
      );
      clearButton.hidden = !files.length;
      result.hidden = !profiles.length;
      root.dataset.used = String(profiles.length);
      reading.textContent = groupReading(rows, profiles.length, t);
      caption.textContent = t("group_caption", { n: profiles.length });
      tbody.replaceChildren(
        ...rows.map((row) =>
          h(
            "tr",
            { "data-hallmark": row.id },
            h("th", { scope: "row", text: row.name }),
            h("td", { "data-col": "mean", text: formatNumber(row.mean, "number", 1) }),
            h("td", { "data-col": "std", text: formatNumber(row.std, "number", 1) }),
            h("td", { "data-col": "min", text: formatNumber(row.min, "number", 0) }),
            h("td", { "data-col": "max", text: formatNumber(row.max, "number", 0) }),
            h("td", { "data-col": "count", text: String(row.count) })
          )
        )
      );
      if (profiles.length) drawGroupChart(chart, chartTitle, rows, profiles.length, steps, t);
    }

    function announce() {
      const bad = files.length - used().length;
      const text = [t("status_read", { used: used().length, files: files.length })];
      if (bad) text.push(t("status_bad", { n: bad }));
      say(status, t, text.join(" "), bad ? "info" : "right");
    }

    async function readOne(file) {
      const entry = { name: file.name, ratings: null, semicolons: false, refusal: null, bytes: null };
      try {
        if (file.size > sizeLimit(file.name, limits)) throw new ProfileRefusal("too_large");
        entry.bytes = new Uint8Array(await file.arrayBuffer());
        const duplicate = files.some((other) => other.name === file.name && other.bytes && sameBytes(other.bytes, entry.bytes));
        if (duplicate) throw new ProfileRefusal("duplicate");
        const read = readProfileFile(file.name, entry.bytes, hallmarks, limits, columns);
        entry.ratings = read.ratings;
        entry.semicolons = read.semicolons;
      } catch (err) {
        entry.refusal = err instanceof ProfileRefusal ? err : new ProfileRefusal("unreadable");
        if (entry.refusal.reason === "duplicate") entry.bytes = null;
      }
      return entry;
    }

    async function addFiles(picked) {
      for (const file of picked) files.push(await readOne(file));
      draw();
      announce();
    }

    function removeFile(file) {
      const index = files.indexOf(file);
      files = files.filter((other) => other !== file);
      draw();
      say(status, t, t("status_removed", { file: file.name, used: used().length }), "info");
      const buttons = list.querySelectorAll(".tk-combine-remove");
      focusElement(buttons[Math.min(index, buttons.length - 1)] || input);
    }

    d.listen(input, "change", async () => {
      const picked = Array.from(input.files || []);
      await addFiles(picked);
      input.value = "";
    });
    d.listen(root, "dragover", (event) => {
      event.preventDefault();
      root.dataset.dragging = "true";
    });
    d.listen(root, "dragleave", () => delete root.dataset.dragging);
    d.listen(root, "drop", async (event) => {
      event.preventDefault();
      delete root.dataset.dragging;
      await addFiles(Array.from(event.dataTransfer?.files || []));
    });
    d.listen(clearButton, "click", () => {
      files = [];
      draw();
      say(status, t, t("status_cleared"), "info");
      input.focus();
    });
    for (const button of downloads) {
      d.listen(button, "click", async () => {
        const kind = button.dataset.kind;
        const fileName = t(DOWNLOADS[kind].file);
        if (kind === "csv") {
          const rows = combineRatings(used().map((file) => file.ratings), hallmarks);
          downloadText(fileName, groupCsv(rows, groupColumns), "text/csv;charset=utf-8");
        } else {
          const text = standaloneSvg(chart);
          if (kind === "svg") downloadText(fileName, text, "image/svg+xml;charset=utf-8");
          else {
            const [, , width, height] = chart.getAttribute("viewBox").split(" ").map(Number);
            const blob = await pngBlob(text, (width + 40) * 3, (height + 20) * 3).catch(() => null);
            if (!blob) {
              say(status, t, t("download_failed"), "info");
              return;
            }
            downloadBlob(fileName, blob);
          }
        }
        say(status, t, t("downloaded", { file: fileName }), "right");
      });
    }

    draw();
    return () => {
      d.dispose();
      el.replaceChildren();
    };
  },
};

function sameBytes(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
