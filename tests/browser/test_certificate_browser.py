"""The *Kursintyg* page on the built site: the learner types a name (kept only in this browser),
and the certificate shows the date, each chapter's self-test results as *Min översikt* counts
them, the course's goals and honest words; it prints on exactly one A4 page (Chromium's PDF,
counted with pypdf) for a learner who answered everything and for the longest name; it works
without a kernel and asks no other host.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests import axe
from tests.quiz_driver import assert_focus, stored_all_right, tab_to
from widgets.content import course
from widgets.content.course import course_goals
from widgets.content.questions import all_question_sets
from widgets.views.certificate import Certificate

PAGE = "book/kursintyg.html"
NAME_KEY = "tillitskursen:v1:intyg-namn"
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december")
MAX = Certificate().name_max
LONG_NAMES = [
    "Anna-Karin Margareta Elisabeth Johansson Lindqvist-Östergren af Wetterstedt",
    "Ä" * MAX,  # one word as long as the field takes: it must wrap, not run off the page
]


def _all_answered() -> str:
    stored = {f"tillitskursen:v1:answers:{s.chapter}": stored_all_right(s) for s in all_question_sets()}
    return f"Object.entries({json.dumps(stored)}).forEach(([k, v]) => localStorage.setItem(k, v));"


def _open(open_page, *, answered: bool, **options):
    page, log = open_page(PAGE, init_script=_all_answered() if answered else None, **options)
    requests = []
    page.on("request", lambda r: requests.append((r.method, r.url)))
    widget = page.locator(".tk-certificate")
    widget.wait_for()
    return page, log, widget, requests


def _type_name(page, widget, name: str) -> None:
    field = widget.locator("input.tk-certificate-input")
    tab_to(page, field, limit=200)
    page.keyboard.press("Control+A")
    page.keyboard.type(name)


def _pdf_pages(page) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def _words(text: str) -> str:
    return " ".join(text.split())


def _clean(log, requests):
    assert log.external == [] and log.errors == [], (log.external, log.errors)
    for method, url in requests:
        assert method == "GET" and url.startswith(("http://127.0.0.1", "blob:", "data:")), url


def test_everything_answered_shows_every_chapter_the_goals_and_the_date(open_page):
    page, log, widget, requests = _open(open_page, answered=True)
    _type_name(page, widget, "Johan Berg")
    sheet = widget.locator(".tk-certificate-sheet")
    expect(sheet.locator(".tk-certificate-name")).to_have_text("Johan Berg")
    assert "Johan Berg har gått igenom Tillitskursen" in sheet.inner_text()
    today = dt.date.today()
    assert sheet.locator(".tk-certificate-date").inner_text() == \
        f"Datum: {today.day} {MONTHS[today.month - 1]} {today.year}"
    total = graded = 0
    for question_set in all_question_sets():
        row = sheet.locator(f'tbody tr[data-chapter="{question_set.chapter}"]')
        assert row.locator("th[scope=row]").inner_text() == course.page(question_set.chapter).title
        n, g = len(question_set.questions), question_set.graded_count
        assert row.locator('[data-count="answered"]').inner_text() == f"{n} av {n}"
        assert row.locator('[data-count="right-first"]').inner_text() == f"{g} av {g}"
        total, graded = total + n, graded + g
    foot = sheet.locator("tfoot tr")
    assert foot.locator('[data-count="answered"]').inner_text() == f"{total} av {total}"
    assert foot.locator('[data-count="right"]').inner_text() == f"{graded} av {graded}"
    assert sheet.locator("thead th[scope=col]").count() == 4
    goals = course_goals()
    assert sheet.locator(".tk-certificate-goals li").all_inner_texts() == list(goals.goals)
    assert "självtester som deltagaren har gjort på egen hand" in sheet.inner_text()
    # the name stays in this browser only, and comes back
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{NAME_KEY}'))") == "Johan Berg"
    page.reload()
    expect(page.locator(".tk-certificate-name")).to_have_text("Johan Berg")
    _clean(log, requests)


@pytest.mark.parametrize("name", ["Johan Berg", *LONG_NAMES], ids=["short", "long", "longest word"])
def test_prints_on_exactly_one_a4_page(open_page, name):
    page, log, widget, requests = _open(open_page, answered=True)
    _type_name(page, widget, name)
    expect(widget.locator(".tk-certificate-name")).to_have_text(name[:MAX])
    pages, text = _pdf_pages(page)
    assert pages == 1, f"the certificate took {pages} pages"
    flat = _words(text)
    assert "Kursintyg" in flat and _words(course_goals().goals[-1]) in flat
    assert course.page("sammanfattning-och-slutprov").title in flat
    # only the certificate prints: not the page's own text, the field or the site around it
    assert "Skriv ditt namn i rutan" not in flat and "Skriv ut intyget" not in flat
    assert "Så här ser intyget ut" not in flat
    _clean(log, requests)


def test_nothing_answered_still_prints_one_page_and_says_so(open_page):
    page, log, widget, requests = _open(open_page, answered=False)
    expect(widget.locator(".tk-status")).to_contain_text("Du har inte svarat på några självtester")
    assert widget.locator(".tk-certificate-name").inner_text() == "(inget namn ifyllt)"
    assert _pdf_pages(page)[0] == 1
    _clean(log, requests)


def test_print_button_by_keyboard_opens_printing_and_announces_it(open_page):
    page, log, widget, _ = _open(open_page, answered=True)
    page.evaluate("() => { window.tkPrinted = 0; window.print = () => { window.tkPrinted += 1; }; }")
    button = widget.locator(".tk-certificate-print")
    tab_to(page, button, limit=200)
    assert_focus(page, button, "the print button", visible=True)
    page.keyboard.press("Enter")
    assert page.evaluate("window.tkPrinted") == 1
    expect(widget.locator(".tk-status[role=status]")).to_contain_text("Utskriften är öppnad")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_results(open_page, scheme):
    page, _, widget, _ = _open(open_page, answered=True, color_scheme=scheme)
    _type_name(page, widget, "Johan Berg")
    found = axe.violations(page)
    assert found == [], axe.describe(found)


@pytest.mark.parametrize("path", ["book/sammanfattning-och-slutprov.html", "book/min-oversikt.html"])
def test_final_test_and_overview_link_to_the_certificate(open_page, path):
    page, _ = open_page(path)
    assert page.locator('main a[href="kursintyg.html"]').count() >= 1
