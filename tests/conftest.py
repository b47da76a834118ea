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
import uuid
from pathlib import Path

import pytest

from tests.helpers import CHROMIUM_ARGS, SITE, build_site, chromium_path
from tests.page_pool import BLOCK_OTHER_HOSTS, PagePool
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
                                             args=[*CHROMIUM_ARGS, BLOCK_OTHER_HOSTS])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def page_pool(browser):
    """This worker's kept pages (tests/page_pool.py)."""
    pool = PagePool(browser)
    yield pool
    pool.close()


@pytest.fixture
def pages(page_pool):
    """The pages of one test: ``pages.open(url, init_script=None, **context_options)``."""
    pages = page_pool.test()
    yield pages
    pages.end()


@pytest.fixture
def open_page(pages, base_url):
    """open_page(path, init_script=None, **context_options) → (page, log).

    Each call gives a page as in a fresh browser (empty storage; a kept page is reset first:
    tests/page_pool.py). Requests to any other host fail (no other host resolves) and are
    listed in ``log.external``; console errors go to ``log.errors``. Service workers are
    blocked unless the test passes ``service_workers="allow"``.
    """
    return lambda path, **options: pages.open(base_url + path, **options)


@pytest.fixture
def open_widget(pages, tmp_path):
    """open_widget(*widgets, **options) → (page, log): the widgets alone on a page.

    The page embeds the widget state exactly as myst-nb does and renders it with the
    site's widget host, with no kernel: what a learner gets on the static site.
    """
    from tests.widget_pages import standalone_page

    with serve(tmp_path) as url:
        token = uuid.uuid4().hex[:8]  # a name no earlier test's page had (the HTTP cache)
        count = 0

        def _open(*widgets, **options):
            nonlocal count
            count += 1
            name = f"widget-{token}-{count}.html"
            standalone_page(tmp_path, name, widgets)
            return pages.open(url + name, **options)

        yield _open
