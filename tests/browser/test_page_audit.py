"""Every page of the built site, loaded once and audited the way learners meet it.

One load per page (issue 17: the read-only audits used to open each page five times), then, on
the same page:

1. it loads offline: every widget view rendered, no widget notice, no request to another host,
   no console error, Swedish (``lang="sv"``), a main heading, no cookies;
2. what a screen reader reads: no private-use icon glyph, no English landmark names;
3. axe-core (WCAG 2.1 A/AA) in light mode, then in dark mode (the theme follows the system
   setting, so the page switches when the media feature changes);
4. at a small phone's width (375 px) nothing scrolls sideways; a screenshot of the first
   screen goes to ``_build/screenshots/`` (CI keeps them).

Every check runs and the test reports all that failed, so one problem does not hide another.
"""

from __future__ import annotations

import re

import pytest

from tests import axe
from tests.helpers import ROOT, settle
from widgets.content import course

#: Independent tests, one page each: spread over the workers (conftest.py).
SPREAD_OVER_WORKERS = True

PAGES = [p.html for p in course.pages()] + ["search.html?q=tillit", "genindex.html"]
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
ENGLISH_LANDMARK = re.compile(r'(navigation|region|dialog) "(Main|Page|Contents)"')
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
SHOTS = ROOT / "_build" / "screenshots"

#: Content wider than the screen that no scroll box holds (it would be cut off on a phone).
OVERFLOW_JS = """() => {
    const doc = document.documentElement;
    const scrolls = el => {
        for (let p = el.parentElement; p; p = p.parentElement) {
            if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
        }
        return false;
    };
    const wide = [...document.querySelectorAll('.bd-article *')].filter(el => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > doc.clientWidth + 1 && !scrolls(el);
    }).slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + el.className);
    return {scroll: doc.scrollWidth, client: doc.clientWidth, wide};
}"""


def _loads_offline_in_swedish(page, log) -> list[str]:
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    found = []
    if page.locator(".tk-widget").count() != views:
        found.append(f"{views} widget views, {page.locator('.tk-widget').count()} drawn")
    if page.locator(".tk-widget-notice").count():
        found.append("a widget could not be shown: " + page.locator(".tk-widget-notice").first.inner_text())
    if log.external:
        found.append(f"asked other hosts: {log.external}")
    if log.errors:
        found.append(f"console errors: {log.errors}")
    if page.get_attribute("html", "lang") != "sv":
        found.append(f'lang is {page.get_attribute("html", "lang")!r}, not "sv"')
    if page.locator("main h1").count() < 1:
        found.append("no main heading (h1)")
    if page.context.cookies():
        found.append(f"cookies: {page.context.cookies()}")
    return found


def _read_out(page) -> list[str]:
    snapshot = page.locator("body").aria_snapshot()
    glyphs = [line.strip() for line in snapshot.splitlines() if PRIVATE_USE.search(line)]
    found = [f"icon glyphs read out: {glyphs[:5]}"] if glyphs else []
    if ENGLISH_LANDMARK.search(snapshot):
        found.append(f"English landmark name: {ENGLISH_LANDMARK.search(snapshot).group(0)}")
    return found


def _axe(page, scheme: str) -> list[str]:
    axe.use_scheme(page, scheme)
    violations = axe.violations(page)
    return [f"axe ({scheme}):\n{axe.describe(violations)}"] if violations else []


def _phone(page, path: str) -> list[str]:
    page.set_viewport_size(PHONE)
    page.wait_for_function("w => document.documentElement.clientWidth <= w", arg=PHONE["width"])
    overflow = page.evaluate(OVERFLOW_JS)
    SHOTS.mkdir(parents=True, exist_ok=True)
    # the first screen a learner sees (a whole chapter at phone width is 30,000 px tall)
    page.screenshot(path=str(SHOTS / (path.split("?")[0].replace("/", "_") + ".png")))
    found = []
    if overflow["scroll"] > overflow["client"]:
        found.append(f"scrolls sideways on a phone: {overflow}")
    if overflow["wide"]:
        found.append(f"wider than a phone's screen: {overflow['wide']}")
    return found


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_reads_well_and_passes_axe_in_both_modes_and_on_a_phone(open_page, path):
    page, log = open_page(path, viewport=DESKTOP, color_scheme="light")
    settle(page)
    found = _loads_offline_in_swedish(page, log) + _read_out(page)
    found += _axe(page, "light") + _axe(page, "dark")
    found += _phone(page, path)
    if log.errors and not any(f.startswith("console errors") for f in found):
        found.append(f"console errors after the checks: {log.errors}")
    assert found == [], f"{path}:\n- " + "\n- ".join(found)


def test_the_audit_sees_a_page_that_scrolls_sideways_and_fails_axe(open_page):
    """The audit's own checks can fail: a page made too wide and given an image without a text
    alternative is reported by both (guards against checks that cannot fail)."""
    page, _ = open_page("book/intro.html", viewport=DESKTOP, color_scheme="light")
    settle(page)
    page.evaluate("""() => {
        const wide = document.createElement('div');
        wide.style.width = '900px'; wide.textContent = 'bred';
        document.querySelector('.bd-article').append(wide);
        document.querySelector('.bd-article').append(document.createElement('img'));
    }""")
    assert any("image-alt" in f for f in _axe(page, "light"))
    assert any("sideways" in f or "wider" in f for f in _phone(page, "test-audit"))


def test_axe_is_the_pinned_version(open_page):
    import json

    page, _ = open_page(PAGES[0])
    axe.violations(page, include="main")
    pinned = json.loads((axe.ROOT / "package.json").read_text())["devDependencies"]["axe-core"]
    assert axe.axe_version(page) == pinned
