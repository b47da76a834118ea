"""Mistakes in data/utforskare.yml give the project's clear data error: file, line, explorer,
field and "Så här rättar du", in Swedish, for every nested field (not a raw KeyError)."""

import copy

import pytest
import yaml

from widgets.content import explorer_texts
from widgets.content.data_files import DataFileError
from widgets.content.explorer_texts import TEXTS_FILE, load_texts
from widgets.views.explorers import EXPLORERS, check_texts


def _entries() -> dict:
    """The real file as plain data (anchors resolved, no line keys)."""
    return yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))


def _error(tmp_path, explorer_id: str, change) -> str:
    """Write the real entry of ``explorer_id`` with ``change`` applied and check it against the
    real explorer's needs; return the error message."""
    entry = copy.deepcopy(_entries()[explorer_id])
    change(entry)
    path = tmp_path / "utforskare.yml"
    path.write_text(yaml.safe_dump({explorer_id: entry}, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        EXPLORERS[explorer_id].recipe().texts(path)
    return str(caught.value)


def _says(message: str, explorer_id: str, field: str | None, *words: str) -> None:
    assert "utforskare.yml" in message
    assert f"utforskaren '{explorer_id}'" in message
    if field is not None:
        assert f"fältet '{field}'" in message
    assert "Så här rättar du:" in message
    assert ", rad " in message  # the line of the entry or nested mapping
    for word in words:
        assert word in message, (word, message)
    assert "KeyError" not in message


# (explorer, change, field named in the message, words the message must contain)
MISTAKES = [
    ("tillitsspiralen-start", lambda e: e["question"].pop("prompt"),
     "question.prompt", ["fältet saknas", "lägg till 'prompt:'"]),
    ("tillitsspiralen-start", lambda e: e["question"]["options"][1].pop("feedback"),
     "question.options[2].feedback", ["fältet saknas"]),
    ("tillitsspiralen-start", lambda e: e["question"]["options"][0].update(feedbak="x"),
     "question.options[1].feedbak", ["okänt fält", "feedback, text"]),
    ("tillitsspiralen-start", lambda e: e["question"].update(options=e["question"]["options"][:1]),
     "question.options", ["minst två svarsalternativ"]),
    ("tillitsspiralen-start", lambda e: e["axis"].pop("x"),
     "axis.x", ["fältet saknas"]),
    ("tillitsspiralen-start", lambda e: e.update(axis="Period"),
     "axis", ["mappning"]),
    ("kontrollens-kostnad-studier", lambda e: e["names"].pop("effort"),
     "names.effort", ["namnet saknas", "lägg till 'effort: …'"]),
    ("kontrollens-kostnad-studier", lambda e: e["names"].update(efort="Insats"),
     "names.efort", ["använder inte", "controlled, effort"]),
    ("tillitsspiralen", lambda e: e["value_labels"].update(crowding={0.0: "ingen"}),
     "value_labels.crowding", ["inget reglage", "crowding_out"]),
    ("tillitsspiralen", lambda e: e["value_labels"]["crowding_out"].update({0.7: "mycket"}),
     "value_labels.crowding_out.0.7", ["inget värde 0.7", "0.0, 0.3, 0.6, 0.9"]),
    ("selektiv-kontroll", lambda e: e["help"].update(dialog="x"),
     "help.dialog", ["inget reglage", "dialogue"]),
    ("selektiv-kontroll", lambda e: e.update(reading=e["reading"] + " {guided_caught}"),
     "reading", ["{guided_caught} finns inte", "{guided_serious_caught}"]),
    ("tillitsspiralen-start", lambda e: e.update(caption="Tillit under {perioder} perioder."),
     "caption", ["{perioder} finns inte", "{periods}"]),
    ("tillitsspiralen-start", lambda e: e.update(caption="Tillit under {periods perioder."),
     "caption", ["klammerparentes", "{{"]),
    ("tillitsspiralen-start", lambda e: e["about_model"].append("Snitt av {runs_} körningar."),
     "about_model[4]", ["{runs_} finns inte"]),
    ("tillitsspiralen-start", lambda e: e["question"]["cases"][0]["values"].update(
        starting_trust=0.45), "question.cases[1].values.starting_trust",
     ["inget värde 0.45", "0.2, 0.4, 0.6, 0.8, 1.0"]),
    ("tillitsspiralen-start", lambda e: e["question"]["cases"][1]["values"].update(
        tolerance=0.5), "question.cases[2].values.tolerance", ["inte visar", "starting_trust"]),
    ("tillitsspiralen-start", lambda e: e["question"].update(cases=e["question"]["cases"][:1]),
     "question.cases", ["minst två fall"]),
    ("tillitsspiralen-start", lambda e: e["question"]["cases"][0].pop("label"),
     "question.cases[1].label", ["fältet saknas"]),
    ("tillitsspiralen", lambda e: e.update(after_guess=["Text efter gissningen."]),
     "after_guess", ["visas aldrig", "question"]),
    ("tillitsspiralen-start", lambda e: e["after_guess"].append(""),
     "after_guess[3]", ["får inte vara tom"]),
    ("tillitsspiralen-start", lambda e: e.pop("about_model"),
     "about_model", ["fältet saknas"]),
    ("upprepad-tillit", lambda e: e.pop("reading_no_winner"),
     "reading_no_winner", ["mallen saknas"]),
    ("tillitsspiralen", lambda e: e.update(reading_no_winner="Ingen vinner."),
     "reading_no_winner", ["använder inte den här mallen"]),
    ("tillitsspiralen-start", lambda e: e.update(titel="x"),
     "titel", ["okänt fält"]),
]


@pytest.mark.parametrize(("explorer_id", "change", "field", "words"), MISTAKES,
                         ids=[m[2] for m in MISTAKES])
def test_a_nested_mistake_names_file_explorer_field_and_fix(tmp_path, explorer_id, change,
                                                            field, words):
    _says(_error(tmp_path, explorer_id, change), explorer_id, field, *words)


def test_the_line_points_at_the_nested_mapping(tmp_path):
    message = _error(tmp_path, "tillitsspiralen-start",
                     lambda e: e["question"]["options"][1].pop("feedback"))
    path = tmp_path / "utforskare.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = int(message.split(", rad ")[1].split(",")[0])
    assert lines[line - 1].lstrip().startswith("- text: Tilliten fastnar")


def test_an_entry_no_explorer_uses_is_reported(tmp_path):
    data = _entries()
    data["tillitspiralen-start"] = data.pop("tillitsspiralen-start")  # a typo in the id
    path = tmp_path / "utforskare.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        check_texts(path)
    message = str(caught.value)
    assert "utforskaren 'tillitsspiralen-start'" in message and "texter saknas" in message
    del data["tillitspiralen-start"]
    data["tillitsspiralen-start"] = _entries()["tillitsspiralen-start"]
    data["tillitspiralen"] = {"title": "x"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="utforskaren 'tillitspiralen'"):
        check_texts(path)


def test_a_bad_id_and_a_file_that_is_no_mapping(tmp_path):
    path = tmp_path / "utforskare.yml"
    path.write_text("- title: x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="mappning från utforskarens id"):
        load_texts(path)
    path.write_text("Tillitsspiralen:\n  title: x\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="inget giltigt id.*Så här rättar du"):
        load_texts(path)


def test_the_real_file_passes_and_check_data_uses_the_registry():
    check_texts(TEXTS_FILE)
    from widgets.build.check_data import checks

    reader = dict((p.name, read) for p, read in checks())["utforskare.yml"]
    reader(TEXTS_FILE)


def test_a_template_with_a_missing_value_is_a_data_error():
    texts = load_texts()["tillitsspiralen-start"]
    with pytest.raises(DataFileError, match="fältet 'reading'.*Så här rättar du"):
        explorer_texts.fill(texts, texts.readings["reading"], {"starting_trust": "0,4"},
                            "reading")
