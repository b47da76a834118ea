/*
 * Shared helpers for Tillitskursen's widget modules. widgets/esm.py prepends this file
 * to each module, so everything here is module-private (no exports).
 */

/** Fill {name} placeholders in a text from the widget's `texts` table. */
function fmt(text, vars) {
  return String(text).replace(/\{(\w+)\}/g, (whole, name) =>
    vars && Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole
  );
}

/** Look a key up in the texts table; a missing key shows as itself (and a test catches it). */
function makeT(texts) {
  return (key, vars) => fmt(texts && key in texts ? texts[key] : key, vars);
}

/** Create an element: h("p", {class: "x", text: "…"}, child, …). */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") el.textContent = value;
    else if (key === "class") el.className = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/*
 * The course's small markup: *em*, **strong** and [text](url). The same rules, step for step,
 * as widgets/content/markup.py (one table of hostile inputs runs through both:
 * tests/tables/markup.json). Text is never parsed as HTML: everything else stays text.
 */
// eslint-disable-next-line no-control-regex -- a URL may not hold C0 controls or spaces
const MARKUP = /\*\*([^*]+?)\*\*|\*([^*]+?)\*|\[([^\]]+)\]\(([^)\x00-\x20]+)\)/g;
const SAFE_SCHEMES = ["http:", "https:", "mailto:"];
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Named character references decoded in URLs (markup.NAMED_REFERENCES); others refuse the link. */
const NAMED_REFERENCES = {
  Tab: "\t", NewLine: "\n", excl: "!", quot: '"', QUOT: '"', num: "#", dollar: "$", percnt: "%",
  amp: "&", AMP: "&", apos: "'", lpar: "(", rpar: ")", ast: "*", midast: "*", plus: "+",
  comma: ",", period: ".", sol: "/", colon: ":", semi: ";", lt: "<", LT: "<", equals: "=",
  gt: ">", GT: ">", quest: "?", commat: "@", lsqb: "[", lbrack: "[", bsol: "\\", rsqb: "]",
  rbrack: "]", Hat: "^", lowbar: "_", UnderBar: "_", grave: "`", DiacriticalGrave: "`",
  lcub: "{", lbrace: "{", verbar: "|", vert: "|", VerticalLine: "|", rcub: "}", rbrace: "}",
  nbsp: "\u00a0", NoBreak: "\u2060", ZeroWidthSpace: "\u200b", zwnj: "\u200c", zwj: "\u200d",
  lrm: "\u200e", rlm: "\u200f", shy: "\u00ad", ensp: "\u2002", emsp: "\u2003",
  thinsp: "\u2009", hairsp: "\u200a",
};
const URL_REFERENCE = /&#[xX]([0-9A-Fa-f]+);?|&#([0-9]+);?|&([A-Za-z][A-Za-z0-9]*);/g;
const URL_LEFT_OVER = /&#|&[A-Za-z][A-Za-z0-9]*;/;
/** Controls, invisible formatting characters and separators: never in a link. */
const URL_REFUSED = /[\p{Cc}\p{Cf}\p{Z}]/u;

function codePoint(digits, base) {
  const trimmed = digits.replace(/^0+/, "") || "0";
  const value = trimmed.length <= 7 ? parseInt(trimmed, base) : 0x110000;
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(value);
}

/**
 * The URL a link may point to, normalised as a browser reads it (WHATWG URL: decode character
 * references, strip leading/trailing C0 controls and spaces, remove tabs and newlines), or null
 * if it is no link: only https:, http:, mailto:, relative paths and fragments are.
 */
function linkTarget(url) {
  const decoded = String(url).replace(URL_REFERENCE, (whole, hexa, decimal, name) => {
    if (hexa !== undefined) return codePoint(hexa, 16);
    if (decimal !== undefined) return codePoint(decimal, 10);
    return Object.prototype.hasOwnProperty.call(NAMED_REFERENCES, name) ? NAMED_REFERENCES[name] : whole;
  });
  if (URL_LEFT_OVER.test(decoded)) return null;
  // eslint-disable-next-line no-control-regex -- WHATWG URL: strip C0 controls and spaces
  const target = decoded.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, "").replace(/[\t\n\r]/g, "");
  if (!target || URL_REFUSED.test(target)) return null;
  if (target.slice(0, 2).replace(/\\/g, "/") === "//") return null;
  const scheme = target.match(URL_SCHEME);
  if (scheme && !SAFE_SCHEMES.includes(scheme[0].toLowerCase())) return null;
  return target;
}

/**
 * The markup as plain data: {type: "text"|"em"|"strong", text} or {type: "a", href, text};
 * neighbouring text joined, empty text left out (markup.nodes in Python).
 */
