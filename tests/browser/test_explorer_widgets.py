"""The explorers in the browser, on a page of their own: every control changes the chart (by
mouse and keyboard), the table alternative is there, axe finds nothing, and a guess is kept."""

import pytest

from tests import axe
from tests.explorer_builders import BUILDERS
from tests.helpers import chart_signature as _chart_signature


@pytest.fixture(scope="module")
def built():
    return {name: build() for name, build in BUILDERS.items()}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_control_changes_the_chart(open_widget, built, name):
    page, log = open_widget(built[name])
    box = page.locator(".tk-explorer")
    box.wait_for()
    skip = box.get_by_role("button", name="Visa utan att gissa")
    if skip.count():
        guess = box.locator(".tk-guess input").nth(1)
        guess.check()
        box.get_by_role("button", name="Visa vad som händer").click()
        assert "Din gissning:" in box.locator(".tk-guess-feedback").inner_text()
    for control in built[name].spec["controls"]:
        before = _chart_signature(box)
        reading = box.locator(".tk-reading").inner_text()
        if control["kind"] == "choice":
            box.locator(".tk-choices input").nth(1).check()
        else:
            slider = box.locator(f'input[type="range"][id$="-{control["name"]}"]')
            slider.focus()
            page.keyboard.press("End" if control["initial"] < len(control["values"]) - 1 else "Home")
            assert slider.get_attribute("aria-valuetext") in control["labels"]
        after = _chart_signature(box)
        assert after != before, f"{name}: {control['name']} did not change the chart"
        assert box.locator(".tk-reading").inner_text() != reading
    table = box.locator("details table")
    assert table.locator("tbody tr").count() >= 2
    found = axe.violations(page, include=".tk-explorer")
    assert found == [], axe.describe(found)
    assert log.errors == [] and log.external == []


def test_guess_is_remembered_after_reload(open_widget, built):
    page, _ = open_widget(built["selektiv-kontroll"])
    box = page.locator(".tk-explorer")
    box.locator(".tk-guess input").nth(2).check()
    box.get_by_role("button", name="Visa vad som händer").click()
    page.reload()
    page.locator(".tk-explorer .tk-guess[data-revealed='true']").wait_for()
    assert page.locator(".tk-explorer .tk-panel").is_visible()
