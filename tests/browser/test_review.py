"""Repetera (book/repetera, review.js, leitner.js): a wrong answer in a chapter shows up in
Repetera, with the same question view and feedback, and leaves it once answered right; the
result counts in the chapter and on Min översikt, which shows how many questions are due; a
right answer comes back when its box says (1, 3, 7, 16, 35 days)."""

from __future__ import annotations

import json
import time

from playwright.sync_api import expect

from tests.helpers import settle
from tests.quiz_driver import (
    answer,
    expected_feedback,
    right_response,
    shown,
    squash,
    wrong_response,
)
from widgets.content import course
from widgets.content.questions import load_chapter
from widgets.content.ui_text import TEXTS

REVIEW = "book/repetera.html"
OVERVIEW = "book/min-oversikt.html"
R = TEXTS["review"]
PREFIX = "tillitskursen:v1:"
DAY = 86400


def due_on_overview(page, base_url) -> int:
    page.goto(base_url + OVERVIEW)
    settle(page)
    return int(page.locator(".tk-overview-due").get_attribute("data-due"))


def test_a_wrong_answer_is_repeated_until_it_is_right(open_page, base_url):
    chapter = course.chapters()[1]
    question_set = load_chapter(chapter.slug)
    q = next(q for q in question_set.questions if q.kind == "single")
    page, log = open_page(chapter.html)
    settle(page)
    answer(page, page.locator(f'.tk-quiz fieldset[data-question="{q.id}"]'), q, wrong_response(q))
    assert due_on_overview(page, base_url) == 1
    expect(page.locator(".tk-overview-due")).to_contain_text(R["due_count"].format(n=1))

    page.goto(base_url + REVIEW)
    settle(page)
    expect(page.locator(".tk-review-intro")).to_have_text(R["review_intro"].format(n=1))
    fieldset = page.locator(f'.tk-review fieldset[data-question="{q.id}"]')
    expect(fieldset).to_have_count(1)
    expect(fieldset).to_contain_text(R["review_from"].format(chapter=chapter.title))
    # fresh, like a new try: nothing chosen, no feedback yet
    assert fieldset.locator("input:checked").count() == 0
    answer(page, fieldset, q, right_response(q))
    expect(fieldset).to_have_attribute("data-status", "right")
    feedback = shown(fieldset)["feedback"]
    for explanation in expected_feedback(q):
        assert squash(explanation) in feedback
    expect(page.locator(".tk-review-progress")).to_contain_text(
        R["review_progress"].format(answered=1, total=1, right=1))
    boxes = json.loads(page.evaluate(f"localStorage.getItem('{PREFIX}repetera')"))
    box, due = boxes["b"][f"{chapter.slug}/{q.id}"]
    assert box == 1 and abs(due - (time.time() + DAY)) < 600

    page.reload()
    settle(page)
    expect(page.locator(f'.tk-review fieldset[data-question="{q.id}"]')).to_have_count(0)
    expect(page.locator(".tk-review-intro")).to_have_text(R["review_none"])
    assert due_on_overview(page, base_url) == 0
    page.goto(base_url + chapter.html)
    settle(page)
    in_chapter = page.locator(f'.tk-quiz fieldset[data-question="{q.id}"]')
    expect(in_chapter).to_have_attribute("data-status", "right")
    assert log.errors == [] and log.external == []


def test_right_answers_come_back_when_due_after_the_wrong_ones(open_page):
    chapters = course.chapters()
    old = int(time.time()) - 2 * DAY
    sets = [load_chapter(c.slug) for c in chapters[:2]]
    singles = [next(q for q in s.questions if q.kind == "single") for s in sets]
    right = {"v": 1, "c": sets[0].chapter,
             "q": {singles[0].id: [singles[0].fp, "r", "r", 1, old, singles[0].key]}}
    wrong = {"v": 1, "c": sets[1].chapter,
             "q": {singles[1].id: [singles[1].fp, "w", "w", 1, old + 10, wrong_response(singles[1])]}}
    script = (f"localStorage.setItem('{PREFIX}answers:{sets[0].chapter}', {json.dumps(json.dumps(right))});"
              f"localStorage.setItem('{PREFIX}answers:{sets[1].chapter}', {json.dumps(json.dumps(wrong))});")
    page, log = open_page(REVIEW, init_script=script)
    settle(page)
    order = page.locator(".tk-review fieldset").evaluate_all("els => els.map(e => e.dataset.question)")
    assert order == [singles[1].id, singles[0].id]
    answer(page, page.locator(f'.tk-review fieldset[data-question="{singles[0].id}"]'), singles[0],
           right_response(singles[0]))
    boxes = json.loads(page.evaluate(f"localStorage.getItem('{PREFIX}repetera')"))["b"]
    box, due = boxes[f"{sets[0].chapter}/{singles[0].id}"]
    assert box == 2 and abs(due - (time.time() + 3 * DAY)) < 600
    page.get_by_role("button", name=R["review_again"]).click()
    order = page.locator(".tk-review fieldset").evaluate_all("els => els.map(e => e.dataset.question)")
    assert order == [singles[1].id]
    assert log.errors == []
