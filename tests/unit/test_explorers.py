"""The explorers: every registered one builds a small spec with Swedish readings; the live mode
computes what the grid does not have; guess-first explorers know which cases to show."""

import pytest

from tests.explorer_builders import BUILDERS
from widgets.build import readability
from widgets.content.data_files import DataFileError
from widgets.content.explorer_texts import TEXTS_FILE, load_texts
from widgets.models import trust_spiral as spiral_model
from widgets.views import explorers
from widgets.views.explorer import MAX_SPEC_KB, spec_size_kb
from widgets.views.explorers import EXPLORERS, spiral


@pytest.fixture(scope="module")
def built():
    return {name: build() for name, build in BUILDERS.items()}


def test_the_registry_has_every_explorer_of_the_chapters():
    assert set(EXPLORERS) == {
        "tillitsspiralen-start", "tillitsspiralen", "tillitsspiralen-bestallare",
        "kontrollens-kostnad-studier", "kontrollens-kostnad-modell", "upprepad-tillit-brus",
        "upprepad-tillit", "selektiv-kontroll", "selektiv-kontroll-forbehall"}
    # every entry of the texts file belongs to a registered explorer, and the reverse
    assert set(load_texts()) == set(EXPLORERS)
    explorers.check_texts()


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
        assert spec["about"], f"{name}: no 'Om modellen' text"
        for text in (spec["caption"], spec["intro"], *spec["about"], *spec["after_guess"]):
            assert "{" not in text and "}" not in text


def test_readings_use_plain_words_and_keep_model_terms_in_the_about_box(built):
    model_terms = ("körning", "10–90", "golvet", "agent", "principal", "turnering")
    for name, explorer in built.items():
        spec = explorer.spec
        for point in spec["points"].values():
            assert not any(term in point["reading"].lower() for term in model_terms), (
                name, point["reading"])
        for text in (spec["caption"], spec["intro"]):
            assert not any(term in text.lower() for term in model_terms), (name, text)
        about = " ".join(spec["about"]).lower()
        if name.startswith(("tillitsspiralen", "kontrollens-kostnad-modell", "selektiv")):
            assert "körning" in about, name


def test_readings_and_about_texts_have_lix_at_most_45(built):
    for name, explorer in built.items():
        spec = explorer.spec
        readings = sorted({p["reading"] for p in spec["points"].values()})
        for text in (*readings, " ".join(spec["about"])):
            result = readability.measure(readability.running_text(text))
            assert result.lix <= readability.LIMIT, f"{name}: LIX {result.lix:.1f} in {text!r}"


def test_guess_first_explorers_show_the_case_the_question_asks_about_first(built):
    spiral = built["tillitsspiralen-start"].spec
    first, other = spiral["question"]["cases"]
    values = spiral["grid"][0]["values"]  # starting_trust comes first in the grid
    assert values[first["indices"]["starting_trust"]] == 0.4  # the question is about low trust
    assert values[other["indices"]["starting_trust"]] == 1.0
    for name, explorer in built.items():
        question = explorer.spec["question"]
        if question is None:
            assert not explorer.spec["after_guess"], name
            continue
        assert len(question["cases"]) >= 2
        readings = set()
        for case in question["cases"]:
            point = explorer.point(**{c["name"]: c["values"][case["indices"][c["name"]]]
                                      for c in explorer.spec["controls"]})
            readings.add(point["reading"])
        assert len(readings) == len(question["cases"]), f"{name}: two cases read the same"


def test_chapter_variants_share_the_simulation_but_not_the_text_after_the_guess(built):
    ch5, ch9 = built["tillitsspiralen-start"].spec, built["tillitsspiralen-bestallare"].spec
    assert ch5["points"] == ch9["points"] and ch5["question"] == ch9["question"]
    assert "Lägg märke till" in ch5["after_guess"][0]
    assert any("onda spiralen" in p for p in ch9["after_guess"])
    ch7, ch5_selective = built["selektiv-kontroll-forbehall"].spec, built["selektiv-kontroll"].spec
    assert ch7["points"] == ch5_selective["points"]
    assert any("signalerna" in p for p in ch7["after_guess"])
    assert ch7["after_guess"] != ch5_selective["after_guess"]


def test_control_band_is_the_model_s_own(built):
    point = built["tillitsspiralen"].point(starting_trust=0.4, crowding_out=0.9, tolerance=0.5)
    result = spiral_model.grid_point({"starting_trust": 0.4, "crowding_out": 0.9,
                                      "tolerance": 0.5})
    control = result["series"]["control"]
    assert point["lines"]["control"] == {"mean": control["mean"], "lo": control["p10"],
                                         "hi": control["p90"]}


# --- live mode ---------------------------------------------------------------------------------

def test_live_point_between_grid_values_is_computed_by_the_model(built):
    explorer = built["tillitsspiralen-start"]
    live = explorer.spec["live"]
    grid = explorer.spec["controls"][0]["values"]
    fine = live["controls"]["starting_trust"]["values"]
    assert set(grid) < set(fine) and 0.45 in fine and 0.45 not in grid
    point = explorer.compute(starting_trust=0.45)
    assert "0,45" in point["reading"]
    expected = spiral.recipe("start").point({"starting_trust": 0.45, "crowding_out": 0.9,
                                              "tolerance": 0.5}, live["runs"])
    assert point["lines"] == expected.data["lines"]


