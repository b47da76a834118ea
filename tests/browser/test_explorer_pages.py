"""On the built site, offline: every control of every explorer changes its chart."""

import pytest

from tests.helpers import chart_signature as _chart_signature
from tests.helpers import settle
from widgets.content import course

PAGES = [p for p in course.pages()
         if p.is_notebook and "widgets.views.explorer.Explorer" in p.path.read_text()]


def test_the_chapters_with_explorers_are_found():
    assert {p.slug for p in PAGES} >= {"sjalvuppfyllande-forvantningar", "forbehall",
                                       "bestallare-och-utforare"}


@pytest.mark.parametrize("info", PAGES, ids=[p.slug for p in PAGES])
def test_every_control_changes_the_chart_on_the_page(open_page, info):
    page, log = open_page(info.html)
    settle(page)
    explorers = page.locator(".tk-explorer")
    assert explorers.count() >= 1
    for i in range(explorers.count()):
        box = explorers.nth(i)
        box.scroll_into_view_if_needed()
        skip = box.get_by_role("button", name="Visa utan att gissa")
        if skip.count() and skip.is_visible():
            skip.click()
        for slider in box.locator('input[type="range"]').all():
            before = _chart_signature(box)
            slider.focus()
            at_end = slider.input_value() == slider.get_attribute("max")
            page.keyboard.press("Home" if at_end else "End")
            assert _chart_signature(box) != before, (info.slug, box.get_attribute("data-explorer"))
        choices = box.locator(".tk-choices input")
        if choices.count():
            before = _chart_signature(box)
            choices.nth(1).check()
            assert _chart_signature(box) != before
    assert log.errors == [] and log.external == []
