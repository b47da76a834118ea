"""Browser pages for the tests: each test gets what a fresh browser would show it, at half the cost.

A new browser context and page cost Chromium about 0.8 s of CPU for a chapter (a new renderer
process, every file fetched and compiled again); the same page taking the next test costs about
0.4 s. So each pytest worker keeps one open page per set of context options and hands it to the
next test that asks for those options, after putting it back to how a fresh page is:

- the page's session storage is cleared (and cleared again when the page is left, after its
  own listeners); the page is left for ``about:blank`` (its scripts stop and do what they do
  when a page is left); then every origin it used loses its storage (local storage, IndexedDB,
  cookies, Cache Storage, service workers);
- pop-up windows the test opened are closed, listeners and routes it added are removed, the
  emulated media and the viewport are reset, and the page's log (console errors, requests to
  other hosts) starts empty.

What is not reset is the HTTP cache, as in a browser: the files are the same for every test.
A test that needs a first visit (nothing cached) or a service worker, that adds an init script,
or that opens a second page with the same options in the same test, gets a new context.

Requests to other hosts are not routed (Playwright's routing turns the HTTP cache off): the
browser is started with :data:`BLOCK_OTHER_HOSTS`, so no other host resolves, and the page's
``request`` events list every such request in ``log.external``.
"""

from __future__ import annotations

import warnings
from contextlib import suppress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

#: No host name resolves in the tests' browser: only 127.0.0.1 (an address) is reachable.
BLOCK_OTHER_HOSTS = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
#: Context options a kept page takes on by itself (the others choose which page is kept).
PAGE_OPTIONS = ("viewport", "color_scheme")
#: Playwright's viewport for a context that names none.
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}
#: Everything a page can keep in the browser, for Storage.clearDataForOrigin.
STORAGE_TYPES = "all"
#: Session storage is the tab's, not the origin's: cleared in the page itself, now and once
#: more when it is left (after the page's own listeners, which may write to it then).
CLEAR_SESSION_STORAGE = """() => {
    const clear = () => { try { sessionStorage.clear(); } catch (e) {} };
    clear();
    addEventListener('pagehide', clear);
}"""


@dataclass
class PageLog:
    """What a page did: requests it tried to send elsewhere, console errors."""

    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def is_local(url: str) -> bool:
    parsed = urlsplit(url)
    return parsed.scheme in ("blob", "data", "about") or parsed.hostname == "127.0.0.1"


def _origin(url: str) -> str | None:
    parsed = urlsplit(url)
    return f"{parsed.scheme}://{parsed.netloc}" if parsed.scheme in ("http", "https") else None


