"""Answers files: what a learner saves with "Spara mina svar som fil" on *Min översikt*.

The format (the same everywhere; ``widgets/views/static/answerfile.js`` writes and reads it)::

    {"format": "tillitskursen-svar", "version": 1, "course": "<site version>",
     "saved": "<ISO 8601 time>", "name": "<pseudonym or empty>",
     "answers": {"v": 1, "a": {chapter: {question id: [fp, s, f, tries, time, response]}}},
     "profile": {hallmark id: 1…5} | None, "plan": {prompt id: text | [texts]} | None}

at most 1 MB. :func:`check_answer_file` checks the shape in the same order as
``checkAnswerFile`` in JavaScript and raises :class:`AnswerFileError` with the same problem code
and the same Swedish message (``ui_text`` section ``answer_file``); one table of bad files runs
through both (``tests/tables/answer_files.json``). :func:`read_answer_file` then re-grades every
answer against the current questions, as the answer store (``answers.js``) does, skipping and
counting answers to questions that no longer exist, have changed or are damaged.

For a teacher with the learners' files::

    from widgets import read_answer_files
    klass = read_answer_files(["anna.json", "bo.json"])
    klass.answers      # one row per file and answered question
    klass.bad          # the files that could not be read, with the reason
    klass.summary()    # per chapter and question: answered, share right, most common wrong answer
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from widgets.content.ui_text import texts_for

FORMAT = "tillitskursen-svar"
VERSION = 1
#: The version of the compact answers inside (``answers.js``, ANSWERS_VERSION).
ANSWERS_VERSION = 1
MAX_BYTES = 1_000_000
NAME_MAX = 60
PROFILE_MAX_RATING = 5
SMALL_OBJECT_MAX = 100
PLAN_TEXT_MAX = 2000
REFLECTION_MAX = 1000
MAX_TRIES = 9999
ISO_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?"
                      r"(?:Z|[+-](\d{2}):(\d{2}))$")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
REFLECTION_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
STATUS = {"r": "right", "w": "wrong", "v": "revealed", "x": "reflected", "o": "open"}
FIRST = {"r": "right", "w": "wrong", "": None}
ANSWERED = ("right", "wrong", "revealed", "reflected")

#: The Swedish messages, one per problem code (``{file}`` is the file's name).
t = texts_for("answer_file")
PROBLEMS = ("too_large", "not_text", "empty", "not_json", "not_ours", "damaged_version", "newer",
            "damaged_answers", "newer_answers", "damaged_course", "damaged_time", "damaged_name",
            "damaged_profile", "damaged_plan")
#: The message of each problem (as ANSWER_FILE_MESSAGES in answerfile.js).
MESSAGES = {problem: t["file_" + problem] for problem in PROBLEMS}


class AnswerFileError(ValueError):
    """A file that is not a readable answers file: ``problem`` is the code, the text Swedish."""

    def __init__(self, problem: str, file: str = "Filen"):
        self.problem = problem
        self.file = file
        super().__init__(MESSAGES[problem].format(file=file))


def _js_length(text: str) -> int:
    """The length JavaScript gives a string (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _is_int(value: Any) -> bool:
    """What JavaScript's Number.isInteger says of a JSON value (1.0 is an integer, true is not)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)
                                      and value.is_integer())


def _valid_time(value: Any) -> bool:
    found = ISO_TIME.match(value) if isinstance(value, str) else None
    if not found:
        return False
    year, month, day, hour, minute, second, zone_hour, zone_minute = (
        int(part or 0) for part in found.groups())
    leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0
    if not 1 <= month <= 12:
        return False
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return (1 <= day <= days and hour <= 23 and minute <= 59 and second <= 59
            and zone_hour <= 23 and zone_minute <= 59)


def _valid_name(value: Any) -> bool:
    return isinstance(value, str) and _js_length(value) <= NAME_MAX and not CONTROL.search(value)


def _valid_profile(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, dict) or len(value) > SMALL_OBJECT_MAX:
        return False
    return all(_is_int(v) and 1 <= v <= PROFILE_MAX_RATING for v in value.values())


def _valid_plan(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, dict) or len(value) > SMALL_OBJECT_MAX:
        return False

    def text(v: Any) -> bool:
        return isinstance(v, str) and _js_length(v) <= PLAN_TEXT_MAX

    return all(text(v) or (isinstance(v, list) and len(v) <= SMALL_OBJECT_MAX
                           and all(text(x) for x in v)) for v in value.values())


def _reject_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are not JSON (JavaScript refuses them too)


def check_answer_file(data: bytes, file: str = "Filen") -> dict[str, Any]:
    """The file's data if its shape is right; else :class:`AnswerFileError` (the same problem,
    in the same order, as ``checkAnswerFile`` in ``answerfile.js``)."""
    def fail(problem: str):
        raise AnswerFileError(problem, file)

    if len(data) > MAX_BYTES:
        fail("too_large")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        fail("not_text")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        fail("empty")
    try:
        found = json.loads(text, parse_constant=_reject_constant)
    except ValueError:
        # a JSON object cut off or spoilt is a damaged file; anything else is not ours
        fail("not_json" if text.lstrip().startswith("{") else "not_ours")
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        fail("not_ours")
    version = found.get("version")
    if not _is_int(version) or version < 1:
        fail("damaged_version")
    if version > VERSION:
        fail("newer")
    answers = found.get("answers")
    if not isinstance(answers, dict) or not _is_int(answers.get("v")):
        fail("damaged_answers")
    if answers["v"] > ANSWERS_VERSION:
        fail("newer_answers")
    chapters = answers.get("a")
    if (answers["v"] != ANSWERS_VERSION or not isinstance(chapters, dict)
            or not all(isinstance(rows, dict) for rows in chapters.values())):
        fail("damaged_answers")
    course = found.get("course")
    if not isinstance(course, str) or _js_length(course) > 64:
        fail("damaged_course")
    if not _valid_time(found.get("saved")):
        fail("damaged_time")
    if not _valid_name("" if found.get("name") is None else found.get("name")):
        fail("damaged_name")
    if not _valid_profile(found.get("profile")):
        fail("damaged_profile")
    if not _valid_plan(found.get("plan")):
        fail("damaged_plan")
    return found


# -- the answers inside, re-graded as answers.js does ---------------------------------------

def _canonical(value: Any) -> Any:
    if isinstance(value, list):
        return sorted((_canonical(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, dict):
        return {k: _canonical(value[k]) for k in sorted(value)}
    return value


def _clean_text(text: str) -> str:
    text = REFLECTION_CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text[:REFLECTION_MAX]


def clean_response(card: Mapping[str, Any], response: Any) -> Any:
    """The response in canonical form if the card accepts it, else ``None`` (``cleanResponse``)."""
    accepts = set(card.get("accepts") or ())
    if not card["graded"]:
        return response if isinstance(response, str) and _clean_text(response) == response \
            and _js_length(response) <= REFLECTION_MAX else None
    key = card["key"]
    if isinstance(key, bool):
        return response if isinstance(response, bool) else None
    if isinstance(key, str):
        return response if isinstance(response, str) and response in accepts else None
    if isinstance(key, list):
        if not isinstance(response, list) or not response:
            return None
        if any(not isinstance(i, str) for i in response) or len(set(response)) != len(response):
            return None
        return sorted(response) if all(i in accepts for i in response) else None
    if isinstance(key, dict):
        if not isinstance(response, dict) or sorted(response) != sorted(key):
            return None
        ok = all(isinstance(v, str) and v in accepts for v in response.values())
        return _canonical(response) if ok else None
    return None


def grade(card: Mapping[str, Any], response: Any) -> str:
    if not card["graded"]:
        return "reflected"
    return "right" if _canonical(response) == _canonical(card["key"]) else "wrong"


def decode_record(card: Mapping[str, Any], row: Any) -> tuple[dict | None, str | None]:
    """(record, None) or (None, "changed" | "damaged"), as ``decodeRecord`` in answers.js."""
    if not isinstance(row, list) or len(row) != 6:
        return None, "damaged"
    fp, s, f, tries, time, response = row
    if not isinstance(fp, str):
        return None, "damaged"
    if fp != card["fp"]:
        return None, "changed"
    status = STATUS.get(s) if isinstance(s, str) else None
    if (status is None or not isinstance(f, str) or f not in FIRST or not _is_int(tries)
            or not 0 <= tries <= MAX_TRIES or not _is_int(time) or time < 0):
        return None, "damaged"
    first = FIRST[f]
    if card["graded"] and (status == "reflected" or (first is None and tries > 0)):
        return None, "damaged"
    if not card["graded"] and status not in ("reflected", "open"):
        return None, "damaged"
    if status == "revealed" and response is not None:
        return None, "damaged"
    clean = None
    if response is not None or status in ("right", "wrong", "reflected"):
        clean = clean_response(card, response)
        if clean is None:
            return None, "damaged"
    if status in ("right", "wrong"):
        status = grade(card, clean)
    return {"response": clean, "status": status, "first": first, "tries": int(tries),
            "time": int(time), "fp": fp}, None


@dataclass
class AnswerFile:
    """A read answers file: its records per chapter (re-graded), and what had to be skipped."""

    name: str
    saved: str
    course: str
    records: dict[str, dict[str, dict]]
    profile: dict | None
    plan: dict | None
    skipped: dict[str, int] = field(default_factory=lambda: {"unknown": 0, "changed": 0,
                                                             "damaged": 0})

    @property
    def answered(self) -> int:
        return sum(len(r) for r in self.records.values())


def read_answer_file(data: bytes, cards_by_chapter: Mapping[str, list[dict]],
                     file: str = "Filen") -> AnswerFile:
    """A checked file read against the current questions (``readAnswerFile`` in JavaScript)."""
    found = check_answer_file(data, file)
    result = AnswerFile(name=found.get("name") or "", saved=found["saved"], course=found["course"],
                        records={}, profile=found.get("profile"), plan=found.get("plan"))
    for chapter, rows in found["answers"]["a"].items():
        cards = cards_by_chapter.get(chapter)
        if cards is None:
            result.skipped["unknown"] += len(rows)
            continue
        by_id = {card["id"]: card for card in cards}
        records = {}
        for question, row in rows.items():
            card = by_id.get(question)
            if card is None:
                result.skipped["unknown"] += 1
                continue
            record, problem = decode_record(card, row)
            if record is not None:
                records[question] = record
            else:
                result.skipped[problem] += 1
        result.records[chapter] = records
    return result


# -- a class of files -------------------------------------------------------------------------

def course_cards() -> dict[str, list[dict]]:
    """Every chapter's cards (what the answers are re-graded against)."""
    from widgets.content.questions import all_question_sets

    return {s.chapter: [q.card() for q in s.questions] for s in all_question_sets()}


