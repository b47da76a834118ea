"""The Python side of the tables that Python and JavaScript share (``tests/tables/``).

- ``grading.json``: the key (right answer) Python computes for each question. JavaScript
  grades the table's responses against the states Python makes (``tests/js/grading.test.mjs``).
- ``cleaning.json``: :func:`widgets.content.plan.check_answers` and
  :func:`widgets.content.profiles.check_ratings` give the same clean answers as plan.js and
  profile.js, or refuse in Swedish where JavaScript drops (``tests/js/cleaning.test.mjs``).
- ``profiles.json``: :mod:`widgets.content.profiles` and combine.js read every Tillitsprofil file
  (and answers file) alike, refuse for the same reason on the same line, and compute the same
  group profile and display texts (``tests/js/profiles.test.mjs``).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from widgets.content.hallmarks import SCALE_STEPS, load_hallmarks
from widgets.content.plan import Prompt, check_answers
from widgets.content.profiles import check_ratings
from widgets.content.questions import Question, load_questions

TABLES = Path(__file__).parents[1] / "tables"
GRADING = json.loads((TABLES / "grading.json").read_text(encoding="utf-8"))
CLEANING = json.loads((TABLES / "cleaning.json").read_text(encoding="utf-8"))


def table_question(tmp_path: Path, raw: dict) -> Question:
    """A question of the table, read by the real loader from a real file."""
    path = tmp_path / "tabell.yml"
    path.write_text(yaml.safe_dump({"chapter": "tabell", "questions": [raw]}, allow_unicode=True),
                    encoding="utf-8")
    return load_questions(path).questions[0]


def key_as_text(q: Question):
    """The key with option ids written as the option texts, as the table writes it."""
    if q.kind in ("single", "multiple"):
        text = {o["id"]: o["text"] for o in q.data["options"]}
        return text[q.key] if q.kind == "single" else sorted(text[i] for i in q.key)
    if q.kind == "matching":
        left = {p["id"]: p["left"] for p in q.data["pairs"]}
        right = {p["right_id"]: p["right"] for p in q.data["pairs"]}
        return {left[a]: right[b] for a, b in q.key.items()}
    return q.key


@pytest.mark.parametrize("case", GRADING["cases"], ids=[c["name"] for c in GRADING["cases"]])
def test_python_computes_the_tables_key(tmp_path, case):
    q = table_question(tmp_path, case["question"])
    expected = case["key"]
    assert key_as_text(q) == (sorted(expected) if isinstance(expected, list) else expected)
    card = q.card()
    assert card["graded"] == (expected is not None)
    assert len(card["fp"]) == 8


def test_every_kind_is_in_the_grading_table():
    from widgets.content.kinds import KINDS

    assert {c["question"]["kind"] for c in GRADING["cases"]} == set(KINDS)


PLAN_PROMPTS = tuple(Prompt(p["id"], p["kind"], p["label"], options=tuple(p.get("options", ())))
                     for p in CLEANING["plan"]["prompts"])


@pytest.mark.parametrize("case", CLEANING["plan"]["cases"],
                         ids=[c["name"] for c in CLEANING["plan"]["cases"]])
def test_plan_answers_are_cleaned_as_in_the_table(case):
    expected = case["python"]
    if "error" in expected:
        with pytest.raises(ValueError, match=expected["error"]):
            check_answers(case["input"], PLAN_PROMPTS, max_length=CLEANING["plan"]["max_length"])
    else:
        assert expected["clean"] == case["clean"], "where Python accepts, it agrees with JavaScript"
        assert check_answers(case["input"], PLAN_PROMPTS,
                             max_length=CLEANING["plan"]["max_length"]) == case["clean"]


HALLMARKS = load_hallmarks()


def test_the_tables_hallmarks_are_real_ones():
    for hallmark in CLEANING["profile"]["hallmarks"]:
        assert hallmark["id"] in HALLMARKS.ids
        assert len(hallmark["scale"]) == SCALE_STEPS


@pytest.mark.parametrize("case", CLEANING["profile"]["cases"],
                         ids=[c["name"] for c in CLEANING["profile"]["cases"]])
def test_profile_ratings_are_cleaned_as_in_the_table(case):
    expected = case["python"]
    if "error" in expected:
        with pytest.raises(ValueError, match=expected["error"]):
            check_ratings(case["input"], HALLMARKS)
    else:
        assert expected["clean"] == case["clean"]
        assert check_ratings(case["input"], HALLMARKS) == case["clean"]


# --- Tillitsprofil files: reading and combining (tests/tables/profiles.json) -------------------

PROFILES = json.loads((TABLES / "profiles.json").read_text(encoding="utf-8"))


def profile_case_bytes(case: dict) -> bytes:
    """The bytes of a reading case's file ('text' in 'encoding', or 'bytes_hex')."""
    if "bytes_hex" in case:
        return bytes.fromhex(case["bytes_hex"])
    return case["text"].encode(case.get("encoding", "utf-8"))


@pytest.mark.parametrize("case", PROFILES["reading"], ids=[c["name"] for c in PROFILES["reading"]])
def test_profile_files_are_read_as_in_the_table(tmp_path, case):
    from widgets.content.profiles import ProfileFileError, read_any_profile

    path = tmp_path / case.get("file", "profil.csv")
    path.write_bytes(profile_case_bytes(case))
    expected = case["expected"]
    if "reason" in expected:
        with pytest.raises(ProfileFileError) as caught:
            read_any_profile(path)
        assert caught.value.reason == expected["reason"]
        assert caught.value.line == expected.get("line", caught.value.line)
        assert path.name in str(caught.value) and "Så här rättar du" in str(caught.value)
    else:
        assert read_any_profile(path) == expected["ratings"]


@pytest.mark.parametrize("case", PROFILES["combining"], ids=[c["name"] for c in PROFILES["combining"]])
def test_profiles_are_combined_as_in_the_table(case):
    from widgets.content.profiles import combine_ratings
    from widgets.figures.group_profile import _decimal

    group = combine_ratings(case["profiles"])
    assert list(group.index) == [row["id"] for row in case["expected"]]
    for row in case["expected"]:
        got = group.loc[row["id"]]
        for column, key in (("medel", "mean"), ("std", "std"), ("min", "min"), ("max", "max")):
            if row[key] is None:
                assert np.isnan(got[column]), (row["id"], column)
            else:
                assert got[column] == pytest.approx(row[key], abs=1e-12), (row["id"], column)
        assert got["antal"] == row["count"]
        assert (_decimal(got["medel"]), _decimal(got["std"])) == (row["mean_text"], row["std_text"])
