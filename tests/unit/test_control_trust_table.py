"""The talk's table of control-based and trust-based governance (chapter 4)."""

from __future__ import annotations

import pytest

from widgets.content.control_trust_table import COLUMNS, TABLE_FILE, load_table
from widgets.content.data_files import DataFileError
from widgets.figures.control_trust_table import SOFT_HYPHEN, for_display
from widgets.figures.tables import html_table

#: The talk's seven dimensions, word for word and in its order (the slide "Kontrollbaserad
#: styrning – Tillitsbaserad styrning"). The code only checks the file's shape; this test
#: checks that the file is the talk's.
TALK_DIMENSIONS = (
    "Nyckelverktyg",
    "Fokus",
    "Ansvarsområden",
    "Främsta medel för att uppnå verksamhetens mål",
    "Syn på organisation",
    "Prestationsutvärdering",
    "Utformning av styrningen",
)

REAL = TABLE_FILE.read_text(encoding="utf-8")
LINES = REAL.splitlines()


def line_of(prefix: str) -> int:
    """The 1-based line in the real file that starts with ``prefix``."""
    return next(n for n, line in enumerate(LINES, start=1) if line.startswith(prefix))


def variant(tmp_path, text: str, name: str = "tabell.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def replace_line(prefix: str, new: str | None) -> str:
    """The real file with the line starting with ``prefix`` replaced (or removed)."""
    lines = [new if line.startswith(prefix) else line for line in LINES]
    return "\n".join(line for line in lines if line is not None) + "\n"


def error_for(path) -> str:
    with pytest.raises(DataFileError) as caught:
        load_table(path)
    message = str(caught.value)
    assert str(path) in message
    assert "Så här rättar du:" in message
    return message


# --- the real file --------------------------------------------------------------------------

def test_real_file_has_the_seven_dimensions_in_the_talks_order():
    frame = load_table()
    assert tuple(frame.columns) == COLUMNS
    assert len(frame) == 7
    assert tuple(frame["dimension"]) == TALK_DIMENSIONS


def test_real_file_has_the_talks_wording():
    frame = load_table().set_index("dimension")
    assert frame.at["Nyckelverktyg", "kontrollbaserad"] == (
        "Incitament, kontroll, auktoritet, formalisering, reglering")
    assert frame.at["Nyckelverktyg", "tillitsbaserad"] == (
        "Motivation, psykologisk trygghet, gemenskap, mening, informella relationer")
    assert frame.at["Prestationsutvärdering", "tillitsbaserad"] == (
        "Utifrån nära dialog, delvis kvalitativt, fokus på främjande")
    assert frame.at["Utformning av styrningen", "tillitsbaserad"] == (
        "Samskapande i dialog med verksamheten")
    assert frame.notna().all().all()


def test_real_file_names_its_source_and_that_the_origin_is_unconfirmed():
    comments = "\n".join(line for line in LINES if line.startswith("#"))
    assert "feuk_foredrag" in comments
    assert "inte bekräftat" in comments
    assert LINES[0].startswith("#")


def test_the_reader_sees_the_talks_headings_and_one_row_header_per_dimension():
    html = html_table(for_display(load_table()), "Tabellen", row_headers=True)
    html = html.replace(SOFT_HYPHEN, "")
    assert '<th scope="col">Kontrollbaserad styrning</th>' in html
    assert '<th scope="col">Tillitsbaserad styrning</th>' in html
    assert html.count('<th scope="row">') == 7
    assert '<th scope="row">Främsta medel för att uppnå verksamhetens mål</th>' in html


def test_the_display_lets_long_words_break_but_keeps_the_talks_words():
    frame = load_table()
    shown = for_display(frame)
    assert shown.loc[5, shown.columns[0]] == f"Presta{SOFT_HYPHEN}tions{SOFT_HYPHEN}utvärdering"
    visible = shown.map(lambda text: text.replace(SOFT_HYPHEN, ""))
    assert visible.values.tolist() == frame.values.tolist()
    assert [c.replace(SOFT_HYPHEN, "") for c in shown.columns] == [
        "Dimension", "Kontrollbaserad styrning", "Tillitsbaserad styrning"]
    longest = max(len(word) for text in shown.to_numpy().ravel()
                  for word in text.replace(SOFT_HYPHEN, " ").split())
    assert longest <= 13


def test_a_file_without_comments_and_with_extra_spaces_loads(tmp_path):
    text = "\n".join(line for line in LINES if not line.startswith("#"))
    text = text.replace("Fokus,Kontrollbehov centralt", "Fokus ,  Kontrollbehov   centralt")
    frame = load_table(variant(tmp_path, text))
    assert frame.at[1, "dimension"] == "Fokus"
    assert frame.at[1, "kontrollbaserad"] == "Kontrollbehov centralt"


# --- bad input: each gives a clear error -------------------------------------------------------

def test_missing_file(tmp_path):
    message = error_for(tmp_path / "finns-inte.csv")
    assert "filen finns inte" in message


def test_missing_column(tmp_path):
    text = REAL.replace("dimension,kontrollbaserad,", "dimension,kontroll,")
    message = error_for(variant(tmp_path, text))
    assert f"rad {line_of('dimension,')}" in message
    assert "kolumn saknas i rubrikraden: 'kontrollbaserad'" in message
    assert "dimension,kontrollbaserad,tillitsbaserad" in message


def test_empty_cell(tmp_path):
    text = replace_line("Fokus,", "Fokus,,Behov och förutsättningar i kärnverksamheten")
    message = error_for(variant(tmp_path, text))
    assert f"rad {line_of('Fokus,')}" in message
    assert "dimension 'Fokus'" in message
    assert "cellen i kolumnen 'kontrollbaserad' är tom" in message


def test_row_with_a_missing_cell(tmp_path):
    text = replace_line("Fokus,", "Fokus,Kontrollbehov centralt")
    message = error_for(variant(tmp_path, text))
    assert f"rad {line_of('Fokus,')}" in message
    assert "cellen i kolumnen 'tillitsbaserad' är tom" in message


def test_duplicate_dimension(tmp_path):
    text = replace_line("Fokus,", "Nyckelverktyg,Kontrollbehov centralt,Behov")
    message = error_for(variant(tmp_path, text))
    assert f"rad {line_of('Fokus,')}" in message
    assert f"också på rad {line_of('Nyckelverktyg,')}" in message
    assert "'Nyckelverktyg' finns två gånger" in message


def test_a_missing_dimension_is_only_a_shorter_table(tmp_path):
    """The code checks shape, not content: six rows load (the talk test above catches it)."""
    frame = load_table(variant(tmp_path, replace_line("Syn på organisation,", None)))
    assert len(frame) == 6 and "Syn på organisation" not in set(frame["dimension"])


def test_comma_without_quotes(tmp_path):
    text = replace_line("Ansvarsområden,", 'Ansvarsområden,Snäva, personliga,"Breda, gemensamma"')
    message = error_for(variant(tmp_path, text))
    assert f"rad {line_of('Ansvarsområden,')}" in message
    assert "fler celler än rubrikraden" in message
    assert "citattecken" in message


def test_unclosed_quote(tmp_path):
    text = replace_line("Ansvarsområden,", 'Ansvarsområden,"Snäva, personliga,"Breda, gemensamma"')
    message = error_for(variant(tmp_path, text))
    assert f"rad {line_of('Ansvarsområden,')}" in message
    assert "citattecken" in message


def test_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(REAL.encode("latin-1", errors="replace"))
    assert "inte UTF-8" in error_for(path)


def test_file_with_only_comments(tmp_path):
    message = error_for(variant(tmp_path, "# bara en kommentar\n"))
    assert "ingen rubrikrad" in message
