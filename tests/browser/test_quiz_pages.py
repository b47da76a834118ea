"""Every chapter's self-test on the built site, answered as a learner would.

For each question: a wrong answer (status, the reasons shown, only *Försök igen* and *Visa
svaret* offered), *Visa svaret* on the first graded question, *Försök igen* on the others, then
the right answer (every option's explanation shown, no *Försök igen*); first by mouse, then by
keyboard only, with focus checked after every action. The score line (right in the end and on
the first try), a reload (answers kept), *Börja om testet* (asks first; the first try still
counts) and *Min översikt* (the same counts; *Rensa mina svar* clears answers only) are checked.
"""

import json

import pytest

from tests.quiz_driver import (
    answer,
    assert_focus,
    press,
    retry,
    right_response,
    squash,
    tab_to,
    text,
    work_through,
    wrong_response,
)
from widgets.content import course
from widgets.content.questions import load_chapter, quiz_path

#: Independent tests, one page each: spread over the workers (conftest.py).
SPREAD_OVER_WORKERS = True

QUIZ_PAGES = [p for p in course.pages() if quiz_path(p.slug).exists()]


def score_line(question_set, right: int, first: int, answered: int) -> str:
    return " ".join([text("score", right=right, total=question_set.graded_count),
                     text("score_first", first=first),
                     text("score_answered", answered=answered, total=len(question_set))])


@pytest.mark.parametrize("page_info", QUIZ_PAGES, ids=[p.slug for p in QUIZ_PAGES])
def test_self_test_by_mouse_and_keyboard(open_page, page_info):
    question_set = load_chapter(page_info.slug)
    page, log = open_page(page_info.html)
    quiz = page.locator(f'.tk-quiz[data-chapter="{page_info.slug}"]')
    quiz.wait_for()
    assert quiz.locator("fieldset.tk-question").count() == len(question_set)
    assert quiz.locator("fieldset legend").count() == len(question_set)
    # the options in the order Python fixed (the same as the PDF and the answer key)
    for q in question_set.questions:
        if "options" in q.data:
            values = quiz.locator(f'fieldset[data-question="{q.id}"] .tk-options input')
            assert values.evaluate_all("els => els.map(e => e.value)") == \
                [o["id"] for o in q.data["options"]]

    revealed = work_through(page, quiz, question_set, keyboard=False, reveal_first=True)
    total, graded = len(question_set), question_set.graded_count
    score = quiz.locator(".tk-score")
    if graded:
        assert squash(score.inner_text()).startswith(score_line(question_set, graded - revealed, 0, total))

    page.reload()
    quiz = page.locator(f'.tk-quiz[data-chapter="{page_info.slug}"]')
    quiz.wait_for()
    for number, q in enumerate(question_set.questions):
        fieldset = quiz.locator(f'fieldset[data-question="{q.id}"]')
        expected = "reflected" if not q.graded else "right"
        if q.graded and revealed and q.id == next(x.id for x in question_set.questions if x.graded):
            expected = "revealed"
        assert fieldset.get_attribute("data-status") == expected, (number, q.id)
    if graded:
        score = quiz.locator(".tk-score")
        assert squash(score.inner_text()).startswith(score_line(question_set, graded - revealed, 0, total))
        # Börja om testet, by keyboard: it asks first; "Nej" keeps everything
        restart = quiz.locator(".tk-restart")
        quiz.locator("fieldset legend").last.click()  # where a reader's Tab starts from
        press(page, restart, keyboard=True)
        no = quiz.get_by_role("button", name=text("restart_no"))
        assert_focus(page, no, "Nej in the restart question")
        assert text("restart_confirm") in quiz.locator(".tk-restart-confirm").inner_text()
        page.keyboard.press("Enter")
        assert_focus(page, restart, "Börja om testet again")
        assert squash(score.inner_text()).startswith(score_line(question_set, graded - revealed, 0, total))
        press(page, restart, keyboard=True)
        page.keyboard.press("Shift+Tab")  # Ja, börja om
        page.keyboard.press("Enter")
        assert_focus(page, restart, "Börja om testet after clearing")
        assert quiz.locator(".tk-summary-status").inner_text().endswith(text("restarted"))
        assert squash(score.inner_text()).startswith(score_line(question_set, 0, 0, 0))
        assert quiz.locator('fieldset[data-status="open"]').count() == total
        quiz.locator("fieldset legend").first.click()
        work_through(page, quiz, question_set, keyboard=True, reveal_first=False)
        # right in the end; the first try (all wrong) still counts as it was
        assert squash(score.inner_text()).startswith(score_line(question_set, graded, 0, total))

    assert log.errors == [], log.errors
    assert log.external == [], log.external


