"""The self-tests cannot be passed by pattern: true/false is mixed, the right option is not
systematically the longest (or the shortest), feedback does not repeat the widget's verdict,
and at least two thirds of each chapter's graded questions are situations from public-sector
work. ``python -m widgets.build.quiz_balance`` prints the same figures per chapter."""

import textwrap

import pytest

from widgets.build import quiz_balance
from widgets.build.quiz_balance import Balance, longest_is_right, measure, problems, shortest_is_right
from widgets.content.data_files import DataFileError
from widgets.content.questions import all_question_sets, load_questions


@pytest.fixture(scope="module")
def chapters():
    return [measure(s) for s in all_question_sets()]


def test_the_course_breaks_no_rule(chapters):
    print(quiz_balance.table(chapters))  # shown with -s, and in the failure report
    assert problems(chapters) == []


def test_every_chapter_has_enough_situations(chapters):
    for b in chapters:
        if b.graded:
            assert b.situations * 3 >= b.graded * 2, (b.name, b.situations, b.graded)


def test_course_wide_true_share_and_length_patterns(chapters):
    course = sum(chapters, Balance("hela kursen"))
    assert 0.4 <= course.true / course.truefalse <= 0.6
    assert course.longest_right / course.single <= 0.4
    assert course.shortest_right / course.single <= 0.4


def write(tmp_path, body: str):
    path = tmp_path / "kapitel.yml"
    path.write_text("chapter: kapitel\nquestions:\n" + textwrap.dedent(body), encoding="utf-8")
    return load_questions(path)


def tf(qid: str, answer: bool, feedback: str = "Skälet är …", situation: bool = True) -> str:
    return (f"  - id: {qid}\n    kind: truefalse\n    situation: {str(situation).lower()}\n"
            f"    statement: S\n    answer: {str(answer).lower()}\n    feedback: {feedback}\n")


def single(qid: str, right: str, wrong: list[str], situation: bool = True) -> str:
    options = f"      - text: {right}\n        correct: true\n        feedback: F\n"
    options += "".join(f"      - text: {w}\n        feedback: F\n" for w in wrong)
    return (f"  - id: {qid}\n    kind: single\n    situation: {str(situation).lower()}\n"
            f"    prompt: P\n    options:\n{options}")


def test_a_chapter_of_only_false_statements_is_caught(tmp_path):
    found = problems([measure(write(tmp_path, tf("a", False) + tf("b", False) + tf("c", False)))])
    assert any("alla 3 sant/falskt-påståenden är falska" in p for p in found), found


def test_too_few_true_statements_course_wide_is_caught(tmp_path):
    one = measure(write(tmp_path, tf("a", False) + tf("b", True)))
    other = Balance("annat", truefalse=8, true=1)
    assert any("Hela kursen: 2 av 10" in p for p in problems([one, other]))


def test_longest_right_is_caught_per_chapter(tmp_path):
    body = (single("a", "Det långa och rätta svaret", ["Kort", "Kortare"])
            + single("b", "Ett mycket längre rätt svar", ["Nej", "Inte"]))
    found = problems([measure(write(tmp_path, body))])
    assert any("längsta alternativet är rätt i 2 av 2" in p for p in found), found


def test_ties_count_as_longest_and_shortest():
    options = [{"text": "Lika", "correct": True}, {"text": "lika", "correct": False}]
    assert longest_is_right(options) and shortest_is_right(options)
    options = [{"text": "*Kort*", "correct": True}, {"text": "Längre", "correct": False}]
    assert not longest_is_right(options)  # markup does not count


def test_verdict_openings_are_caught(tmp_path):
    body = tf("a", True, "Sant. Skälet är …") + tf("b", False, "Falskt, för att …")
    body += single("c", "Rätt svar", ["Fel svar här"]).replace("feedback: F\n", "feedback: Rätt. Ja.\n", 1)
    found = problems([measure(write(tmp_path, body))])
    assert sum("börjar med ett omdöme" in p for p in found) == 3, found


def test_too_few_situations_are_caught(tmp_path):
    body = tf("a", True) + tf("b", False, situation=False) + tf("c", True, situation=False)
    found = problems([measure(write(tmp_path, body))])
    assert any("1 av 3 frågor som rättas är situationer" in p for p in found), found


def test_situation_must_be_boolean_on_a_graded_question(tmp_path):
    with pytest.raises(DataFileError, match="'situation'"):
        write(tmp_path, tf("a", True).replace("situation: true", "situation: ja"))
    with pytest.raises(DataFileError, match="'situation'"):
        write(tmp_path, "  - id: r\n    kind: reflection\n    situation: true\n"
                        "    prompt: P\n    model_answer: M\n")
