"""The browser side of the PDFs: render built pages for print, and print composed documents.

:class:`Printer` drives headless Chromium against the built site served on 127.0.0.1. It
refuses every request to another host and fails the build if a page tried one.

- :meth:`Printer.snapshot` loads a built page in print mode, lets its widgets render their
  paper form, opens every box, and returns the rendered article (:class:`Snapshot`).
- :meth:`Printer.print` serves a composed document from memory at an address on the same
  site (so style sheets, fonts and images load) and prints it in one ``page.pdf()`` call,
  tagged and with an outline.

:class:`PrinterPool` runs two of them side by side (one browser per core).
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from widgets.build.browser import CHROMIUM_ARGS, block_other_hosts, chromium_path, serve, settle
from widgets.build.pdf_compose import Snapshot

#: Where composed documents are served (nothing is written to the site).
PRINT_PATH = "_pdf/"
#: A4 at 96 dpi, minus the page margins: widgets lay out at the width they are printed at.
VIEWPORT = {"width": 680, "height": 1000}

# Run in the page after it has rendered: what the print shows, with same-site addresses made
# root-relative (so they mean the same in the composed document) and closed boxes opened.
_SNAPSHOT_JS = """
() => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  window.dispatchEvent(new Event("beforeprint"));
  const article = document.querySelector("article.bd-article");
  if (!article) return null;
  for (const canvas of article.querySelectorAll("canvas")) {
    const img = document.createElement("img");
    img.src = canvas.toDataURL("image/png");
    img.alt = canvas.getAttribute("aria-label") || "";
    img.className = canvas.className;
    canvas.replaceWith(img);
  }
  const local = (value) => {
    const url = new URL(value, location.href);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
  };
  for (const [selector, attribute] of [["a[href], area[href]", "href"], ["[src]", "src"],
                                       ["object[data]", "data"], ["video[poster]", "poster"]]) {
    for (const el of article.querySelectorAll(selector)) {
      const value = el.getAttribute(attribute);
      if (!value || value.startsWith("data:") || value.startsWith("blob:")) continue;
      if (attribute === "href" && value.startsWith("#")) continue;
      const path = local(value);
      if (path !== null) el.setAttribute(attribute, path);
    }
  }
  const styles = [...document.querySelectorAll('head link[rel="stylesheet"], head style')].map((el) => {
    if (el.tagName === "LINK") {
      const copy = el.cloneNode();
      copy.setAttribute("href", local(el.href) || el.href);
      return copy.outerHTML;
    }
    return el.outerHTML;
  });
  return { article: article.innerHTML, styles };
}
"""


#: The words of every heading the print shows, in order (the PDF outline's entries).
_HEADINGS_JS = r"""
() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
  .filter((h) => h.getClientRects().length > 0)
  .map((h) => h.innerText.replace(/\u00ad/g, "").replace(/\s+/g, " ").trim())
"""


#: Every visible link: where it goes (as Chromium writes it in the PDF) and its words.
_LINKS_JS = r"""
() => [...document.querySelectorAll("a[href]")]
  .filter((a) => a.getClientRects().length > 0)
  .map((a) => {
    const raw = a.getAttribute("href");
    const target = raw.startsWith("#") ? raw : a.href;
    const words = (a.innerText || a.getAttribute("aria-label") || a.title || "")
      .replace(/­/g, "").replace(/\s+/g, " ").trim();
    return [target, words];
  })