@dataclass
class ClassAnswers:
    """The answers of a class: ``answers`` (one row per file and answered question) and ``bad``
    (one row per file that could not be read, with the reason in Swedish)."""

    answers: pd.DataFrame
    bad: pd.DataFrame
    files: list[AnswerFile]

    def summary(self) -> pd.DataFrame:
        """Per chapter and question: how many answered, the share right (in the end and on the
        first try, of those who answered a graded question) and the most common wrong answer."""
        return summarise(self.answers)


ANSWER_COLUMNS = ["fil", "namn", "kapitel", "fråga", "status", "rätt", "rätt första gången",
                  "försök", "svar"]
SUMMARY_COLUMNS = ["kapitel", "fråga", "besvarade", "andel rätt", "andel rätt första gången",
                   "vanligaste fel svar", "antal med det felet"]


def _response_text(response: Any) -> str:
    return json.dumps(response, ensure_ascii=False, sort_keys=True)


def read_answer_files(files: Iterable[str | Path], cards_by_chapter: Mapping[str, list[dict]]
                      | None = None) -> ClassAnswers:
    """Read the learners' answers files: the good ones into a DataFrame, the bad ones listed."""
    cards = course_cards() if cards_by_chapter is None else cards_by_chapter
    graded = {(ch, c["id"]): c["graded"] for ch, cs in cards.items() for c in cs}
    rows, bad, read = [], [], []
    for path in map(Path, files):
        try:
            data = path.read_bytes()
        except OSError:
            bad.append({"fil": path.name, "problem": "unreadable",
                        "meddelande": t["file_unreadable"].format(file=path.name)})
            continue
        try:
            found = read_answer_file(data, cards, file=path.name)
        except AnswerFileError as err:
            bad.append({"fil": path.name, "problem": err.problem, "meddelande": str(err)})
            continue
        read.append(found)
        for chapter, records in found.records.items():
            for question, record in records.items():
                if record["status"] not in ANSWERED:
                    continue
                is_graded = graded[(chapter, question)]
                rows.append({
                    "fil": path.name, "namn": found.name, "kapitel": chapter, "fråga": question,
                    "status": record["status"],
                    "rätt": record["status"] == "right" if is_graded else None,
                    "rätt första gången": record["first"] == "right" if is_graded else None,
                    "försök": record["tries"],
                    "svar": None if record["response"] is None else _response_text(record["response"]),
                })
    return ClassAnswers(pd.DataFrame(rows, columns=ANSWER_COLUMNS),
                        pd.DataFrame(bad, columns=["fil", "problem", "meddelande"]), read)


def summarise(answers: pd.DataFrame) -> pd.DataFrame:
    """Per chapter and question (in the order they first appear): answered, shares right, the
    most common wrong answer (of answers still wrong) and how many gave it."""
    out = []
    for (chapter, question), group in answers.groupby(["kapitel", "fråga"], sort=False):
        graded = group[group["rätt"].notna()]
        wrong = group[group["status"] == "wrong"]["svar"].value_counts()
        out.append({
            "kapitel": chapter, "fråga": question, "besvarade": len(group),
            "andel rätt": graded["rätt"].astype(bool).mean() if len(graded) else None,
            "andel rätt första gången":
                graded["rätt första gången"].astype(bool).mean() if len(graded) else None,
            "vanligaste fel svar": wrong.index[0] if len(wrong) else None,
            "antal med det felet": int(wrong.iloc[0]) if len(wrong) else 0,
        })
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)
