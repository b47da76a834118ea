"""data/kannetecken.yml: the seven hallmarks load in the talk's order, and a broken file
fails with a Swedish message that names the file, the line, the hallmark and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from widgets.build.readability import LIMIT, measure
from widgets.content.data_files import DataFileError
from widgets.content.hallmarks import HALLMARKS_FILE, load_hallmarks
from widgets.figures.hallmark_cards import hallmark_html, overview_html

#: The talk's seven hallmarks, in its order (ids are the keys of learners' CSV files), and the
#: four levels of the chain. The code checks only the file's shape; these tests check its content.
ORDER = ("tillit", "medborgarfokus", "helhetssyn", "handlingsutrymme", "stod", "kunskap", "oppenhet")
LEVELS = ("politiker", "forvaltningsledning", "chefer", "medarbetare")

TALK_WORDING = {
    "tillit": "Sträva efter att som utgångspunkt välja att lita på dem du samarbetar med och "
              "ha positiva förväntningar.",
    "medborgarfokus": "Sätt medborgarens upplevelse och kunskap i fokus och försök förstå vad "
                      "medborgaren sätter värde på.",
}


def _raw() -> dict:
    return yaml.safe_load(HALLMARKS_FILE.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "kannetecken.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _error(path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        load_hallmarks(path)
    return info.value


# --- The course's own file ------------------------------------------------------------------

def test_the_seven_hallmarks_in_the_talks_order():
    hallmarks = load_hallmarks()
    assert hallmarks.ids == ORDER
    assert [h.name for h in hallmarks] == ["Tillit", "Medborgarfokus", "Helhetssyn",
                                           "Handlingsutrymme", "Stöd", "Kunskap", "Öppenhet"]
    assert [level.id for level in hallmarks.levels] == list(LEVELS)


def test_confirmed_wordings_are_the_talks_and_cite_sou_2018_38():
    hallmarks = load_hallmarks()
    for hallmark_id, wording in TALK_WORDING.items():
        hallmark = hallmarks.get(hallmark_id)
        assert hallmark.description == wording
        assert hallmark.sources == ("feuk_foredrag", "sou2018_38")
    for hallmark in hallmarks:
        assert "feuk_foredrag" in hallmark.sources
        if hallmark.id not in TALK_WORDING:
            assert "sou2018_38" not in hallmark.sources, "only the first two are confirmed"


def test_every_hallmark_has_asks_example_warning_and_five_steps():
    for hallmark in load_hallmarks():
        assert set(hallmark.asks) == set(LEVELS)
        assert all(text.endswith(".") for text in hallmark.asks.values())
        assert hallmark.example and hallmark.warning_sign
        assert len(hallmark.scale) == 5 and len(set(hallmark.scale)) == 5
        assert hallmark.to_state() == {"id": hallmark.id, "name": hallmark.name,
                                       "description": hallmark.description,
                                       "scale": list(hallmark.scale)}


def test_the_courses_own_texts_are_plain_swedish():
    blocks = []
    for hallmark in load_hallmarks():
        blocks += [hallmark.example, hallmark.warning_sign, *hallmark.asks.values(),
                   *hallmark.scale]
    assert measure(blocks).lix <= LIMIT


def test_chapter_tables_show_the_files_text():
    hallmarks = load_hallmarks()
    overview = overview_html(hallmarks)
    assert overview.count('<th scope="row">') == 7
    assert "<caption>De sju kännetecknen" in overview
    card = hallmark_html("stod", hallmarks)
    stod = hallmarks.get("stod")
    assert stod.description in card
    assert stod.example in card and stod.warning_sign in card
    assert "Politiker och huvudman" in card and "Varningstecken:" in card
    assert card.count('<th scope="row">') == 4


def test_chapter_table_escapes_html(tmp_path):
    data = _raw()
    data["hallmarks"][0]["example"] = "Ett <script>alert(1)</script> exempel."
    hallmarks = load_hallmarks(_write(tmp_path, data))
    assert "<script>" not in hallmark_html("tillit", hallmarks)


# --- Broken files ---------------------------------------------------------------------------

def test_missing_file(tmp_path):
    err = _error(tmp_path / "finns-inte.yml")
    assert "filen finns inte" in str(err)


def test_not_yaml_points_at_the_line(tmp_path):
    path = tmp_path / "kannetecken.yml"
    path.write_text("levels:\n  - id: politiker\n    name: [oavslutad\n", encoding="utf-8")
    err = _error(path)
    assert err.line is not None and "YAML" in str(err)


def test_duplicate_id_names_the_line_and_why_ids_stay(tmp_path):
    data = _raw()
    data["hallmarks"][5]["id"] = "stod"
    path = _write(tmp_path, data)
    err = _error(path)
    assert err.path == path and "id 'stod' används redan" in str(err)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "id: stod" in lines[err.line - 1]


def test_bad_id_says_never_to_change_an_id(tmp_path):
    data = _raw()
    data["hallmarks"][0]["id"] = "Tillit"
    err = _error(_write(tmp_path, data))
    assert "giltigt id" in str(err) and "deltagarnas CSV-filer" in str(err)


def test_missing_field(tmp_path):
    data = _raw()
    del data["hallmarks"][2]["warning_sign"]
    err = _error(_write(tmp_path, data))
    assert err.item == "kännetecken 'helhetssyn'"
    assert "fält saknas: warning_sign" in str(err)


def test_unknown_field(tmp_path):
    data = _raw()
    data["hallmarks"][0]["varning"] = "stavfel"
    err = _error(_write(tmp_path, data))
    assert "okänt fält: varning" in str(err)


def test_empty_text(tmp_path):
    data = _raw()
    data["hallmarks"][1]["description"] = "   "
    err = _error(_write(tmp_path, data))
    assert "'description' saknas eller är tomt" in str(err)
    assert err.item == "kännetecken 'medborgarfokus'"


@pytest.mark.parametrize("steps", [4, 6])
def test_scale_needs_exactly_five_steps(tmp_path, steps):
    data = _raw()
    scale = data["hallmarks"][3]["scale"]
    data["hallmarks"][3]["scale"] = (scale + ["Ett sjätte steg."])[:steps]
    err = _error(_write(tmp_path, data))
    assert "exakt 5 påståenden" in str(err) and f"har {steps}" in str(err)
    assert err.item == "kännetecken 'handlingsutrymme'"
    assert err.line is not None


def test_duplicate_scale_step(tmp_path):
    data = _raw()
    data["hallmarks"][0]["scale"][1] = data["hallmarks"][0]["scale"][0]
    err = _error(_write(tmp_path, data))
    assert "två steg i 'scale' har samma text" in str(err)


def test_asks_must_cover_every_level(tmp_path):
    data = _raw()
    del data["hallmarks"][6]["asks"]["chefer"]
    err = _error(_write(tmp_path, data))
    assert "'asks' saknar chefer" in str(err)
    assert err.item == "kännetecken 'oppenhet'"


def test_unknown_level_in_asks(tmp_path):
    data = _raw()
    data["hallmarks"][0]["asks"]["revisorer"] = "Granska."
    err = _error(_write(tmp_path, data))
    assert "okänd nivå revisorer" in str(err)


def test_levels_must_have_unique_ids(tmp_path):
    data = _raw()
    data["levels"][1]["id"] = data["levels"][0]["id"]
    err = _error(_write(tmp_path, data))
    assert err.item == "nivå 2" and "upptaget" in str(err)


def test_unknown_source_key(tmp_path):
    data = _raw()
    data["hallmarks"][2]["sources"] = ["feuk_foredrag", "bringselius2099"]
    err = _error(_write(tmp_path, data))
    assert "bringselius2099 finns inte i references.bib" in str(err)


def test_not_a_mapping(tmp_path):
    path = tmp_path / "kannetecken.yml"
    path.write_text("- tillit\n- medborgarfokus\n", encoding="utf-8")
    err = _error(path)
    assert "'levels' och 'hallmarks'" in str(err)
