"""*Mina nästa steg* in Python: the prompts file and its validation (clear, Swedish errors
naming the file, the line and the fix), the widget's state, answers, text file and repr."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import traitlets

from widgets.content.data_files import DataFileError
from widgets.content.hallmarks import load_hallmarks
from widgets.content.plan import MAX_LENGTH, PLAN_FILE, load_prompts
from widgets.content.relations import relations
from widgets.content.ui_text import TEXTS
from widgets.views.plan import PersonalPlan

TEXT_IDS = ["borja-med", "sluta-med", "prata-med", "forsta-steget", "hur-vet-jag"]


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "plan.yml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def _error(tmp_path: Path, body: str) -> DataFileError:
    path = _write(tmp_path, body)
    with pytest.raises(DataFileError) as caught:
        load_prompts(path)
    message = str(caught.value)
    assert message.startswith(str(path)), message
    assert "Så här rättar du:" in message, message
    return caught.value


# --- The data file ------------------------------------------------------------------------

def test_the_course_file_has_the_briefs_prompts_in_order():
    prompts = load_prompts()
    assert [p.id for p in prompts] == ["kannetecken", "relationer", *TEXT_IDS]
    by_id = {p.id: p for p in prompts}
    assert by_id["borja-med"].label == "Det här vill jag börja med"
    assert by_id["sluta-med"].label == "Det här vill jag sluta med"
    assert by_id["prata-med"].label == "Vem behöver jag prata med?"
    assert by_id["forsta-steget"].label == "Första steget och när"
    assert by_id["hur-vet-jag"].label == "Hur vet jag att det fungerar?"
    assert all(p.help for p in prompts)


def test_choice_options_come_from_the_hallmarks_and_the_relations():
    prompts = {p.id: p for p in load_prompts()}
    assert prompts["kannetecken"].options == tuple(h.name for h in load_hallmarks())
    assert prompts["kannetecken"].options[-1] == "Öppenhet"
    assert prompts["relationer"].options == tuple(r.text for r in relations())
    assert len(prompts["relationer"].options) == 6


def test_options_can_be_listed_in_the_file(tmp_path):
    path = _write(tmp_path, """\
        prompts:
          - id: val
            kind: choices
            label: Välj
            options: [Ett, Två, "  Tre   ord "]
        """)
    (prompt,) = load_prompts(path)
    assert prompt.options == ("Ett", "Två", "Tre ord")
    assert prompt.to_state() == {"id": "val", "kind": "choices", "label": "Välj", "help": "",
                                 "options": ["Ett", "Två", "Tre ord"]}


def test_text_prompt_state_and_default_rows(tmp_path):
    path = _write(tmp_path, "prompts:\n  - id: a\n    kind: text\n    label: Fråga\n")
    (prompt,) = load_prompts(path)
    assert prompt.to_state() == {"id": "a", "kind": "text", "label": "Fråga", "help": "",
                                 "rows": 3}
    assert prompt.line == 2


BAD = {
    "missing-file": (None, "finns inte", None),
    "does-not-parse": ("prompts:\n  - id: a\n   kind: [text\n", "YAML", 3),
    "no-prompts-key": ("frågor: []\n", "'prompts:'", None),
    "unknown-top-field": ("prompts:\n  - id: a\n    kind: text\n    label: A\ntitel: X\n",
                          "okänt fält: titel", 1),
    "empty-list": ("prompts: []\n", "saknas eller är tom", 1),
    "not-a-mapping": ("prompts:\n  - bara text\n", "fråga 1 är ingen mappning", None),
    "missing-id": ("prompts:\n  - kind: text\n    label: A\n", "saknar 'id'", 2),
    "bad-id": ("prompts:\n  - id: Mitt Steg\n    kind: text\n    label: A\n", "a–z", 2),
    "duplicate-id": ("prompts:\n  - id: a\n    kind: text\n    label: A\n"
                     "  - id: a\n    kind: text\n    label: B\n", "används redan (rad 2)", 5),
    "unknown-field": ("prompts:\n  - id: a\n    kind: text\n    label: A\n    hjälp: x\n",
                      "okänt fält: hjälp", 2),
    "unknown-kind": ("prompts:\n  - id: a\n    kind: radio\n    label: A\n",
                     "okänd frågetyp 'radio'", 2),
    "missing-label": ("prompts:\n  - id: a\n    kind: text\n", "'label' saknas", 2),
    "empty-help": ("prompts:\n  - id: a\n    kind: text\n    label: A\n    help: ''\n",
                   "'help' saknas eller är tomt", 2),
    "rows-too-big": ("prompts:\n  - id: a\n    kind: text\n    label: A\n    rows: 40\n",
                     "från 2 till 12, inte 40", 2),
    "rows-not-int": ("prompts:\n  - id: a\n    kind: text\n    label: A\n    rows: tre\n",
                     "'rows' ska vara ett heltal", 2),
    "options-on-text": ("prompts:\n  - id: a\n    kind: text\n    label: A\n    options: [x, y]\n",
                        "bara frågor med kind: choices", 2),
    "rows-on-choices": ("prompts:\n  - id: a\n    kind: choices\n    label: A\n"
                        "    options: [x, y]\n    rows: 3\n", "bara frågor med kind: text", 2),
    "choices-without-options": ("prompts:\n  - id: a\n    kind: choices\n    label: A\n",
                                "behöver alternativ", 2),
    "both-option-sources": ("prompts:\n  - id: a\n    kind: choices\n    label: A\n"
                            "    options: [x, y]\n    options_from: kannetecken\n",
                            "både 'options' och 'options_from'", 2),
    "unknown-source": ("prompts:\n  - id: a\n    kind: choices\n    label: A\n"
                       "    options_from: värden\n", "okänd källa", 2),
    "one-option": ("prompts:\n  - id: a\n    kind: choices\n    label: A\n    options: [x]\n",
                   "minst två", 2),
    "duplicate-option": ("prompts:\n  - id: a\n    kind: choices\n    label: A\n"
                         "    options: [x, y, x]\n", "'x' finns två gånger", 2),
    "option-not-text": ("prompts:\n  - id: a\n    kind: choices\n    label: A\n"
                        "    options: [x, {a: b}]\n", "alternativ 2 är ingen text", 2),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_files_give_one_clear_swedish_error(tmp_path, case):
    body, expected, line = BAD[case]
    if body is None:
        with pytest.raises(DataFileError, match=expected) as caught:
            load_prompts(tmp_path / "saknas.yml")
        assert "Så här rättar du:" in str(caught.value)
        return
    error = _error(tmp_path, body)
    assert expected in str(error), str(error)
    assert error.line == line, str(error)
    if line is not None:
        assert f", rad {line}" in str(error)


def test_error_names_the_prompt(tmp_path):
    error = _error(tmp_path, "prompts:\n  - id: forsta\n    kind: text\n    label: A\n    rows: 1\n")
    assert error.item == "fråga 'forsta'"
    assert "fråga 'forsta'" in str(error)


# --- The widget ---------------------------------------------------------------------------

def test_widget_state_comes_from_the_data_file():
    plan = PersonalPlan.from_data()
    assert [p["id"] for p in plan.prompts] == [p.id for p in load_prompts(PLAN_FILE)]
    assert plan.prompts[0]["options"][0] == "Tillit"
    assert plan.prompts[2]["rows"] == 3
    assert plan.max_length == MAX_LENGTH
    assert plan.texts["print"] == "Skriv ut planen"
    assert plan.texts["download"] == "Ladda ner som text"
    assert plan.texts["saved_locally"] == TEXTS["common"]["saved_locally"]
    assert set(TEXTS["plan"]) <= set(plan.texts)
    assert plan.answers == {}


def test_repr_is_stable_and_counts_answers():
    plan = PersonalPlan.from_data()
    assert repr(plan) == "PersonalPlan(frågor=7, ifyllda=0)"
    plan.answers = {"borja-med": "Fråga först.", "kannetecken": ["Stöd"]}
    assert repr(plan) == "PersonalPlan(frågor=7, ifyllda=2)"
    assert repr(PersonalPlan.from_data()) == repr(PersonalPlan.from_data())


def test_the_widget_ships_the_plans_module_and_style():
    """What the view does is tested where it runs: Node (tests/js) and Chromium (tests/browser),
    both with esm.module("plan"); here only that the widget carries that module."""
    from widgets.views import esm

    plan = PersonalPlan.from_data()
    assert plan._esm == esm.module("plan")
    assert plan._css == esm.stylesheet("plan")


def test_answers_are_cleaned_like_the_view_does():
    plan = PersonalPlan.from_data(answers={
        "kannetecken": ["Öppenhet", "Tillit"],  # reordered as in the prompt
        "relationer": [],  # nothing chosen: left out
        "borja-med": "  Ta bort en rapport.\n",  # text is kept as typed
        "sluta-med": "   ",  # blank: left out
    })
    assert plan.answers == {"kannetecken": ["Tillit", "Öppenhet"],
                            "borja-med": "  Ta bort en rapport.\n"}


@pytest.mark.parametrize("bad, message", [
    ({"okänd": "x"}, "okänd fråga 'okänd'"),
    ({"borja-med": 3}, "ska vara en text"),
    ({"borja-med": "x" * (MAX_LENGTH + 1)}, f"högst {MAX_LENGTH}"),
    ({"kannetecken": "Tillit"}, "ska vara en lista"),
    ({"kannetecken": ["Tillit", "Mod"]}, "'Mod' är inget alternativ"),
])
def test_bad_answers_are_refused_in_swedish(bad, message):
    plan = PersonalPlan.from_data()
    with pytest.raises(traitlets.TraitError, match="Mina nästa steg") as caught:
        plan.answers = bad
    assert message in str(caught.value)
    assert plan.answers == {}


def test_to_text_is_the_downloaded_file():
    plan = PersonalPlan.from_data(answers={
        "kannetecken": ["Tillit", "Öppenhet"],
        "borja-med": "Fråga utförarna vad som hindrar.\nTa bort en rapport.",
        "forsta-steget": " Den 15 januari. ",
    })
    assert plan.to_text(date="2026-11-27") == (
        "Mina nästa steg\n"
        "Tillitskursen, kapitel 10: Sammanfattning och slutprov.\n"
        "Datum: 2026-11-27\n"
        "\n"
        "Kännetecken som jag vill arbeta med\nTillit, Öppenhet\n\n"
        "Relationer som jag vill stärka\n(inte ifyllt)\n\n"
        "Det här vill jag börja med\nFråga utförarna vad som hindrar.\nTa bort en rapport.\n\n"
        "Det här vill jag sluta med\n(inte ifyllt)\n\n"
        "Vem behöver jag prata med?\n(inte ifyllt)\n\n"
        "Första steget och när\nDen 15 januari.\n\n"
        "Hur vet jag att det fungerar?\n(inte ifyllt)\n"
    )


def test_to_text_dates_today_by_default():
    import datetime as dt

    text = PersonalPlan.from_data().to_text()
    assert f"Datum: {dt.date.today().isoformat()}" in text
    assert PersonalPlan.from_data().to_text(dt.date(2026, 1, 2)).splitlines()[2] == \
        "Datum: 2026-01-02"
