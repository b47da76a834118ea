/*
 * Tillitskursen offline (loaded deferred on every page; nothing from another host).
 *
 * - Registers the site's service worker (sw.js at the site root, widgets/site/offline.py)
 *   after the page has loaded, and only on a page with <link rel="manifest">: a chapter
 *   packaged for a learning platform has none, and never registers a worker.
 * - "Spara kursen för offline" (the {spara-offline} box on the start page and Min översikt):
 *   asks the worker to keep every file of the course, shows the progress and the result.
 * - When a new version of the site is waiting, shows "En ny version av kursen finns" with a
 *   button that lets the new version take over and reloads the page.
 *
 * The words come from widgets/content/ui_text.py (section "offline", this tag's data-tk-texts).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var texts = {};
  try {
    texts = JSON.parse((script && script.dataset.tkTexts) || "{}");
  } catch (err) {
    texts = {};
  }
  function t(key, values) {
    return String(texts[key] || "").replace(/\{(\w+)\}/g, function (_, name) {
      return values && values[name] !== undefined ? values[name] : "";
    });
  }

  var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-tk-offline]"));
  if (!document.querySelector('link[rel="manifest"]')) {
    // a page that may not register a worker (a learning platform's package) offers nothing
    boxes.forEach(function (box) {
      box.hidden = true;
    });
    return;
  }
  function unsupported() {
    boxes.forEach(function (box) {
      box.querySelector(".tk-offline-save").hidden = true;
      box.querySelector(".tk-offline-status").textContent = t("offline_unsupported");
    });
  }
  if (!("serviceWorker" in navigator) || !window.isSecureContext) {
    unsupported();
    return;
  }

  var root = new URL(document.documentElement.dataset.content_root || "./", window.location.href);
  var reloading = false;

  /** Ask the active worker something; the answers come on a port of our own. */
  function ask(worker, message, onMessage) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      onMessage(event.data || {});
    };
    worker.postMessage(message, [channel.port2]);
  }

  function megabytes(bytes) {
    return (Math.round(bytes / 100000) / 10).toLocaleString("sv-SE");
  }

  /* ---- "En ny version av kursen finns" ------------------------------------------------ */

  function showUpdate(registration) {
    if (document.querySelector(".tk-update")) return;
    var box = document.createElement("div");
    box.className = "tk-update";
    box.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = t("update_available");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = t("update_reload");
    button.addEventListener("click", function () {
      button.disabled = true;
      if (registration.waiting) registration.waiting.postMessage({ type: "skip-waiting" });
      else window.location.reload();
    });
    box.append(text, button);
    (document.querySelector("main") || document.body).prepend(box);
  }

  function watchUpdates(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) showUpdate(registration);
    registration.addEventListener("updatefound", function () {
      var incoming = registration.installing;
      if (!incoming) return;
      incoming.addEventListener("statechange", function () {
        if (incoming.state === "installed" && navigator.serviceWorker.controller) showUpdate(registration);
      });
    });
    navigator.serviceWorker.addEventListener("controllerchange", function () {
      // the new version took over after "Ladda om" (the first install takes over silently)
      if (document.querySelector(".tk-update") && !reloading) {
        reloading = true;
        window.location.reload();
      }
    });
  }

  /* ---- "Spara kursen för offline" ----------------------------------------------------- */

  function setUpBox(box, registration) {
    var button = box.querySelector(".tk-offline-save");
    var progressBox = box.querySelector(".tk-offline-progress");
    var progress = progressBox.querySelector("progress");
    var status = box.querySelector(".tk-offline-status");
    var label = progressBox.querySelector(".tk-offline-progress-label");
    label.id = label.id || "tk-offline-progress-label";
    progress.setAttribute("aria-labelledby", label.id);

    navigator.serviceWorker.ready.then(function (ready) {
      button.disabled = false;
      ask(ready.active, { type: "status" }, function (data) {
        if (data.complete && !status.textContent) status.textContent = t("saved_already");
      });
    });

    button.addEventListener("click", function () {
      button.disabled = true;
      progressBox.hidden = false;
      progress.value = 0;
      status.textContent = t("saving");
      navigator.serviceWorker.ready.then(function (ready) {
        ask(ready.active, { type: "save-all" }, function (data) {
          if (data.type === "progress") {
            progress.max = data.total || 1;
            progress.value = data.done;
          } else if (data.type === "done") {
            button.disabled = false;
            progressBox.hidden = true;
            box.dataset.result = data.failed ? "failed" : "saved";
            status.textContent = data.failed
              ? t("saved_failed", { failed: data.failed, total: data.total })
              : t("saved_all", { total: data.total, mb: megabytes(data.bytes) });
          }
        });
      });
    });
    return registration;
  }

  function register() {
    navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.href })
      .then(function (registration) {
        watchUpdates(registration);
        boxes.forEach(function (box) {
          setUpBox(box, registration);
        });
      })
      .catch(function (err) {
        // workers turned off (a browser setting, a test): the button would wait for ever
        unsupported();
        if (window.console) window.console.warn("tk-offline: " + err);
      });
  }

  // after the page has loaded: the worker's start-up must not slow the page down
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
