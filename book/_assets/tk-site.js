/*
 * Tillitskursen site script (loaded deferred on every page; nothing from another host).
 *
 * - Course menu (☰) and page contents (☷): keeps aria-expanded on the buttons true to
 *   what is shown, gives the open menu a visible "Stäng" button (a touch screen reader has
 *   no Escape key) and returns focus to the button when a menu closes. The menus
 *   themselves are the theme's: on narrow screens a modal <dialog> (showModal makes the
 *   rest of the page inert, so focus stays inside while it is open, and Escape closes it);
 *   on wide screens the ☰ button shows or hides the sidebar in place, a disclosure that
 *   needs no focus trap. The buttons work at all because the theme's header no longer has
 *   hidden duplicates of them (_config.yml: navbar_persistent; pydata/pydata-sphinx-theme#2451).
 * - Wide tables that scroll sideways get a visible hint, a Swedish name and a tab stop,
 *   only while they are wider than their box.
 * - "Till början av sidan" in the article header appears once the reader is a screen down.
 * - "Fortsätt där du slutade": on a chapter, the last section (h2) the reader reached is
 *   kept in localStorage; the start page and Min översikt show a link to it.
 *
 * The words come from widgets/content/ui_text.py (this tag's data-tk-texts, or the markup).
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

  function debounce(fn, wait) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, wait);
    };
  }

  /* ---- menus ---------------------------------------------------------------------- */

  function menus() {
    var pairs = [
      [".primary-toggle", "pst-primary-sidebar", "pst-primary-sidebar-modal"],
      [".secondary-toggle", "pst-secondary-sidebar", "pst-secondary-sidebar-modal"],
    ];
    pairs.forEach(function (pair) {
      var buttons = Array.prototype.slice.call(document.querySelectorAll(pair[0]));
      var sidebar = document.getElementById(pair[1]);
      var dialog = document.getElementById(pair[2]);
      if (!buttons.length || !sidebar || !dialog) return;
      var opener = null;

      // Shown in the page's layout (wide screens). On narrow screens the sidebar is a fixed,
      // off-screen box whose content the theme moves into the dialog. Read the state from
      // classes and position, not from the size: the sidebar slides, so its size lags.
      function shownInPlace() {
        var style = getComputedStyle(sidebar);
        return sidebar.children.length > 0 && style.display !== "none" && style.position !== "fixed" &&
          !sidebar.classList.contains("pst-sidebar-hidden");
      }
      function update() {
        var open = dialog.open || shownInPlace();
        buttons.forEach(function (button) {
          button.setAttribute("aria-expanded", String(open));
        });
      }
      // On the document, in the capture phase: the theme's own listeners on the button stop
      // the event from reaching any other listener there.
      document.addEventListener("click", function (event) {
        var button = event.target.closest && event.target.closest(pair[0]);
        if (!button || buttons.indexOf(button) < 0) return;
        opener = button;
        // the theme blurs the button on click; a keyboard user keeps their place
        var byKeyboard = event.detail === 0;
        setTimeout(function () {
          update();
          if (byKeyboard && !dialog.open && document.activeElement === document.body) button.focus();
        }, 0);
      }, true);
      // a close button while the menu is open; taken out again before the theme moves the
      // menu's content back to the sidebar (its own close listener runs after this one)
      var close = document.createElement("button");
      close.type = "button";
      close.className = "btn btn-sm tk-dialog-close";
      close.textContent = t("close_menu");
      close.addEventListener("click", function () {
        dialog.close();
      });
      new MutationObserver(function () {
        if (dialog.open && close.parentNode !== dialog) dialog.insertBefore(close, dialog.firstChild);
      }).observe(dialog, { attributes: true, attributeFilter: ["open"] });
      dialog.addEventListener("close", function () {
        close.remove();
        setTimeout(function () {
          update();
          var back = opener && opener.offsetParent !== null ? opener : buttons.filter(function (b) {
            return b.offsetParent !== null;
          })[0];
          if (back) {
            back.focus();
            var tooltip = window.bootstrap && window.bootstrap.Tooltip &&
              window.bootstrap.Tooltip.getInstance(back);
            if (tooltip) tooltip.hide();
          }
        }, 0);
      });
      new MutationObserver(update).observe(dialog, { attributes: true, attributeFilter: ["open"] });
      new MutationObserver(update).observe(sidebar, { attributes: true, attributeFilter: ["class"] });
      window.addEventListener("resize", debounce(update, 150));
      update();
    });
  }

  /* ---- tables that scroll sideways ------------------------------------------------- */

  var hintCount = 0;

  function scrollBox(table, article) {
    for (var box = table.parentElement; box && box !== article; box = box.parentElement) {
      var overflow = getComputedStyle(box).overflowX;
      if (overflow === "auto" || overflow === "scroll") return box;
    }
    return null;
  }

  function markTable(table, box) {
    var wide = box.scrollWidth > box.clientWidth + 1;
    var marked = box.getAttribute("data-tk-scroll") === "true";
    if (wide === marked) return;
    if (wide) {
      hintCount += 1;
      var hint = document.createElement("p");
      hint.className = "tk-scroll-hint";
      hint.id = "tk-scroll-hint-" + hintCount;
      hint.textContent = t("scroll_hint");
      box.parentNode.insertBefore(hint, box);
      // named by its caption, or else by the heading of the section it is in
      var section = box.closest("section");
      var heading = section && section.querySelector(":scope > h2, :scope > h3, :scope > h4");
      var caption = table.caption ? table.caption.textContent : heading ? headingText(heading) : "";
      caption = caption.replace(/\s+/g, " ").trim();
      box.setAttribute("data-tk-scroll", "true");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", caption ? t("table_region_named", { caption: caption }) : t("table_region"));
      box.setAttribute("aria-describedby", hint.id);
      box.tabIndex = 0;
    } else {
      var old = document.getElementById(box.getAttribute("aria-describedby"));
      if (old && old.classList.contains("tk-scroll-hint")) old.remove();
      ["data-tk-scroll", "role", "aria-label", "aria-describedby", "tabindex"].forEach(function (name) {
        box.removeAttribute(name);
      });
    }
  }

  function tables() {
    var article = document.querySelector(".bd-article");
    if (!article) return;
    var update = function () {
      article.querySelectorAll("table").forEach(function (table) {
        var box = scrollBox(table, article);
        if (box) markTable(table, box);
      });
    };
    var later = debounce(update, 150);
    window.addEventListener("resize", later);
    window.addEventListener("load", update);
    // widgets draw their tables after the page has loaded, and redraw them
    new MutationObserver(later).observe(article, { childList: true, subtree: true });
    update();
  }

  /* ---- back to top -------------------------------------------------------------- */

  function backToTop() {
    var button = document.querySelector(".tk-back-to-top");
    if (!button) return;
    var update = function () {
      button.hidden = window.scrollY < window.innerHeight;
    };
    window.addEventListener("scroll", debounce(update, 50), { passive: true });
    button.addEventListener("click", function () {
      var heading = document.querySelector(".bd-article h1");
      window.scrollTo({ top: 0, behavior: "instant" });
      if (heading) {
        if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
      }
      update();
    });
    update();
  }

  /* ---- "Fortsätt där du slutade" ------------------------------------------------ */

  var RESUME_KEY = "tillitskursen:v1:fortsatt";
  var PATH = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.html$/;
  var ANCHOR = /^[A-Za-z0-9_-]+$/;

  function siteBase() {
    return new URL(document.documentElement.dataset.content_root || "./", window.location.href);
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) {
      link.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function readPosition() {
    try {
      var value = JSON.parse(window.localStorage.getItem(RESUME_KEY));
      if (!value || typeof value !== "object") return null;
      var ok = typeof value.path === "string" && PATH.test(value.path) &&
        typeof value.anchor === "string" && ANCHOR.test(value.anchor) &&
        typeof value.chapter === "string" && value.chapter.trim() && value.chapter.length <= 200 &&
        typeof value.section === "string" && value.section.trim() && value.section.length <= 200;
      return ok ? value : null;
    } catch (err) {
      return null;
    }
  }

  function rememberSections() {
    var chapter = document.querySelector("section.tk-chapter");
    if (!chapter) return;
    var title = chapter.querySelector("h1");
    var headings = Array.prototype.slice.call(chapter.querySelectorAll("section > h2"));
    var base = siteBase();
    var path = decodeURIComponent(window.location.pathname).slice(decodeURIComponent(base.pathname).length);
    if (!title || !headings.length || !PATH.test(path)) return;
    var saved = null;
    var update = function () {
      var reached = null;
      headings.forEach(function (heading) {
        if (heading.getBoundingClientRect().top < window.innerHeight * 0.4) reached = heading;
      });
      if (!reached || reached === saved || !ANCHOR.test(reached.parentElement.id)) return;
      saved = reached;
      try {
        window.localStorage.setItem(RESUME_KEY, JSON.stringify({
          path: path, anchor: reached.parentElement.id,
          chapter: headingText(title), section: headingText(reached),
        }));
      } catch (err) {
        /* storage blocked (private mode): nothing to remember */
      }
    };
    window.addEventListener("scroll", debounce(update, 200), { passive: true });
    window.addEventListener("hashchange", update);
  }

  function showResumeLink() {
    var places = document.querySelectorAll("[data-tk-resume]");
    if (!places.length) return;
    var position = readPosition();
    if (!position) return;
    places.forEach(function (place) {
      var link = document.createElement("a");
      link.className = "tk-resume__link";
      link.href = new URL(position.path + "#" + position.anchor, siteBase()).href;
      link.textContent = position.chapter + " – " + position.section;
      place.append(link);
      place.hidden = false;
    });
  }

  /* ---- Printing from the browser: every box opens, and closes again after ---------- */

  function printOpen() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      opened = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
      opened.forEach(function (box) {
        box.open = true;
      });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (box) {
        box.open = false;
      });
      opened = [];
    });
  }

  function start() {
    [menus, tables, backToTop, rememberSections, showResumeLink, printOpen].forEach(function (part) {
      try {
        part();
      } catch (err) {
        // one part failing must not stop the others; say which in the console
        if (window.console) window.console.warn("tk-site: " + part.name + ": " + err);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
