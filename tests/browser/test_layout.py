"""Layout defects from issue 18, measured with bounding boxes at 375, 800 and 1280 px: the
back-to-top button never covers the text being read, the search icon never covers typed text,
and a table wider than its box says so (and can be scrolled with the keyboard)."""

import pytest

from tests.helpers import settle
from widgets.content import course
from widgets.content.ui_text import TEXTS

WIDTHS = [375, 800, 1280]
CHAPTER = course.chapters()[0].html
SITE = TEXTS["site"]

#: Text elements in the article whose boxes are visible in the viewport below the sticky
#: article header, and their overlap with the element ``sel``.
OVERLAPS = """sel => {
    const target = document.querySelector(sel).getBoundingClientRect();
    const header = document.querySelector('.bd-header-article').getBoundingClientRect();
    const hits = [];
    const text = '.bd-article :is(p, li, h1, h2, h3, td, th, figcaption, label, dt, dd)';
    for (const el of document.querySelectorAll(text)) {
        for (const r of el.getClientRects()) {
            const top = Math.max(r.top, header.bottom), bottom = Math.min(r.bottom, innerHeight);
            if (bottom <= top || r.width === 0) continue;  // not visible on screen
            const x = Math.min(r.right, target.right) - Math.max(r.left, target.left);
            const y = Math.min(bottom, target.bottom) - Math.max(top, target.top);
            if (x > 0 && y > 0) hits.push(el.tagName + ': ' + el.textContent.trim().slice(0, 40));
        }
    }
    return {hits, inHeader: target.top >= header.top - 1 && target.bottom <= header.bottom + 1,
            width: target.width, height: target.height};
}"""


def at(open_page, width, path=CHAPTER):
    page, log = open_page(path, viewport={"width": width, "height": 800}, has_touch=width < 1000,
                          is_mobile=width < 1000)
    settle(page)
    return page, log


@pytest.mark.parametrize("width", WIDTHS)
def test_back_to_top_never_covers_the_text(open_page, width):
    page, log = at(open_page, width)
    button = page.get_by_role("button", name=SITE["back_to_top"])
    assert not button.is_visible()  # at the top there is nowhere to go back to
    for screens in (1.5, 4, 8):  # down the page, and on the way back up
        page.evaluate("n => window.scrollTo(0, innerHeight * n)", screens)
        button.wait_for(state="visible")
        found = page.evaluate(OVERLAPS, ".tk-back-to-top")
        assert found["inHeader"] and found["width"] >= 24 and found["height"] >= 24
        assert found["hits"] == [], f"the button covers text at {width} px: {found['hits']}"
    button.click()
    page.wait_for_function("window.scrollY === 0")
    assert page.evaluate("document.activeElement.tagName") == "H1"  # the keyboard starts over too
    button.wait_for(state="hidden")
    assert log.errors == []


@pytest.mark.parametrize("where", ["dialog", "search page"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_search_icon_never_covers_the_typed_text(open_page, width, where):
    page, _ = at(open_page, width, "search.html" if where == "search page" else CHAPTER)
    if where == "dialog":
        page.keyboard.press("Control+k")
        form = page.locator("#pst-search-dialog form.bd-search")
    else:
        form = page.locator(".bd-search-container form.bd-search, article form.bd-search").first
    field = form.locator("input[name=q]")
    field.wait_for(state="visible")
    field.fill("tillitsbaserad styrning och ledning")
    box = field.evaluate("""input => {
        const r = input.getBoundingClientRect(), s = getComputedStyle(input);
        const icon = input.form.querySelector('.fa-magnifying-glass').getBoundingClientRect();
        const textStart = r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
        return {textStart, iconLeft: icon.left, iconRight: icon.right,
                sameLine: icon.bottom > r.top && icon.top < r.bottom};
    }""")
    assert box["sameLine"]
    assert box["iconRight"] <= box["textStart"], f"the icon covers the text: {box}"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_wide_table_says_it_scrolls_only_when_it_does(open_page, width):
    page, _ = at(open_page, width)
    section = page.locator("#sa-skiljer-sig-definitionerna-at")
    box = section.locator("table").locator("xpath=..")
    wide = box.evaluate("b => b.scrollWidth > b.clientWidth + 1")
    hint = section.locator(".tk-scroll-hint")
    if width == 375:
        assert wide, "the test needs the table to be wider than a phone"
    if not wide:
        assert hint.count() == 0 and box.get_attribute("role") is None
        assert box.get_attribute("tabindex") != "0"
        return
    assert hint.is_visible() and hint.inner_text().startswith(SITE["scroll_hint"].rstrip("."))
    region = section.get_by_role("region")
    assert region.get_attribute("aria-label") == SITE["table_region_named"].format(
        caption="Så skiljer sig definitionerna åt")
    # reachable and scrollable with the keyboard
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("End")
    page.wait_for_function("b => b.scrollLeft > 0", arg=region.element_handle())


@pytest.mark.parametrize("path", [CHAPTER, course.chapters()[8].html,
                                  "book/lararhandledning/kursplaner.html", "book/min-oversikt.html"])
def test_every_table_that_overflows_on_a_phone_has_a_hint_and_no_other_does(open_page, path):
    page, log = at(open_page, 375, path)
    page.wait_for_timeout(300)  # the script marks tables after widgets have drawn theirs
    boxes = page.evaluate("""() => [...document.querySelectorAll('.bd-article table')].map(t => {
        let b = t.parentElement;
        while (b && !['auto', 'scroll'].includes(getComputedStyle(b).overflowX)) b = b.parentElement;
        if (!b) return null;
        return {wide: b.scrollWidth > b.clientWidth + 1, marked: b.dataset.tkScroll === 'true',
                named: !!b.getAttribute('aria-label'), focusable: b.tabIndex === 0,
                hint: !!b.previousElementSibling?.classList.contains('tk-scroll-hint')};
    }).filter(Boolean)""")
    assert boxes, f"{path} has no tables"
    for found in boxes:
        assert found["marked"] == found["wide"] == found["hint"], found
        if found["wide"]:
            assert found["named"] and found["focusable"]
    assert log.errors == []
