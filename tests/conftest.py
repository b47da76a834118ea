"""Shared fixtures: the built site served on 127.0.0.1, and headless Chromium pages that
block (and record) every request to another host and every console error.

The folders of ``tests/`` are the layers of the suite, and each gives its tests one marker:

- ``unit``: pure Python, no built site, no browser, no kernel (``make check`` runs these);
- ``site``: reads the built site's files (HTML, PDF), no browser;
- ``browser``: drives headless Chromium against the built site or a standalone widget page;
- ``notebooks``: executes the chapter notebooks (nbval on ``book/*.ipynb`` and freshness);
- ``kernel``: JupyterLab and Notebook 7 with a live kernel.

Select with ``-m``, for example ``pytest -m unit`` or ``pytest -m "not kernel"``.
"""

from __future__ import annotations

import shutil
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.helpers import CHROMIUM_ARGS, SITE, build_site, chromium_path
from widgets.build.browser import serve

LAYERS = ("unit", "site", "browser", "notebooks", "kernel")
TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Mark each test by the layer (folder) it lives in; nbval's notebook cells are ``notebooks``.
    (Which tests share a worker: the repository's root conftest.py.)"""
    for item in items:
        path = Path(str(item.fspath)).resolve()
        if path.suffix == ".ipynb":
            item.add_marker("notebooks")
            continue
        try:
            layer = path.relative_to(TESTS).parts[0]
        except ValueError:
            continue
        if layer in LAYERS:
            item.add_marker(layer)


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site. ``make test`` builds it first; a bare ``pytest`` builds it here."""
    if not (SITE / "index.html").exists():
        result = build_site()
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return SITE


@pytest.fixture(scope="session")
def base_url(site: Path):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None and not shutil.which("playwright"):
        pytest.fail("Ingen Chromium hittades. Kör 'make chromium' eller sätt TILLITSKURSEN_CHROMIUM.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class PageLog:
    """What a page did: requests it tried to send elsewhere, console errors, bytes loaded."""

    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    responses: dict[str, int] = field(default_factory=dict)


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("blob", "data", "about") or parsed.hostname == "127.0.0.1"


def _page_opener(browser, base_url, contexts):
    def _open(path: str, *, init_script: str | None = None, **options):
        # No service worker unless a test asks for one (service_workers="allow"): a worker
        # would answer from its cache, past the route that blocks other hosts.
        options.setdefault("service_workers", "block")
        context = browser.new_context(**options)
        if init_script:
            context.add_init_script(init_script)
        contexts.append(context)
        page = context.new_page()
        log = PageLog()

        def route(route):
            if _is_local(route.request.url):
                route.continue_()
            else:
                log.external.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: log.errors.append(str(e)))
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        return page, log

    return _open


@pytest.fixture
def open_page(browser, base_url):
    """open_page(path, init_script=None, **context_options) → (page, log).

    Each call opens a fresh browser context (empty storage). Requests to any other host
    are blocked and listed in ``log.external``; console errors go to ``log.errors``. Service
    workers are blocked unless the test passes ``service_workers="allow"``.
    """
    contexts = []
    yield _page_opener(browser, base_url, contexts)
    for context in contexts:
        context.close()


@pytest.fixture
def open_widget(browser, tmp_path):
    """open_widget(*widgets, **options) → (page, log): the widgets alone on a page.

    The page embeds the widget state exactly as myst-nb does and renders it with the
    site's widget host, with no kernel: what a learner gets on the static site.
    """
    from tests.widget_pages import standalone_page

    contexts = []
    with ExitStack() as servers:
        url = servers.enter_context(serve(tmp_path))
        count = 0

        def _open(*widgets, **options):
            nonlocal count
            count += 1
            name = f"widget-{count}.html"
            standalone_page(tmp_path, name, widgets)
            return _page_opener(browser, url, contexts)(name, **options)

        yield _open
        for context in contexts:
            context.close()
