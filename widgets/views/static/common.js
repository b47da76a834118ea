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

const MARKUP = /\*\*([^*]+?)\*\*|\*([^*]+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

function safeUrl(url) {
  const scheme = url.match(SCHEME);
  return !scheme || ["http:", "https:", "mailto:"].includes(scheme[0].toLowerCase());
}

/**
 * Render the course's small markup (*em*, **strong**, [text](url)) as DOM nodes.
 * Everything else, such as <script> or onerror=, stays text. Mirrors widgets/markup.py.
 */
function renderMarkup(text) {
  const fragment = document.createDocumentFragment();
  const source = String(text ?? "");
  let pos = 0;
  for (const match of source.matchAll(MARKUP)) {
    fragment.append(document.createTextNode(source.slice(pos, match.index)));
    if (match[1] !== undefined) fragment.append(h("strong", { text: match[1] }));
    else if (match[2] !== undefined) fragment.append(h("em", { text: match[2] }));
    else if (safeUrl(match[4])) fragment.append(h("a", { href: match[4], text: match[3] }));
    else fragment.append(document.createTextNode(match[0]));
    pos = match.index + match[0].length;
  }
  fragment.append(document.createTextNode(source.slice(pos)));
  return fragment;
}

const STORE_PREFIX = "tillitskursen:v1:";

/** localStorage under the course's prefix; works without saving where storage is blocked. */
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
  return {
    available: storage !== null,
    get(key) {
      const full = STORE_PREFIX + key;
      try {
        const raw = storage ? storage.getItem(full) : memory.get(full);
        return raw ? JSON.parse(raw) : null;
      } catch (err) {
        return null;
      }
    },
    set(key, value) {
      const full = STORE_PREFIX + key;
      const raw = JSON.stringify(value);
      if (!storage) {
        memory.set(full, raw);
        return;
      }
      try {
        storage.setItem(full, raw);
      } catch (err) {
        memory.set(full, raw);
      }
    },
    keys(prefix) {
      const full = STORE_PREFIX + (prefix || "");
      const found = [];
      if (storage) {
        for (let i = 0; i < storage.length; i += 1) {
          const key = storage.key(i);
          if (key && key.startsWith(full)) found.push(key.slice(STORE_PREFIX.length));
        }
      }
      for (const key of memory.keys()) {
        if (key.startsWith(full)) found.push(key.slice(STORE_PREFIX.length));
      }
      return found;
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

/* ---------------------------------------------------------------------------------------
 * Added for the explorers (generic; any widget may use them). Owner of the additions:
 * the explorers. Nothing above this line was changed.
 * ------------------------------------------------------------------------------------- */

/**
 * Collects what a view sets up (listeners, observers, timers) so that the function render()
 * returns can undo all of it (anywidget: render may return a cleanup function).
 *   const cleanup = makeCleanup();
 *   cleanup.listen(window, "resize", onResize);  cleanup.observe(new ResizeObserver(f));
 *   cleanup.add(() => model.off("change:x", f));  return () => cleanup.run();
 */
function makeCleanup() {
  let tasks = [];
  return {
    add(task) {
      tasks.push(task);
      return task;
    },
    listen(target, type, listener, options) {
      target.addEventListener(type, listener, options);
      tasks.push(() => target.removeEventListener(type, listener, options));
    },
    observe(observer) {
      tasks.push(() => observer.disconnect());
      return observer;
    },
    run() {
      const todo = tasks.reverse();
      tasks = [];
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

const WIDGET_ROOTS = ".tk-widget, .tk-quiz, .tk-explorer, .tk-overview, .tk-profile, .tk-plan";

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
