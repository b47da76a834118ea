/*
 * Tillitskursen widget host.
 *
 * Renders the course's anywidget views on the static site from the widget
 * state that myst-nb embeds in each page. It replaces the 3.6 MB
 * @jupyter-widgets/html-manager bundle: it knows only anywidget models, whose
 * whole view is recreated from their state by their own ES module.
 *
 * No kernel runs here, so `save_changes` and `send` stay in the page.
 * Nothing is fetched from any other host.
 *
 * Where a view cannot be drawn (an unreadable view, a missing or non-anywidget model, a module
 * that fails) the reader gets a Swedish notice in its place, never blank space. The notices
 * are widgets/content/ui_text.py's "host" section, which the site extension puts in every page
 * with widgets (<script id="tk-host-texts">). A view's render may return a cleanup function
 * (anywidget's contract); the host keeps it, and redrawViews() calls it before drawing again.
 *
 * The saved state of a course widget names its module instead of carrying it
 * (`// tk-module:quiz@<hash>`, see widgets/views/esm.py): the host imports the site's static
 * file `_static/tk/quiz.<hash>.js`, which the browser caches for every chapter. The page links
 * the widget's stylesheet file too (the build does), so a style reference
 * (`/* tk-style:… *\/`) needs nothing here. State that carries the code itself (a standalone
 * page, an older notebook) still works: the host imports that text as a module.
 *
 * The build puts a placeholder (`div.tk-widget[data-tk-placeholder]`, with a min-height near
 * the widget's height) after each view, so the page does not jump when the widget appears;
 * the host renders into it.
 */