class _Kept:
    """One kept context and its page, with the log of the test using it."""

    def __init__(self, browser, options: dict):
        self.context = browser.new_context(**options)
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.log = PageLog()
        self.origins: set[str] = set()
        self.added: list[tuple[str, tuple]] = []
        self.page.on("console", lambda m: self.log.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.log.errors.append(str(e)))
        self.page.on("request", self._request)

    def _request(self, request) -> None:
        url = request.url
        if not is_local(url):
            self.log.external.append(url)
        elif origin := _origin(url):
            self.origins.add(origin)

    def usable(self) -> bool:
        return not self.page.is_closed()

    def reset(self, color_scheme: str) -> None:
        """Back to a fresh page's state (see the module's description)."""
        self.log = PageLog()  # what the last page does while it is left goes nowhere
        # session storage belongs to the tab and outlives navigations: cleared now and, after
        # every other listener, when the page is left (the theme writes some then)
        for frame in self.page.frames:
            with suppress(Exception):  # a frame that is gone
                frame.evaluate(CLEAR_SESSION_STORAGE)
        self.page.goto("about:blank")
        for origin in sorted(self.origins):
            self.cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE_TYPES})
        self.page.emulate_media(media="null", color_scheme=color_scheme, reduced_motion="no-preference",
                                forced_colors="none")

    def lend(self, viewport: dict) -> PageLog:
        """Hand the page to a test: a new log, the test's viewport, and a record of what the
        test adds to the page (listeners, routes) so that :meth:`take_back` can remove it."""
        if self.page.viewport_size != viewport:
            self.page.set_viewport_size(viewport)
        self.log = PageLog()
        page, added = self.page, self.added

        def recording(kind):
            original = getattr(type(page), kind)

            def record(*args, **kwargs):
                added.append((kind, args + tuple(kwargs.values())))
                return original(page, *args, **kwargs)
            return record

        for kind in ("on", "once", "route"):
            setattr(page, kind, recording(kind))
        return self.log

    def take_back(self) -> None:
        page = self.page
        for kind in ("on", "once", "route"):
            page.__dict__.pop(kind, None)
        for other in self.context.pages:  # pop-ups the test opened (a named one is found again)
            if other is not page:
                with suppress(Exception):
                    other.close()
        if page.is_closed():
            return
        routed = False
        for kind, args in self.added:
            if kind == "route":
                routed = True
            else:
                with suppress(Exception):  # a once-listener that has run is gone already
                    page.remove_listener(*args[:2])
        if routed:
            page.unroute_all(behavior="ignoreErrors")
        self.added.clear()

    def close(self) -> None:
        with suppress(Exception):  # the browser may be gone already
            self.context.close()


class PagePool:
    """The pages kept by one pytest worker (see the module's description)."""

    def __init__(self, browser):
        self.browser = browser
        self._kept: dict[tuple, _Kept] = {}

    def test(self) -> TestPages:
        return TestPages(self)

    def take(self, key: tuple, context_options: dict, color_scheme: str) -> _Kept:
        kept = self._kept.get(key)
        if kept is not None and kept.usable():
            try:
                kept.reset(color_scheme)
                return kept
            except Exception as error:  # noqa: BLE001 (a page that cannot be reset is replaced)
                warnings.warn(f"a kept page could not be reset and is replaced: {error}", stacklevel=2)
                kept.close()
        kept = _Kept(self.browser, context_options)
        if color_scheme != "light":
            kept.page.emulate_media(color_scheme=color_scheme)
        self._kept[key] = kept
        return kept

    def close(self) -> None:
        for kept in self._kept.values():
            kept.close()
        self._kept.clear()


class TestPages:
    """The pages of one test: ``open(url, init_script=None, **context_options)``."""

    __test__ = False  # not a test class, whatever pytest thinks of the name

    def __init__(self, pool: PagePool):
        self.pool = pool
        self.lent: list[tuple[tuple, _Kept]] = []
        self.contexts: list = []

    def open(self, url: str, *, init_script: str | None = None, **options):
        """A page showing ``url``, as if in a fresh browser; returns (page, log)."""
        options.setdefault("service_workers", "block")
        key = tuple(sorted((name, repr(value)) for name, value in options.items()
                           if name not in PAGE_OPTIONS))
        keepable = (init_script is None and options["service_workers"] == "block"
                    and key not in {k for k, _ in self.lent})
        if keepable:
            kept = self.pool.take(key, {k: v for k, v in options.items() if k not in PAGE_OPTIONS},
                                   options.get("color_scheme", "light"))
            self.lent.append((key, kept))
            log = kept.lend(options.get("viewport", DEFAULT_VIEWPORT))
            page = kept.page
        else:
            page, log = self._fresh(init_script, options)
        page.goto(url)
        page.wait_for_load_state("load")
        return page, log

    def _fresh(self, init_script: str | None, options: dict):
        context = self.pool.browser.new_context(**options)
        self.contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        log = PageLog()
        page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: log.errors.append(str(e)))
        page.on("request", lambda r: None if is_local(r.url) else log.external.append(r.url))
        return page, log

    def end(self) -> None:
        for _, kept in self.lent:
            kept.take_back()
        for context in self.contexts:
            context.close()
