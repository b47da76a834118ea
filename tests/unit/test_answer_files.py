"""Answers files in Python (``widgets.content.answer_files``): the table of bad and good files
that ``tests/js/answer_files.test.mjs`` runs through ``answerfile.js`` too, and a class read
into a DataFrame."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from widgets.content.answer_files import (
    PROBLEMS,
    AnswerFileError,
    read_answer_file,
    read_answer_files,
)
from widgets.content.ui_text import texts_for

TABLE = json.loads((Path(__file__).parents[1] / "tables" / "answer_files.json").read_text(encoding="utf-8"))


def case_bytes(case: dict) -> bytes:
    """The bytes of a case, made as the JavaScript test makes them."""
    if "hex" in case:
        return bytes.fromhex(case["hex"])
    if "text" in case:
        return case["text"].encode("utf-8")
    value = case["value"] if "value" in case else {**TABLE["base"], **case.get("patch", {})}
    if isinstance(value, dict):
        for key in case.get("remove", ()):
            value.pop(key, None)
    text = json.dumps(value, ensure_ascii=False)
    if "truncate" in case:
        text = text[:case["truncate"]]
    if "pad" in case:
        text += " " * case["pad"]
    if case.get("bom"):
        text = "\ufeff" + text
    return text.encode("utf-8")


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["name"] for c in TABLE["cases"]])
def test_answer_file_case(case):
    data = case_bytes(case)
    if "problem" in case:
        with pytest.raises(AnswerFileError) as caught:
            read_answer_file(data, TABLE["cards"], file="elev.json")
        assert caught.value.problem == case["problem"]
        assert str(caught.value).startswith("elev.json: ")
    else:
        found = read_answer_file(data, TABLE["cards"], file="elev.json")
        assert found.answered == case["ok"]["answered"]
        assert found.skipped == case["ok"]["skipped"]


def test_the_table_has_every_problem_and_ten_kinds_of_bad_file():
    problems = {c["problem"] for c in TABLE["cases"] if "problem" in c}
    assert problems == set(PROBLEMS)
    assert len([c for c in TABLE["cases"] if "problem" in c]) >= 10


def test_every_problem_has_a_swedish_message():
    texts = texts_for("answer_file")
    for problem in PROBLEMS:
        assert "{file}" in texts[f"file_{problem}"]


def test_a_class_is_read_into_a_dataframe(tmp_path):
    base = TABLE["base"]
    rows = base["answers"]["a"]["kapitel-a"]
    files = {
        "anna.json": base,
        "bo.json": {**base, "name": "Bo", "answers": {"v": 1, "a": {"kapitel-a": {
            "q1": ["aaaaaaaa", "r", "r", 1, 1, "o1"], "q2": rows["q2"]}}}},
        "cia.json": {**base, "name": "Cia", "answers": {"v": 1, "a": {"kapitel-a": {
            "q1": ["aaaaaaaa", "w", "w", 2, 1, "o2"], "q3": ["cccccccc", "x", "", 1, 1, "Tankar"]}}}},
    }
    for name, value in files.items():
        (tmp_path / name).write_text(json.dumps(value), encoding="utf-8")
    (tmp_path / "trasig.json").write_text('{"format": "tillitskursen-svar", "vers', encoding="utf-8")
    klass = read_answer_files(sorted(tmp_path.iterdir()), TABLE["cards"])
    assert list(klass.bad["fil"]) == ["trasig.json"]
    assert klass.bad["problem"].tolist() == ["not_json"]
    assert klass.bad["meddelande"][0].startswith("trasig.json: Filen går inte att läsa")
    summary = klass.summary().set_index("fråga")
    assert summary.loc["q1", "besvarade"] == 3
    assert summary.loc["q1", "andel rätt"] == pytest.approx(1 / 3)
    assert summary.loc["q1", "vanligaste fel svar"] == '"o2"'
    assert summary.loc["q1", "antal med det felet"] == 2
    assert summary.loc["q2", "andel rätt"] == 1.0
    assert summary.loc["q3", "besvarade"] == 1
    assert summary.loc["q3", "andel rätt"] is None or summary["andel rätt"].isna()["q3"]


def test_a_missing_file_is_listed_not_raised(tmp_path):
    klass = read_answer_files([tmp_path / "finns-inte.json"], TABLE["cards"])
    assert klass.bad["problem"].tolist() == ["unreadable"]
    assert klass.answers.empty
