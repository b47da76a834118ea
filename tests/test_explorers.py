"""The explorers: specs small enough, readings in Swedish, live points equal the static ones,
and in the browser every control changes the chart, by mouse and keyboard."""

import pytest

from tests import axe
from widgets import explorers
from widgets.data_files import DataFileError
from widgets.explorer import MAX_SPEC_KB, spec_size_kb

BUILDERS = {
    "tillitsspiralen-start": lambda: explorers.trust_spiral("start"),
    "tillitsspiralen": explorers.trust_spiral,
    "kontrollens-kostnad-studier": explorers.hidden_costs_studies,
    "kontrollens-kostnad-modell": explorers.hidden_costs_model,
    "upprepad-tillit-brus": lambda: explorers.repeated_trust_game("noise"),
    "upprepad-tillit": explorers.repeated_trust_game,
    "selektiv-kontroll": explorers.selective_follow_up,
}


@pytest.fixture(scope="module")
def built():
    return {name: build() for name, build in BUILDERS.items()}


def test_every_explorer_has_its_texts_and_a_small_spec(built):
    for name, explorer in built.items():
        spec = explorer.spec
        assert spec["id"] == name
        assert spec_size_kb(spec) <= MAX_SPEC_KB
        combos = 1
        for control in spec["controls"]:
            combos *= len(control["values"])
            assert len(control["labels"]) == len(control["values"])
        assert len(spec["points"]) == combos
        for point in spec["points"].values():
            assert point["reading"] and "{" not in point["reading"]


def test_live_point_equals_the_precomputed_one():
    explorer = explorers.trust_spiral("start")
    assert explorer.live_point == {}
    explorer.indices = {"starting_trust": 0}
    key = explorer.live_point["key"]
    assert explorer.live_point["point"] == explorer.spec["points"][key]


def test_two_futures_from_the_same_provider(built):
    spiral = built["tillitsspiralen-start"]
    low, high = spiral.point(starting_trust=0.2), spiral.point(starting_trust=1.0)
    assert low["lines"]["trust"]["mean"][-1] < 0.3 < 0.7 < high["lines"]["trust"]["mean"][-1]


def test_guided_follow_up_finds_most_serious_problems(built):
    for point in built["selektiv-kontroll"].spec["points"].values():
        bars = point["bars"]
        assert bars["guided"]["serious"] >= bars["everything"]["serious"]


def test_hidden_costs_groups_show_only_the_committed_data(built):
    from widgets.models import hidden_costs

    explorer = built["kontrollens-kostnad-studier"]
    (control,) = explorer.spec["controls"]
    assert control["labels"] == ["Alla agenter", "Gav mindre vid kontroll", "Gav lika mycket",
                                 "Gav mer vid kontroll"]
    summary = hidden_costs.c10_summary()
    everyone = explorer.point(group=0)
    assert everyone["bars"]["controlled"]["effort"] == round(summary["mean_controlled"], 1)
    assert everyone["bars"]["trusted"]["effort"] == round(summary["mean_trusted"], 1)
    assert everyone["reading"].startswith("Alla 72 agenter: 57\u00a0% gav mindre")
    floor = explorer.point(group=3)
    assert floor["bars"]["controlled"]["effort"] > floor["bars"]["trusted"]["effort"]
    assert "kravet på minst 10" in floor["reading"]
    # No other study is shown: every reading is about the 72 agents of the committed file.
    for point in explorer.spec["points"].values():
        assert "72 agenter" in point["reading"] and "Ziegelmeyer" not in point["reading"]
    assert "Ziegelmeyer" not in str(explorer.spec)


def test_unknown_step_and_missing_texts_are_clear_errors(monkeypatch):
    with pytest.raises(ValueError, match="Okänt steg"):
        explorers.trust_spiral("nytt")
    with pytest.raises(DataFileError, match="texter saknas"):
        explorers.texts("finns-inte")


def test_repr_is_stable(built):
    assert repr(built["tillitsspiralen-start"]) == (
        "Explorer('tillitsspiralen-start', reglage=['starting_trust'], punkter=5)")


def _chart_signature(explorer_el):
    return explorer_el.locator(".tk-chart-box").evaluate(
        "box => box.dataset.key + '|' + [...box.querySelectorAll('path.tk-line, rect.tk-bar')]"
        ".map(e => e.getAttribute('d') || e.getAttribute('width')).join(';')")


@pytest.mark.browser
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


@pytest.mark.browser
def test_guess_is_remembered_after_reload(open_widget, built):
    page, _ = open_widget(built["selektiv-kontroll"])
    box = page.locator(".tk-explorer")
    box.locator(".tk-guess input").nth(2).check()
    box.get_by_role("button", name="Visa vad som händer").click()
    page.reload()
    page.locator(".tk-explorer .tk-guess[data-revealed='true']").wait_for()
    assert page.locator(".tk-explorer .tk-panel").is_visible()