"""


@dataclass(frozen=True)
class Printed:
    """A printed document: the PDF, the words of its visible headings and its links, in order."""

    data: bytes
    headings: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()


class BuildError(RuntimeError):
    """The PDFs cannot be built; the message says why, in Swedish."""


class Printer:
    """Headless Chromium on the built site; use as a context manager."""

    def __init__(self, site: Path):
        self.site = site
        self.blocked: list[str] = []

    def __enter__(self) -> Printer:
        self._server = serve(self.site)
        self.base = self._server.__enter__()
        self._playwright_cm = sync_playwright()
        playwright = self._playwright_cm.__enter__()
        self._browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        # no service worker: it would answer the composed document's address from the network
        # (the site's 404 page), past the route that hands the page its HTML
        self.page = self._browser.new_page(viewport=VIEWPORT, service_workers="block")
        block_other_hosts(self.page, self.base, self.blocked)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._browser.close()
        finally:
            self._playwright_cm.__exit__(*exc)
            self._server.__exit__(*exc)

    def _check_blocked(self, what: str) -> None:
        if self.blocked:
            hosts = ", ".join(sorted(set(self.blocked))[:5])
            raise BuildError(f"{what} försökte hämta något från en annan värd: {hosts}. "
                             "Allt som en PDF visar måste finnas på webbplatsen.")

    def snapshot(self, path: str) -> Snapshot:
        """The page at ``path`` (``book/x.html``), rendered as it prints."""
        self.page.emulate_media(media="print")
        self.page.goto(self.base + path)
        settle(self.page)
        result = self.page.evaluate(_SNAPSHOT_JS)
        self._check_blocked(path)
        if result is None:
            raise BuildError(f"{path} har ingen artikel (article.bd-article). Är webbplatsen byggd "
                             "med kursens tema?")
        return Snapshot(path=path, article=result["article"], styles=tuple(result["styles"]))

    def print(self, name: str, document: str, *, draft: bool = False) -> Printed:
        """Print the composed ``document`` (HTML) to PDF in one call: tagged, with an outline.

        A ``draft`` has neither (a quarter faster), for finding out where things land.
        """
        url = f"{self.base}{PRINT_PATH}{name}.html"
        self.page.route(url, lambda route: route.fulfill(body=document,
                                                         content_type="text/html; charset=utf-8"))
        try:
            self.page.emulate_media(media="print")
            self.page.goto(url)
            self.page.wait_for_load_state("load")
            self.page.evaluate("document.fonts.ready.then(() => true)")
            self._check_blocked(name)
            headings = tuple(self.page.evaluate(_HEADINGS_JS))
            links = tuple(tuple(link) for link in self.page.evaluate(_LINKS_JS))
            data = self.page.pdf(prefer_css_page_size=True, print_background=True,
                                 outline=not draft, tagged=not draft)
            return Printed(data, headings, links)
        finally:
            self.page.unroute(url)


class PrinterPool:
    """Several :class:`Printer` s at once, each in a thread of its own (Playwright's sync API
    belongs to the thread that started it); ``submit(job)`` runs ``job(printer)`` in the
    first one that is free and returns a :class:`~concurrent.futures.Future`.
    """

    def __init__(self, site: Path, size: int = 2):
        self.site = site
        self.size = max(1, size)
        self._jobs: queue.Queue = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._started: list[Future] = []

    def _work(self, started: Future) -> None:
        try:
            with Printer(self.site) as printer:
                started.set_result(True)
                while (item := self._jobs.get()) is not None:
                    job, future = item
                    if future.set_running_or_notify_cancel():
                        try:
                            future.set_result(job(printer))
                        except BaseException as err:  # noqa: BLE001 - handed to the caller
                            future.set_exception(err)
        except BaseException as err:  # noqa: BLE001 - a browser that did not start
            if not started.done():
                started.set_exception(err)
            else:
                raise

    def __enter__(self) -> PrinterPool:
        for _ in range(self.size):
            started: Future = Future()
            thread = threading.Thread(target=self._work, args=(started,), daemon=True)
            thread.start()
            self._threads.append(thread)
            self._started.append(started)
        try:
            for started in self._started:
                started.result()
        except BaseException as err:
            self.__exit__(type(err), err, None)
            raise
        return self

    def submit(self, job) -> Future:
        future: Future = Future()
        self._jobs.put((job, future))
        return future

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is not None:  # the build failed: what is still waiting is not needed
            while True:
                try:
                    item = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item[1].cancel()
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()
