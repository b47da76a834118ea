""""Fortsätt där du slutade": the last section read in a chapter is kept in the browser and
offered on the start page and on Min översikt; nothing is shown when nothing (or something
broken) is stored, and "Rensa mina svar" forgets it with the answers."""

import json

import pytest

from tests.helpers import settle
from widgets.content import course
from widgets.content.ui_text import TEXTS

KEY = "tillitskursen:v1:fortsatt"
START = course.pages()[0].html
OVERVIEW = "book/min-oversikt.html"
CHAPTER = course.chapters()[2]
LABEL = TEXTS["site"]["resume"]


def read_to(page, heading_index: int) -> str:
    """Scroll so that the chapter's h2 number ``heading_index`` reaches the top; its section id."""
    section = page.evaluate("""i => {
        const h = document.querySelectorAll('section.tk-chapter section > h2')[i];
        window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 80);
        return h.parentElement.id;
    }""", heading_index)
    page.wait_for_function("([key, id]) => (localStorage.getItem(key) || '').includes(id)",
                           arg=[KEY, section])
    return section


@pytest.mark.parametrize("path", [START, OVERVIEW])
def test_nothing_is_shown_before_anything_is_read(open_page, path):
    page, log = open_page(path)
    settle(page)
    assert not page.locator(".tk-resume").is_visible()
    assert page.get_by_text(LABEL).count() == 0 or not page.get_by_text(LABEL).is_visible()
    assert log.errors == []


def test_the_last_section_read_is_offered_on_the_start_page_and_min_oversikt(open_page, base_url):
    page, log = open_page(CHAPTER.html, viewport={"width": 375, "height": 800}, is_mobile=True)
    settle(page)
    read_to(page, 1)
    anchor = read_to(page, 3)  # the last one reached counts
    heading = page.evaluate(
        "id => document.getElementById(id).querySelector('h2').firstChild.textContent.trim()", anchor)
    stored = json.loads(page.evaluate("k => localStorage.getItem(k)", KEY))
    assert stored == {"path": CHAPTER.html, "anchor": anchor, "chapter": f"3. {CHAPTER.title}",
                      "section": heading}
    for path in (START, OVERVIEW):
        page.goto(base_url + path)
        settle(page)
        note = page.locator(".tk-resume")
        assert note.is_visible()
        assert note.inner_text() == f"{LABEL} 3. {CHAPTER.title} – {heading}"
    page.locator(".tk-resume a").click()
    page.wait_for_url(f"{base_url}{CHAPTER.html}#{anchor}")
    assert log.errors == []


@pytest.mark.parametrize("stored", [
    "inte json", "null", "42", "[]", '{"path": "book/x.html"}',
    json.dumps({"path": "javascript:alert(1)", "anchor": "a", "chapter": "K", "section": "A"}),
    json.dumps({"path": "https://annan.example/x.html", "anchor": "a", "chapter": "K", "section": "A"}),
    json.dumps({"path": "../utanfor.html", "anchor": "a", "chapter": "K", "section": "A"}),
    json.dumps({"path": "book/x.html", "anchor": "a\"><img>", "chapter": "K", "section": "A"}),
    json.dumps({"path": "book/x.html", "anchor": "a", "chapter": "K" * 500, "section": "A"}),
    json.dumps({"path": "book/x.html", "anchor": "a", "chapter": 7, "section": "A"}),
])
def test_a_broken_stored_value_is_ignored_without_errors(open_page, stored):
    script = f"localStorage.setItem({KEY!r}, {stored!r});"
    page, log = open_page(START, init_script=script)
    settle(page)
    assert not page.locator(".tk-resume").is_visible()
    assert page.locator(".tk-resume a").count() == 0
    assert log.errors == []


def test_clearing_the_answers_forgets_the_place_too(open_page, base_url):
    page, _ = open_page(CHAPTER.html)
    settle(page)
    read_to(page, 2)
    page.goto(base_url + OVERVIEW)
    settle(page)
    assert page.locator(".tk-resume").is_visible()
    overview = TEXTS["overview"]
    page.get_by_role("button", name=overview["clear"]).click()
    page.get_by_role("button", name=overview["confirm_yes"]).click()
    page.get_by_text(overview["cleared"]).wait_for()
    assert page.evaluate("k => localStorage.getItem(k)", KEY) is None
    page.goto(base_url + START)
    settle(page)
    assert not page.locator(".tk-resume").is_visible()
