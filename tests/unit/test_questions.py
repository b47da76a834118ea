"""Question files: every chapter's file is valid, and each kind of bad input gives one clear,
Swedish error naming the file, the question (and line) and the fix."""

import textwrap

import pytest

from widgets.content import course
from widgets.content.data_files import DataFileError
from widgets.content.questions import GRADED_KINDS, all_question_sets, grade, load_questions

GOOD_OPTION = """
      - text: Ja
        correct: true
        feedback: Rätt, för att …
      - text: Nej
        feedback: Fel, för att …"""


def write(tmp_path, body: str, name: str = "kapitel.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def error_for(tmp_path, body: str, name: str = "kapitel.yml") -> DataFileError:
    path = write(tmp_path, body, name)
    with pytest.raises(DataFileError) as caught:
        load_questions(path)
    message = str(caught.value)
    assert str(path) in message, message
    assert "Så här rättar du:" in message or "rad" in message, message
    return caught.value


def test_every_chapter_file_is_valid_and_long_enough():
    sets = {s.chapter: s for s in all_question_sets()}
    for page in course.pages():
        if page.slug in sets and page.slug not in ("intro",):
            assert len(sets[page.slug]) >= 6, f"{page.slug}: fewer than six questions"
    assert "vad-ar-tillit" in sets


def test_feedback_on_every_option_everywhere():
    for question_set in all_question_sets():
        for q in question_set.questions:
            for option in q.data.get("options", []):
                assert option["feedback"].strip(), (question_set.chapter, q.id)
            for pair in q.data.get("pairs", []):
                assert pair["feedback"].strip(), (question_set.chapter, q.id)


BAD = {
    "does-not-parse": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n   prompt: [x\n", "rad"),
    "not-a-mapping": ("- bara\n- en lista\n", "chapter:"),
    "wrong-chapter": ("chapter: annat\nquestions:\n  - id: a\n    kind: reflection\n    prompt: P\n    model_answer: M\n", "'chapter'"),
    "no-questions": ("chapter: kapitel\nquestions: []\n", "questions"),
    "missing-id": ("chapter: kapitel\nquestions:\n  - kind: reflection\n    prompt: P\n    model_answer: M\n", "saknar 'id'"),
    "bad-id": ("chapter: kapitel\nquestions:\n  - id: Fråga 1\n    kind: reflection\n    prompt: P\n    model_answer: M\n", "id får bara"),
    "duplicate-id": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: reflection\n    prompt: P\n    model_answer: M\n  - id: a\n    kind: reflection\n    prompt: P\n    model_answer: M\n", "används redan"),
    "unknown-kind": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: essay\n    prompt: P\n", "okänd frågetyp"),
    "missing-field": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    options:" + GOOD_OPTION + "\n", "'prompt' saknas"),
    "misspelt-field": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: reflection\n    prompt: P\n    modell_answer: M\n", "okänt fält"),
    "no-correct-option": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: A\n        feedback: F\n      - text: B\n        feedback: F\n", "inget alternativ är markerat"),
    "two-correct-in-single": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: A\n        correct: true\n        feedback: F\n      - text: B\n        correct: true\n        feedback: F\n", "2 alternativ"),
    "missing-feedback": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: multiple\n    prompt: P\n    options:\n      - text: A\n        correct: true\n      - text: B\n        feedback: F\n", "'feedback' saknas"),
    "correct-not-boolean": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: A\n        correct: ja\n        feedback: F\n      - text: B\n        feedback: F\n", "true eller false"),
    "one-option": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: A\n        correct: true\n        feedback: F\n", "minst två"),
    "truefalse-answer-text": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: truefalse\n    statement: S\n    answer: falskt\n    feedback: F\n", "'answer'"),
    "matching-duplicate": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: matching\n    prompt: P\n    pairs:\n      - {left: A, right: X, feedback: F}\n      - {left: A, right: Y, feedback: F}\n", "samma"),
    "duplicate-option": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: A\n        correct: true\n        feedback: F\n      - text: A\n        feedback: F\n", "två gånger"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_gives_a_clear_error(tmp_path, case):
    body, expected = BAD[case]
    error = error_for(tmp_path, body)
    assert expected in str(error), str(error)


def test_error_names_the_question_and_its_line(tmp_path):
    body = ("chapter: kapitel\nquestions:\n  - id: forsta\n    kind: reflection\n    prompt: P\n"
            "    model_answer: M\n  - id: andra\n    kind: single\n    prompt: P\n    options:\n"
            "      - text: A\n        feedback: F\n      - text: B\n        feedback: F\n")
    error = error_for(tmp_path, body)
    assert error.item == "fråga 'andra'" and error.line == 7
    assert "fråga 'andra'" in str(error) and "rad 7" in str(error)


def test_missing_file_names_it(tmp_path):
    with pytest.raises(DataFileError, match="filen finns inte"):
        load_questions(tmp_path / "saknas.yml")


def test_grading_rules():
    questions = {q.kind: q for s in all_question_sets() for q in s.questions}
    assert set(GRADED_KINDS) <= set(questions)
    single = questions["single"]
    right = next(i for i, o in enumerate(single.data["options"]) if o["correct"])
    assert grade(single, right) and not grade(single, (right + 1) % len(single.data["options"]))
    multiple = questions["multiple"]
    wanted = [i for i, o in enumerate(multiple.data["options"]) if o["correct"]]
    assert grade(multiple, wanted) and not grade(multiple, wanted[:-1] + [99])
    tf = questions["truefalse"]
    assert grade(tf, tf.data["answer"]) and not grade(tf, not tf.data["answer"])
    matching = questions["matching"]
    rights = [p["right"] for p in matching.data["pairs"]]
    assert grade(matching, rights) and not grade(matching, rights[::-1])
    assert grade(questions["reflection"], "fri text") is None