function markupNodes(text) {
  const out = [];
  const addText = (value) => {
    if (!value) return;
    const last = out[out.length - 1];
    if (last && last.type === "text") last.text += value;
    else out.push({ type: "text", text: value });
  };
  const source = String(text ?? "");
  let pos = 0;
  for (const match of source.matchAll(MARKUP)) {
    addText(source.slice(pos, match.index));
    if (match[1] !== undefined) out.push({ type: "strong", text: match[1] });
    else if (match[2] !== undefined) out.push({ type: "em", text: match[2] });
    else {
      const href = linkTarget(match[4]);
      if (href === null) addText(match[0]);
      else out.push({ type: "a", href, text: match[3] });
    }
    pos = match.index + match[0].length;
  }
  addText(source.slice(pos));
  return out;
}

/** The markup as DOM nodes (text nodes and <em>, <strong>, <a href>; never innerHTML). */
function renderMarkup(text) {
  const fragment = document.createDocumentFragment();
  for (const node of markupNodes(text)) {
    if (node.type === "text") fragment.append(document.createTextNode(node.text));
    else if (node.type === "a") fragment.append(h("a", { href: node.href, text: node.text }));
    else fragment.append(h(node.type, { text: node.text }));
  }
  return fragment;
}

const STORE_PREFIX = "tillitskursen:v1:";
/** Where the trust profile (profile.js) and the personal plan (plan.js) are kept in the store;
 * the answers file (answerfile.js) carries both. */
const PROFILE_STORE_KEY = "profile";
const PLAN_STORE_KEY = "plan";

/**
 * localStorage under the course's prefix; works without saving where storage is blocked or
 * full (then the page keeps what the learner did in memory, and `available` says so).
 * getText/setText keep a text as it is; get/set keep a value as JSON.
 */
function openStore() {
  let storage = null;
  try {
    storage = window.localStorage;
    const probe = STORE_PREFIX + "probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
  } catch (err) {
    storage = null;
  }
  const memory = new Map();
  const store = {
    available: storage !== null,
    getText(key) {
      const full = STORE_PREFIX + key;
      if (memory.has(full)) return memory.get(full);
      try {
        return storage ? storage.getItem(full) : null;
      } catch (err) {
        return null;
      }
    },
    setText(key, text) {
      const full = STORE_PREFIX + key;
      try {
        if (!storage) throw new Error("no storage");
        storage.setItem(full, text);
        memory.delete(full);
      } catch (err) {
        memory.set(full, text);
      }
    },
    get(key) {
      try {
        const raw = store.getText(key);
        return raw ? JSON.parse(raw) : null;
      } catch (err) {
        return null;
      }
    },
    set(key, value) {
      store.setText(key, JSON.stringify(value));
    },
    keys(prefix) {
      const full = STORE_PREFIX + (prefix || "");
      const found = new Set();
      if (storage) {
        try {
          for (let i = 0; i < storage.length; i += 1) {
            const key = storage.key(i);
            if (key && key.startsWith(full)) found.add(key.slice(STORE_PREFIX.length));
          }
        } catch (err) {
          /* storage went away: memory only */
        }
      }
      for (const key of memory.keys()) {
        if (key.startsWith(full)) found.add(key.slice(STORE_PREFIX.length));
      }
      return [...found];
    },
    remove(key) {
      const full = STORE_PREFIX + key;
      memory.delete(full);
      if (storage) {
        try {
          storage.removeItem(full);
        } catch (err) {
          /* nothing to remove */
        }
      }
    },
  };
  return store;
}