(function () {
  "use strict";

  var STATE_TYPE = "application/vnd.jupyter.widget-state+json";
  var VIEW_TYPE = "application/vnd.jupyter.widget-view+json";
  var TEXTS_ID = "tk-host-texts";

  /** A model with the part of the anywidget model API that views use. */
  function StaticModel(id, state) {
    this.id = id;
    this._state = Object.assign({}, state);
    this._listeners = {};
  }
  StaticModel.prototype.get = function (name) {
    return this._state[name];
  };
  StaticModel.prototype.set = function (name, value) {
    var old = this._state[name];
    this._state[name] = value;
    if (old !== value) {
      this._emit("change:" + name, value);
      this._emit("change", name);
    }
  };
  StaticModel.prototype.on = function (event, callback) {
    (this._listeners[event] = this._listeners[event] || []).push(callback);
  };
  StaticModel.prototype.off = function (event, callback) {
    if (!event) {
      this._listeners = {};
      return;
    }
    if (!callback) {
      delete this._listeners[event];
      return;
    }
    this._listeners[event] = (this._listeners[event] || []).filter(function (cb) {
      return cb !== callback;
    });
  };
  /** Call every listener of `event`; one that throws does not stop the others. */
  StaticModel.prototype._emit = function (event, value) {
    (this._listeners[event] || []).slice().forEach(function (cb) {
      try {
        cb(value);
      } catch (err) {
        console.warn("widget-host: a listener for " + event + " failed", err);
      }
    });
  };
  StaticModel.prototype.save_changes = function () {};
  StaticModel.prototype.send = function () {};
  /** Lets a view tell a static page from a live kernel. */
  StaticModel.prototype.isStatic = true;

  var MODULE_REFERENCE = /^\/\/ tk-module:([a-z][a-z0-9-]*)@([0-9a-f]{12})\n/;
  var STYLE_REFERENCE = /^\/\* tk-style:[a-z][a-z0-9-]*@[0-9a-f]{12} \*\/$/;

  /** The URL of the site's static file for a module reference, or null for real code. */
  function moduleUrl(source) {
    var found = MODULE_REFERENCE.exec(source);
    if (!found) return null;
    var root = document.documentElement.dataset.content_root || "./";
    return new URL(root + "_static/tk/" + found[1] + "." + found[2] + ".js", document.baseURI).href;
  }

  var moduleCache = new Map();
  function loadModule(source) {
    if (!moduleCache.has(source)) {
      var href = moduleUrl(source);
      var promise;
      if (href) {
        promise = import(href);
      } else {
        var url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
        promise = import(url).finally(function () {
          URL.revokeObjectURL(url);
        });
      }
      moduleCache.set(source, promise);
    }
    return moduleCache.get(source);
  }

  var styled = new Set();
  function addStyle(id, css) {
    if (!css || STYLE_REFERENCE.test(css.trim()) || styled.has(id)) return;
    styled.add(id);
    var style = document.createElement("style");
    style.dataset.anywidget = id;
    style.textContent = css;
    document.head.appendChild(style);
  }

  /** The notice for `key` from the page's texts (ui_text "host"). */
  function message(key) {
    var script = document.getElementById(TEXTS_ID);
    try {
      var texts = script ? JSON.parse(script.textContent) : {};
      if (texts[key]) return texts[key];
    } catch (err) {
      /* fall through */
    }
    console.warn("widget-host: no text for notice " + key);
    return key;
  }

  function notice(el, key) {
    var p = document.createElement("p");
    p.className = "tk-widget-notice";
    p.setAttribute("role", "note");
    p.dataset.notice = key;
    p.textContent = message(key);
    el.appendChild(p);
  }

  /** The page's widget state; null if it cannot be read. */
  function readState() {
    var script = document.querySelector('script[type="' + STATE_TYPE + '"]');
    if (!script) return {};
    try {
      return JSON.parse(script.textContent).state || {};
    } catch (err) {
      console.warn("widget-host: could not read the widget state", err);
      return null;
    }
  }

  var models = new Map();
  var initialised = new Set();

  /** The view's JSON ({model_id}), or null if it (or the page's state) cannot be read. */
  function readView(script, state) {
    try {
      if (state === null) throw new Error("the page's widget state is unreadable");
      return JSON.parse(script.textContent);
    } catch (err) {
      console.warn("widget-host: could not read a widget view", err);
      return null;
    }
  }

  /** The view's module: its default export (or what its factory gives), checked. */
  async function widgetOf(modelState) {
    var mod = await loadModule(modelState._esm || "");
    var widget = mod.default || mod;
    if (typeof widget === "function") widget = await widget();
    if (!widget || typeof widget.render !== "function") throw new Error("the module has no render()");
    return widget;
  }

  /** The build's placeholder for this view (after the view and its noscript), if any. */
  function placeholder(script) {
    var el = script.nextElementSibling;
    if (el && el.tagName === "NOSCRIPT") el = el.nextElementSibling;
    return el && el.classList.contains("tk-widget") && el.hasAttribute("data-tk-placeholder") ? el : null;
  }

  /** The widget is drawn (or a notice is): it takes its own height from now on. */
  function release(el) {
    el.removeAttribute("data-tk-placeholder");
  }

  async function renderView(script, state) {
    var view = readView(script, state);
    var el = placeholder(script);
    if (!el) {
      el = document.createElement("div");
      el.className = "tk-widget";
      script.after(el);
    }
    try {
      await drawView(el, view, state);
    } finally {
      release(el);
    }
  }

  async function drawView(el, view, state) {
    if (!view) {
      notice(el, "unreadable");
      return;
    }
    var entry = state[view.model_id];
    if (!entry) {
      notice(el, "missing");
      return;
    }
    if (entry.model_module !== "anywidget") {
      notice(el, "unsupported");
      return;
    }
    var modelState = entry.state || {};
    if (!models.has(view.model_id)) {
      models.set(view.model_id, new StaticModel(view.model_id, modelState));
    }
    var model = models.get(view.model_id);
    try {
      addStyle(modelState._anywidget_id || view.model_id, modelState._css);
      var widget = await widgetOf(modelState);
      if (widget.initialize && !initialised.has(view.model_id)) {
        initialised.add(view.model_id);
        await widget.initialize({ model: model, experimental: {} });
      }
      keepView(el, model, widget, await widget.render({ model: model, el: el, experimental: {} }));
    } catch (err) {
      el.replaceChildren();
      notice(el, "failed");
      console.warn("widget-host: view failed", view.model_id, err);
    }
  }

  /** Drawn views: {el, model, widget, cleanup}; render may return a cleanup (anywidget). */
  var drawn = [];
  function keepView(el, model, widget, cleanup) {
    drawn.push({ el: el, model: model, widget: widget, cleanup: typeof cleanup === "function" ? cleanup : null });
  }

  /**
   * Take every drawn view down (its cleanup, as anywidget calls it when a view goes) and draw
   * it again with the same model: what JupyterLab does when an output is shown anew. The tests
   * use it to prove that views remove every listener they add.
   */
  async function redrawViews() {
    for (var i = 0; i < drawn.length; i += 1) {
      var view = drawn[i];
      if (view.cleanup) view.cleanup();
      view.el.replaceChildren();
      var cleanup = await view.widget.render({ model: view.model, el: view.el, experimental: {} });
      view.cleanup = typeof cleanup === "function" ? cleanup : null;
    }
    return drawn.length;
  }
  window.tkWidgetHost = { redrawViews: redrawViews, models: models };

  function start() {
    var scripts = document.querySelectorAll('script[type="' + VIEW_TYPE + '"]');
    if (!scripts.length) return;
    var state = readState();
    scripts.forEach(function (script) {
      renderView(script, state);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