def test_overview_counts_first_try_and_end_and_clears_answers_only(open_page, base_url):
    chapters = [p for p in QUIZ_PAGES if load_chapter(p.slug).graded_count][:2]
    page, log = open_page(chapters[0].html)
    page.evaluate("""() => { localStorage.setItem('tillitskursen:v1:plan', '{"borja-med": "x"}');
        localStorage.setItem('tillitskursen:v1:profile', '{"tillit": 3}'); }""")
    expected = {}
    for number, info in enumerate(chapters):
        if number:
            page.goto(base_url + info.html)
        question_set = load_chapter(info.slug)
        quiz = page.locator(f'.tk-quiz[data-chapter="{info.slug}"]')
        quiz.wait_for()
        graded = [q for q in question_set.questions if q.graded]
        # first chapter: right at once, wrong then right (a retry), wrong; second: right at once
        first = graded[0]
        answer(page, quiz.locator(f'fieldset[data-question="{first.id}"]'), first, right_response(first))
        answered, right, first_right = 1, 1, 1
        if number == 0:
            second, third = graded[1], graded[2]
            fieldset = quiz.locator(f'fieldset[data-question="{second.id}"]')
            answer(page, fieldset, second, wrong_response(second))
            retry(page, fieldset, second, keyboard=False)
            answer(page, fieldset, second, right_response(second))
            answer(page, quiz.locator(f'fieldset[data-question="{third.id}"]'), third,
                   wrong_response(third))
            answered, right = 3, 2
        assert quiz.get_attribute("data-right") == str(right)
        assert quiz.get_attribute("data-first-right") == str(first_right)
        expected[info.slug] = (answered, first_right, right, len(question_set), question_set.graded_count)

    page.goto(base_url + "book/min-oversikt.html")
    table = page.locator(".tk-overview-table")
    table.wait_for()
    for slug, (answered, first_right, right, total, graded) in expected.items():
        row = table.locator(f'tr[data-chapter="{slug}"]')
        assert row.locator('[data-count="answered"]').inner_text() == f"{answered} av {total}"
        assert row.locator('[data-count="right-first"]').inner_text() == f"{first_right} av {graded}"
        assert row.locator('[data-count="right"]').inner_text() == f"{right} av {graded}"
        assert row.locator("a").get_attribute("href") == f"{slug}.html"
    headers = table.locator("thead th").all_inner_texts()
    assert headers[1:] == ["Besvarade", "Rätt första gången", "Rätt till slut"]

    clear = page.get_by_role("button", name="Rensa mina svar")
    clear.click()
    confirm = page.locator(".tk-overview-confirm")
    assert "Din plan och din tillitsprofil finns kvar." in confirm.inner_text()
    assert_focus(page, page.get_by_role("button", name="Nej, behåll"), "Nej, behåll")
    page.get_by_role("button", name="Ja, ta bort svaren").click()
    assert_focus(page, clear, "Rensa mina svar")
    status = page.locator(".tk-overview .tk-status").inner_text()
    assert "Din plan och din tillitsprofil finns kvar." in status
    for slug in expected:
        row = table.locator(f'tr[data-chapter="{slug}"]')
        assert row.locator('[data-count="answered"]').inner_text().startswith("0 av")
        assert row.locator('[data-count="right-first"]').inner_text().startswith("0 av")
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('tillitskursen:')).sort()")
    assert kept == ["tillitskursen:v1:plan", "tillitskursen:v1:profile"]
    assert json.loads(page.evaluate("localStorage.getItem('tillitskursen:v1:plan')")) == {"borja-med": "x"}
    page.goto(base_url + chapters[0].html)
    quiz = page.locator(f'.tk-quiz[data-chapter="{chapters[0].slug}"]')
    quiz.wait_for()
    assert quiz.locator('fieldset[data-status="open"]').count() == len(load_chapter(chapters[0].slug))
    assert log.errors == [] and log.external == []


def test_keyboard_reaches_every_question_with_tab_alone(open_page):
    """From the page's first link to the last question's check button, by Tab only."""
    info = QUIZ_PAGES[1]
    question_set = load_chapter(info.slug)
    page, log = open_page(info.html)
    quiz = page.locator(".tk-quiz")
    quiz.wait_for()
    for q in question_set.questions:
        tab_to(page, quiz.locator(f'fieldset[data-question="{q.id}"] .tk-check'), limit=400)
    assert log.errors == []


def test_overview_fits_a_phone_with_every_answer_right(open_page):
    """At 375 px every column shows in full (no clipped *Rätt* column), with the widest counts;
    the answers are written in the store's documented format, without the JavaScript."""
    from tests.quiz_driver import stored_all_right
    from widgets.content.questions import all_question_sets

    stored = {f"tillitskursen:v1:answers:{s.chapter}": stored_all_right(s) for s in all_question_sets()}
    init = f"Object.entries({json.dumps(stored)}).forEach(([k, v]) => localStorage.setItem(k, v));"
    page, log = open_page("book/min-oversikt.html", viewport={"width": 375, "height": 800},
                          init_script=init)
    table = page.locator(".tk-overview-table")
    table.wait_for()
    for question_set in all_question_sets():
        row = table.locator(f'tr[data-chapter="{question_set.chapter}"]')
        graded = question_set.graded_count
        assert row.locator('[data-count="right"]').inner_text() == f"{graded} av {graded}"
        assert row.locator('[data-count="right-first"]').inner_text() == f"{graded} av {graded}"
    clipped = table.evaluate("""t => { const box = t.closest('.tk-table-wrap').getBoundingClientRect();
        return [...t.querySelectorAll('th, td')].filter(c => {
            const r = c.getBoundingClientRect();
            return r.right > box.right + 0.5 || c.scrollWidth > c.clientWidth + 1;
        }).map(c => c.textContent); }""")
    assert clipped == []
    assert table.evaluate("t => t.scrollWidth <= t.closest('.tk-table-wrap').clientWidth + 1")
    assert page.locator(".tk-overview .tk-store-note").is_hidden()
    assert log.errors == []
