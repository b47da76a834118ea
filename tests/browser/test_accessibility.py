"""axe-core (WCAG 2.1 A/AA) reports no violations on any page, in light and dark mode,
also after a learner has answered (feedback showing)."""

import pytest

from tests import axe
from tests.helpers import settle
from tests.quiz_driver import answer, right_response, wrong_response
from widgets.content import course
from widgets.content.questions import load_chapter, quiz_path

PAGES = [p.html for p in course.pages()] + ["search.html?q=tillit", "genindex.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(open_page, path, scheme):
    page, _ = open_page(path, color_scheme=scheme)
    settle(page)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    found = axe.violations(page)
    assert found == [], f"{path} ({scheme}):\n{axe.describe(found)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("info", [p for p in course.pages() if quiz_path(p.slug).exists()],
                         ids=lambda p: p.slug)
def test_no_axe_violations_with_feedback_showing(open_page, info, scheme):
    page, _ = open_page(info.html, color_scheme=scheme)
    quiz = page.locator(".tk-quiz")
    quiz.wait_for()
    questions = load_chapter(info.slug).questions
    for number, q in enumerate(questions):
        fieldset = quiz.locator(f'fieldset[data-question="{q.id}"]')
        wrong = wrong_response(q)
        answer(page, fieldset, q, wrong if number % 2 and wrong is not None else right_response(q))
    found = axe.violations(page, include=".tk-quiz")
    assert found == [], f"{info.html} ({scheme}):\n{axe.describe(found)}"


def test_axe_is_the_pinned_version(open_page):
    import json

    page, _ = open_page(PAGES[0])
    axe.violations(page, include="main")
    pinned = json.loads((axe.ROOT / "package.json").read_text())["devDependencies"]["axe-core"]
    assert axe.axe_version(page) == pinned
