"""Every chapter's self-test on the built site, answered as a learner would.

For each question: a wrong answer (feedback and status checked), *Visa svaret* or
*Försök igen*, then the right answer (every option's explanation shown); first by mouse,
then by keyboard only. The score line, a reload (answers kept) and *Börja om* are checked
too, and *Min översikt* counts what was answered.
"""

import pytest

from tests.quiz_driver import (
    answer,
    expected_feedback,
    press,
    right_response,
    squash,
    text,
    wrong_response,
)
from widgets.content import course
from widgets.content.questions import load_chapter, quiz_path

QUIZ_PAGES = [p for p in course.pages() if quiz_path(p.slug).exists()]


def wrong_status(q, response) -> str:
    if q.kind == "multiple":
        correct = {i for i, o in enumerate(q.data["options"]) if o["correct"]}
        agree = sum((i in correct) == (i in response) for i in range(len(q.data["options"])))
        return text("partly", right=agree, total=len(q.data["options"]))
    if q.kind == "matching":
        agree = sum(r == p["right"] for r, p in zip(response, q.data["pairs"], strict=True))
        return text("partly", right=agree, total=len(q.data["pairs"]))
    return text("wrong")


def visible_feedback(fieldset) -> str:
    boxes = fieldset.locator(".tk-feedback:visible, .tk-model-answer:visible")
    return squash(" ".join(boxes.all_inner_texts()))


def work_through(page, quiz, question_set, *, keyboard: bool, reveal_first: bool) -> None:
    revealed = False
    for q in question_set.questions:
        fieldset = quiz.locator(f'fieldset[data-question="{q.id}"]')
        status = fieldset.locator(".tk-status")
        buttons = fieldset.locator(".tk-actions button")
        if not q.graded:
            answer(page, fieldset, q, right_response(q), keyboard=keyboard)
            assert fieldset.get_attribute("data-status") == "reflected"
            assert squash(status.inner_text()).endswith(text("reflection_done"))
            assert squash(expected_feedback(q)[0]) in visible_feedback(fieldset)
            continue

        wrong = wrong_response(q)
        answer(page, fieldset, q, wrong, keyboard=keyboard)
        assert fieldset.get_attribute("data-status") == "wrong", q.id
        assert squash(status.inner_text()).endswith(wrong_status(q, wrong)), q.id
        shown = visible_feedback(fieldset)
        assert shown, f"{q.id}: no feedback after a wrong answer"
        if q.kind == "single":
            assert squash(q.data["options"][wrong]["feedback"].replace("*", "")) in shown
            assert text("option_wrong") in shown
        elif q.kind == "truefalse":
            assert text("tf_wrong") in shown
        elif q.kind == "matching":
            assert text("pair_wrong_short") in shown

        if reveal_first and not revealed:
            press(page, buttons.filter(has_text=text("reveal")), keyboard=keyboard)
            revealed = True
            assert fieldset.get_attribute("data-status") == "revealed"
            assert squash(status.inner_text()).endswith(text("revealed"))
            for explanation in expected_feedback(q):
                assert squash(explanation) in visible_feedback(fieldset), q.id
        press(page, buttons.filter(has_text=text("try_again")), keyboard=keyboard)
        assert fieldset.get_attribute("data-status") == "open"
        assert visible_feedback(fieldset) == ""

        answer(page, fieldset, q, right_response(q), keyboard=keyboard)
        assert fieldset.get_attribute("data-status") == "right", q.id
        assert squash(status.inner_text()).endswith(text("right")), q.id
        shown = visible_feedback(fieldset)
        for explanation in expected_feedback(q):
            assert squash(explanation) in shown, f"{q.id}: missing feedback {explanation!r}"


def score_line(question_set, right: int, answered: int) -> str:
    line = text("score", right=right, total=question_set.graded_count)
    return line + " " + text("score_answered", answered=answered, total=len(question_set))


