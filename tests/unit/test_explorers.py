"""The explorers: specs small enough, readings in Swedish, live points equal the static ones."""

import pytest

from tests.explorer_builders import BUILDERS
from widgets.content.data_files import DataFileError
from widgets.views import explorers
from widgets.views.explorer import MAX_SPEC_KB, spec_size_kb


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
