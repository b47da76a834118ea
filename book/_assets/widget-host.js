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
 * The saved state of a course widget names its module instead of carrying it
 * (`// tk-module:quiz@<hash>`, see widgets/views/esm.py): the host imports the
 * site's static file `_static/tk/quiz.<hash>.js`, which the browser caches for
 * every chapter. The page links the widget's stylesheet file too (the build
 * does), so a style reference (`/* tk-style:… *\/`) needs nothing here. State that carries the
 * code itself (a standalone page, an older notebook) still works: the host
 * imports that text as a module.
 *
 * The build puts a placeholder (`div.tk-widget[data-tk-placeholder]`, with a
 * min-height near the widget's height) after each view, so the page does not
 * jump when the widget appears; the host renders into it.
 */
(function () {
  "use strict";

  var STATE_TYPE = "application/vnd.jupyter.widget-state+json";
  var VIEW_TYPE = "application/vnd.jupyter.widget-view+json";
  var MESSAGES = {
    missing: "Det här interaktiva inslaget saknas i sidan. Ladda om sidan eller öppna kapitlet som notebook.",
    unsupported: "Det här inslaget kräver Jupyter. Öppna kapitlet som notebook för att använda det.",
    failed: "Det interaktiva inslaget kunde inte visas. Ladda om sidan.",
  };

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
  StaticModel.prototype._emit = function (event, value) {
    (this._listeners[event] || []).slice().forEach(function (cb) {
      cb(value);
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

  function notice(el, text) {
    var p = document.createElement("p");
    p.className = "tk-widget-notice";
    p.setAttribute("role", "note");
    p.textContent = text;
    el.appendChild(p);
  }

  function readState() {
    var script = document.querySelector('script[type="' + STATE_TYPE + '"]');
    if (!script) return {};
    try {
      return JSON.parse(script.textContent).state || {};
    } catch (err) {
      console.warn("widget-host: could not read the widget state", err);
      return {};
    }
  }

  var models = new Map();
  var initialised = new Set();

  async function renderView(script, state) {
    var view;
    try {
      view = JSON.parse(script.textContent);
    } catch (err) {
      return;
    }
    var el = placeholder(script);
    if (!el) {
      el = document.createElement("div");
      el.className = "tk-widget";
      script.after(el);
    }
    var entry = state[view.model_id];
    if (!entry) {
      notice(el, MESSAGES.missing);
      release(el);
      return;
    }
    if (entry.model_module !== "anywidget") {
      notice(el, MESSAGES.unsupported);
      release(el);
      return;
    }
    var modelState = entry.state || {};
    if (!models.has(view.model_id)) {
      models.set(view.model_id, new StaticModel(view.model_id, modelState));
    }
    var model = models.get(view.model_id);
    try {
      addStyle(modelState._anywidget_id || view.model_id, modelState._css);
      var mod = await loadModule(modelState._esm || "");
      var widget = mod.default || mod;
      if (typeof widget === "function") widget = await widget();
      if (widget.initialize && !initialised.has(view.model_id)) {
        initialised.add(view.model_id);
        await widget.initialize({ model: model, experimental: {} });
      }
      if (!widget || typeof widget.render !== "function") throw new Error("the module has no render()");
      await widget.render({ model: model, el: el, experimental: {} });
    } catch (err) {
      notice(el, MESSAGES.failed);
      console.warn("widget-host: view failed", view.model_id, err);
    }
    release(el);
  }

  /** The build's placeholder for this view (after the view and its noscript), if any. */
  function placeholder(script) {
    var el = script.nextElementSibling;
    if (el && el.tagName === "NOSCRIPT") el = el.nextElementSibling;
    return el && el.classList.contains("tk-widget") && el.hasAttribute("data-tk-placeholder") ? el : null;
  }

  /** The widget is drawn: it takes its own height from now on. */
  function release(el) {
    if (!el.hasAttribute("data-tk-placeholder")) return;
    el.removeAttribute("data-tk-placeholder");
  }

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