/** "A", "A och B", "A, B och C" (the word for "and" is the texts' list_and). */
function joinNames(names, t) {
  if (names.length < 2) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${t("list_and")} ${names[names.length - 1]}`;
}

let idCounter = 0;
/** An element id unique on the page, readable in tests: tk-<base>-<n>. */
function uniqueId(base) {
  idCounter += 1;
  return `tk-${String(base).replace(/[^A-Za-z0-9_-]/g, "-")}-${idCounter}`;
}

/** Push a trait change to the kernel (a no-op on the static page). */
function sync(model, values) {
  for (const [name, value] of Object.entries(values)) model.set(name, value);
  model.save_changes();
}

/**
 * What a view must undo when it goes (anywidget: render returns a cleanup function). Every
 * listener, observer and timer a view sets up goes through this, so dispose() removes them
 * all, newest first; one failing task does not keep the others from running.
 *   const d = disposer();
 *   d.listen(window, "resize", onResize);  d.observe(new ResizeObserver(f));
 *   d.onModel(model, "change:x", f);       return () => d.dispose();
 */
function disposer() {
  let undo = [];
  return {
    listen(target, type, callback, options) {
      target.addEventListener(type, callback, options);
      undo.push(() => target.removeEventListener(type, callback, options));
    },
    onModel(model, event, callback) {
      model.on(event, callback);
      undo.push(() => model.off(event, callback));
    },
    observe(observer) {
      undo.push(() => observer.disconnect());
      return observer;
    },
    later(callback, ms) {
      const timer = setTimeout(callback, ms);
      undo.push(() => clearTimeout(timer));
      return timer;
    },
    add(callback) {
      undo.push(callback);
      return callback;
    },
    dispose() {
      const todo = undo.reverse();
      undo = [];
      for (const task of todo) {
        try {
          task();
        } catch (err) {
          /* one failing task must not keep the others from running */
        }
      }
    },
  };
}

/**
 * Show a message in a status line: an icon for `mark` ("right", "wrong" or "info") and the
 * text; no text clears it. `key` names the message (data-message), so a view can tell
 * whether the same message is already showing.
 */
function say(el, t, text, mark, key) {
  el.replaceChildren();
  el.dataset.message = key || "";
  if (!text) {
    el.removeAttribute("data-mark");
    return;
  }
  el.dataset.mark = mark;
  const icon = mark === "right" ? "icon_right" : mark === "wrong" ? "icon_wrong" : "icon_info";
  el.append(h("span", { class: "tk-icon", "aria-hidden": "true", text: t(icon) }), text);
}

/** Save `text` as a file called `fileName` (a Blob and <a download>: nothing leaves the browser). */
function downloadText(fileName, text, type) {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Save a Blob as a file called `fileName` (<a download>: nothing leaves the browser). */
function downloadBlob(fileName, blob) {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Ask before clearing. The trigger button opens a box with `question` and two buttons; focus
 * goes to `no`. No closes the box and puts focus back on the trigger; yes runs `onYes`,
 * closes the box and puts focus back on the trigger, and the caller's status line says what
 * was cleared. Both buttons are described by the question, so a screen reader reads it.
 */
function confirmStep({ trigger, question, yes, no, onYes, listen, className }) {
  const questionId = uniqueId("confirm");
  const yesButton = h("button", { type: "button", class: "tk-button tk-primary tk-confirm-yes", text: yes, "aria-describedby": questionId });
  const noButton = h("button", { type: "button", class: "tk-button tk-confirm-no", text: no, "aria-describedby": questionId });
  const box = h("div", { class: `tk-confirm ${className || ""}`.trim(), hidden: true }, h("p", { id: questionId, text: question }), yesButton, noButton);
  const close = () => {
    box.hidden = true;
    trigger.hidden = false;
    trigger.focus();
  };
  listen(trigger, "click", () => {
    box.hidden = false;
    trigger.hidden = true;
    noButton.focus();
  });
  listen(noButton, "click", close);
  listen(yesButton, "click", () => {
    onYes();
    close();
  });
  return box;
}

/**
 * A value the learner edits (an object: answers, ratings) kept in `store` under `key` and
 * mirrored in the model's trait `trait`, so Python sees it in Jupyter. `clean` makes any value
 * (stored, or sent from Python) valid; `same` compares two clean values. A change from Python
 * calls `onOutside(value)` so the view can repaint. Listeners go through `d` (a disposer).
 */
function persisted({ model, store, key, trait, clean, same, d, onOutside }) {
  const copy = (value) => JSON.parse(JSON.stringify(value));
  const isEmpty = (value) => Object.keys(value).length === 0;
  const fromModel = clean(model.get(trait));
  let value = isEmpty(fromModel) ? clean(store.get(key)) : fromModel;
  function keep() {
    if (isEmpty(value)) store.remove(key);
    else store.set(key, value);
  }
  d.onModel(model, `change:${trait}`, () => {
    const incoming = clean(model.get(trait));
    if (same(incoming, value)) return;
    value = incoming;
    keep();
    onOutside(value);
  });
  if (!same(value, fromModel)) sync(model, { [trait]: copy(value) });
  return {
    get: () => value,
    set(next) {
      value = clean(next);
      keep();
      sync(model, { [trait]: copy(value) });
    },
  };
}

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

/** Create an SVG element: svgElement("rect", {x: 0}, child, …); "text" sets its text. */
function svgElement(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NAMESPACE, tag);
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

/* ---------------------------------------------------------------------------------------
 * Added for the explorers (generic; any widget may use them).
 * ------------------------------------------------------------------------------------- */

const WIDGET_ROOTS = ".tk-widget, .tk-quiz, .tk-explorer, .tk-overview, .tk-profile, .tk-plan, .tk-combine, .tk-certificate";

/**
 * The heading level that fits a widget placed at `el`: one below the page's last heading
 * before it (headings inside widgets do not count), 2–6; `fallback` when `el` is not yet in
 * the page or no heading comes before it.
 */
function headingLevelFor(el, fallback) {
  if (!el || !el.isConnected) return fallback;
  let level = 0;
  for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    if (heading.closest(WIDGET_ROOTS)) continue;
    if (!(heading.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    level = Number(heading.tagName.slice(1));
  }
  return level ? Math.min(6, Math.max(2, level + 1)) : fallback;
}

/** Move keyboard focus to `el`, making a non-interactive element focusable by script only. */
function focusElement(el) {
  if (!el) return;
  if (!el.hasAttribute("tabindex") && !(el.matches && el.matches("a[href], button, input, select, textarea, summary"))) {
    el.setAttribute("tabindex", "-1");
  }
  el.focus({ preventScroll: false });
}
