"""Every page of the built site: loads offline, asks no other host, logs no error, is Swedish."""

import pytest

from tests.helpers import settle
from widgets.content import course

PAGES = [p.html for p in course.pages()]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_in_swedish(open_page, path):
    page, log = open_page(path)
    settle(page)  # waits until every widget view on the page has rendered
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    assert page.locator(".tk-widget").count() == views
    assert page.locator(".tk-widget-notice").count() == 0, f"{path}: a widget could not be shown"
    assert log.external == [], f"{path} asked other hosts: {log.external}"
    assert log.errors == [], f"{path} logged console errors: {log.errors}"
    assert page.get_attribute("html", "lang") == "sv"
    assert page.locator("main h1").count() >= 1
    assert page.context.cookies() == []


def test_search_finds_inflected_swedish_words(open_page):
    page, _ = open_page("search.html?q=tilliten")
    page.wait_for_selector("#search-results li", timeout=15000)
    hits = page.locator("#search-results li").all_inner_texts()
    assert hits, "no hits for 'tilliten'"
    assert any("tillit" in hit.lower() for hit in hits)


def test_without_javascript_interactive_parts_say_what_to_do(open_page):
    page, _ = open_page("book/vad-ar-tillit.html", java_script_enabled=False)
    note = page.locator(".tk-noscript")
    assert note.count() == 1
    assert "behöver JavaScript" in note.inner_text()
    assert page.get_by_role("heading", name="Vad är tillit?").count() >= 1