def test_live_point_on_a_grid_value_uses_more_runs_than_the_grid(built):
    explorer = built["tillitsspiralen-start"]
    live_runs, grid_runs = explorer.spec["live"]["runs"], explorer.spec["runs"]
    assert live_runs == 10 * grid_runs == 10 * spiral_model.DEFAULT_RUNS
    static = explorer.point(starting_trust=0.8)
    live = explorer.compute(starting_trust=0.8)
    assert live["lines"] != static["lines"]  # another, larger sample: not the same numbers
    direct = spiral_model.grid_point({"starting_trust": 0.8, "crowding_out": 0.9,
                                      "tolerance": 0.5}, runs=live_runs)
    assert live["lines"]["trust"]["mean"] == direct["series"]["trust"]["mean"]
    # the static point is the same model with the grid's runs
    small = spiral_model.grid_point({"starting_trust": 0.8, "crowding_out": 0.9,
                                     "tolerance": 0.5}, runs=grid_runs)
    assert static["lines"]["trust"]["mean"] == small["series"]["trust"]["mean"]


def test_live_messages_answer_hello_and_compute(built, monkeypatch):
    explorer = built["upprepad-tillit"]
    sent = []
    monkeypatch.setattr(explorer, "send", lambda content, buffers=None: sent.append(content))
    explorer._on_message(explorer, {"type": "hello"}, [])
    assert sent[-1] == {"type": "live", "runs": explorer.spec["live"]["runs"]}
    explorer._on_message(explorer, {"type": "compute", "id": 7,
                                    "values": {"noise": 0.03, "rounds": 7}}, [])
    answer = sent[-1]
    assert answer["type"] == "point" and answer["id"] == 7
    assert "3\u00a0%" in answer["point"]["reading"] and "7 gånger" in answer["point"]["reading"]
    explorer._on_message(explorer, {"type": "compute", "id": 8,
                                    "values": {"noise": 0.033, "rounds": 7}}, [])
    assert sent[-1]["type"] == "error" and "noise = 0.033" in sent[-1]["message"]


def test_an_explorer_of_data_has_no_live_mode(built):
    studies = built["kontrollens-kostnad-studier"]
    assert studies.spec["live"] is None
    with pytest.raises(ValueError, match="inget levande läge"):
        studies.compute(study="falk2006")


# --- errors and small things ------------------------------------------------------------------

def test_unknown_step_and_missing_texts_are_clear_errors():
    with pytest.raises(ValueError, match="Okänt steg"):
        explorers.trust_spiral("nytt")
    with pytest.raises(ValueError, match="Okänd utforskare"):
        explorers.build("finns-inte")
    with pytest.raises(DataFileError, match="texter saknas för utforskaren 'finns-inte'"):
        explorers.trust_spiral("start", texts="finns-inte")


def test_two_futures_from_the_same_provider(built):
    spiral_ = built["tillitsspiralen-start"]
    low, high = spiral_.point(starting_trust=0.2), spiral_.point(starting_trust=1.0)
    assert low["lines"]["trust"]["mean"][-1] < 0.3 < 0.7 < high["lines"]["trust"]["mean"][-1]


def test_guided_follow_up_finds_most_serious_problems(built):
    for point in built["selektiv-kontroll"].spec["points"].values():
        bars = point["bars"]
        assert bars["guided"]["serious"] >= bars["everything"]["serious"]


def test_hidden_costs_groups_show_only_the_committed_data(built):
    from widgets.models import hidden_costs

    explorer = built["kontrollens-kostnad-studier"]
    (control,) = explorer.spec["controls"]
    assert control["labels"] == ["Alla deltagare", "Gav mindre vid kontroll", "Gav lika mycket",
                                 "Gav mer vid kontroll"]
    summary = hidden_costs.c10_summary()
    everyone = explorer.point(group="all")
    assert everyone["bars"]["controlled"]["effort"] == round(summary["mean_controlled"], 1)
    assert everyone["bars"]["trusted"]["effort"] == round(summary["mean_trusted"], 1)
    assert everyone["reading"].startswith("Alla 72 deltagare: 57\u00a0% gav mindre")
    floor = explorer.point(group="floor")
    assert floor["bars"]["controlled"]["effort"] > floor["bars"]["trusted"]["effort"]
    assert "kravet på minst 10" in floor["reading"]
    # No other study is shown: every reading is about the 72 people of the committed file.
    for point in explorer.spec["points"].values():
        assert "72 deltagare" in point["reading"] and "Ziegelmeyer" not in point["reading"]
    assert "Ziegelmeyer" not in str(explorer.spec)


def test_bar_panels_have_their_own_scale(built):
    chart = built["selektiv-kontroll"].spec["chart"]
    tops = {m["id"]: m["max"] for m in chart["measures"]}
    values = {m: max(p["bars"][c][m] for p in built["selektiv-kontroll"].spec["points"].values()
                     for c in p["bars"]) for m in tops}
    for measure, top in tops.items():
        assert values[measure] <= top < 2.5 * values[measure]


def test_repr_is_stable(built):
    assert repr(built["tillitsspiralen-start"]) == (
        "Explorer('tillitsspiralen-start', reglage=['starting_trust'], punkter=5)")


def test_the_texts_file_is_the_one_in_data():
    assert TEXTS_FILE.name == "utforskare.yml" and TEXTS_FILE.parent.name == "data"