@pytest.mark.parametrize("page_info", QUIZ_PAGES, ids=[p.slug for p in QUIZ_PAGES])
def test_self_test_by_mouse_and_keyboard(open_page, page_info):
    question_set = load_chapter(page_info.slug)
    page, log = open_page(page_info.html)
    quiz = page.locator(f'.tk-quiz[data-chapter="{page_info.slug}"]')
    quiz.wait_for()
    assert quiz.locator("fieldset.tk-question").count() == len(question_set)
    assert quiz.locator("fieldset legend").count() == len(question_set)

    work_through(page, quiz, question_set, keyboard=False, reveal_first=True)
    total = len(question_set)
    if question_set.graded_count:
        score = quiz.locator(".tk-score")
        full = score_line(question_set, question_set.graded_count, total)
        assert squash(score.inner_text()).startswith(full)

    page.reload()
    quiz = page.locator(f'.tk-quiz[data-chapter="{page_info.slug}"]')
    quiz.wait_for()
    for q in question_set.questions:
        fieldset = quiz.locator(f'fieldset[data-question="{q.id}"]')
        assert fieldset.get_attribute("data-status") == ("right" if q.graded else "reflected")
    if question_set.graded_count:
        score = quiz.locator(".tk-score")
        full = score_line(question_set, question_set.graded_count, total)
        assert squash(score.inner_text()).startswith(full)
        press(page, quiz.locator(".tk-restart"), keyboard=True)
        assert squash(score.inner_text()).startswith(score_line(question_set, 0, 0))
        assert quiz.locator('fieldset[data-status="open"]').count() == total
        work_through(page, quiz, question_set, keyboard=True, reveal_first=False)
        full = score_line(question_set, question_set.graded_count, total)
        assert squash(score.inner_text()).startswith(full)

    assert log.errors == [], log.errors
    assert log.external == [], log.external


def test_overview_counts_and_clears(open_page, base_url):
    chapters = [p for p in QUIZ_PAGES if load_chapter(p.slug).graded_count][:2]
    page, log = open_page(chapters[0].html)
    expected = {}
    for number, info in enumerate(chapters):
        if number:
            page.goto(base_url + info.html)
        question_set = load_chapter(info.slug)
        quiz = page.locator(f'.tk-quiz[data-chapter="{info.slug}"]')
        quiz.wait_for()
        graded = [q for q in question_set.questions if q.graded]
        # first chapter: one right and one wrong; second: one right
        first = graded[0]
        answer(page, quiz.locator(f'fieldset[data-question="{first.id}"]'), first, right_response(first))
        answered, right = 1, 1
        if number == 0:
            second = graded[1]
            answer(page, quiz.locator(f'fieldset[data-question="{second.id}"]'), second,
                   wrong_response(second))
            answered += 1
        expected[info.slug] = (answered, right, len(question_set), question_set.graded_count)

    page.goto(base_url + "book/min-oversikt.html")
    table = page.locator(".tk-overview-table")
    table.wait_for()
    for slug, (answered, right, total, graded) in expected.items():
        row = table.locator(f'tr[data-chapter="{slug}"]')
        assert row.locator('[data-count="answered"]').inner_text() == f"{answered} av {total}"
        assert row.locator('[data-count="right"]').inner_text() == f"{right} av {graded}"

    page.get_by_role("button", name="Rensa mina svar").click()
    page.get_by_role("button", name="Ja, ta bort allt").click()
    for slug in expected:
        row = table.locator(f'tr[data-chapter="{slug}"]')
        assert row.locator('[data-count="answered"]').inner_text().startswith("0 av")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('tillitskursen:'))") == []
    page.goto(base_url + chapters[0].html)
    quiz = page.locator(f'.tk-quiz[data-chapter="{chapters[0].slug}"]')
    quiz.wait_for()
    assert quiz.locator('fieldset[data-status="open"]').count() == len(load_chapter(chapters[0].slug))
    assert log.errors == [] and log.external == []
