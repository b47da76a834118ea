"""A page printed from the browser (and by the PDF build): no web-only text, no buttons or
open/close arrows, every box open."""

import pytest
from playwright.sync_api import expect

from tests.helpers import settle

HIDDEN_IN_PRINT = ".tk-screen-only, .headerlink, .toggle-button, .sd-summary-state-marker"


def _open(open_page, path):
    page, log = open_page(path)
    settle(page)
    return page, log


def test_web_only_text_shows_on_screen_and_not_on_paper(open_page):
    page, log = _open(open_page, "book/intro.html")
    web_only = page.locator(".tk-screen-only").filter(has_text="Med knapparna längst upp")
    expect(web_only).to_be_visible()
    page.emulate_media(media="print")
    expect(web_only).to_be_hidden()
    expect(page.get_by_text("Skriv ut.", exact=False).first).to_be_visible()
    assert log.external == [] and log.errors == []


def test_boxes_print_open_without_arrows_or_icon_glyphs(open_page):
    page, log = _open(open_page, "book/bestallare-och-utforare.html")
    cards = page.locator("details.tk-rollkort-text")
    assert cards.count() >= 8                                     # the role cards
    assert cards.evaluate_all("els => els.every((d) => !d.open)")  # closed on screen
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # what Ctrl+P fires
    page.emulate_media(media="print")
    assert page.locator("details").evaluate_all("els => els.every((d) => d.open)")
    for selector in HIDDEN_IN_PRINT.split(", "):
        assert page.locator(selector).evaluate_all(
            "els => els.filter((el) => el.getClientRects().length > 0).length") == 0, selector
    summaries = page.locator("details > summary")
    assert summaries.evaluate_all("els => els.every((s) => getComputedStyle(s).listStyleType === 'none')")
    expect(cards.first.locator("dl")).to_be_visible()
    icons = page.locator(".admonition > .admonition-title").evaluate_all(
        "els => els.map((el) => getComputedStyle(el, '::after').content)")
    assert icons and set(icons) <= {"none", "normal"}, icons
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert cards.evaluate_all("els => els.every((d) => !d.open)")  # as the reader left them
    assert log.external == [] and log.errors == []


def test_solutions_hidden_behind_a_toggle_print_open(open_page):
    page, log = _open(open_page, "book/risker.html")
    solution = page.locator(".solution.dropdown.admonition").first
    body = solution.locator(".solution-content")
    expect(body).to_be_hidden()                      # closed on screen, until clicked
    page.emulate_media(media="print")
    expect(body).to_be_visible()
    expect(solution.locator(".toggle-button")).to_be_hidden()
    assert log.external == [] and log.errors == []


def test_the_pdf_build_stops_when_a_page_asks_another_host(tmp_path):
    from widgets.build.pdf_print import BuildError, PrinterPool

    (tmp_path / "sida.html").write_text(
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Sida</title></head>'
        '<body><article class="bd-article"><h1>Sida</h1>'
        '<img src="https://cdn.example.org/bild.png" alt="En bild"></article></body></html>',
        encoding="utf-8")
    (tmp_path / "ren.html").write_text(
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Ren</title></head>'
        '<body><article class="bd-article"><h1>Ren</h1><p>Text</p></article></body></html>',
        encoding="utf-8")
    with PrinterPool(tmp_path, size=2) as pool:
        clean = pool.submit(lambda printer: printer.snapshot("ren.html")).result()
        assert "<h1>Ren</h1>" in clean.article
        document = "<html lang='sv'><p>Hej</p></html>"
        printed = pool.submit(lambda printer: printer.print("ren", document)).result()
        assert printed.data.startswith(b"%PDF")
        failing = pool.submit(lambda printer: printer.snapshot("sida.html"))
        with pytest.raises(BuildError) as caught:
            failing.result()
        assert "cdn.example.org" in str(caught.value) and "sida.html" in str(caught.value)
