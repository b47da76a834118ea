"""axe-core (WCAG 2.1 A/AA) reports no violations in the self-tests after a learner has
answered (feedback showing), in light and then dark mode on the same page. Every page as
loaded is audited in test_page_audit.py."""

import pytest

from tests import axe
from tests.quiz_driver import answer, right_response, wrong_response
from widgets.content import course
from widgets.content.questions import load_chapter, quiz_path

#: Independent tests, one page each: spread over the workers (conftest.py).
SPREAD_OVER_WORKERS = True


@pytest.mark.parametrize("info", [p for p in course.pages() if quiz_path(p.slug).exists()],
                         ids=lambda p: p.slug)
def test_no_axe_violations_with_feedback_showing(open_page, info):
    page, _ = open_page(info.html, color_scheme="light")
    quiz = page.locator(".tk-quiz")
    quiz.wait_for()
    questions = load_chapter(info.slug).questions
    for number, q in enumerate(questions):
        fieldset = quiz.locator(f'fieldset[data-question="{q.id}"]')
        wrong = wrong_response(q)
        answer(page, fieldset, q, wrong if number % 2 and wrong is not None else right_response(q))
    for scheme in ("light", "dark"):
        axe.use_scheme(page, scheme)
        found = axe.violations(page, include=".tk-quiz")
        assert found == [], f"{info.html} ({scheme}):\n{axe.describe(found)}"
