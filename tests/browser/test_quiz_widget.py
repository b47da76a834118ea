"""The self-test widget on a page of its own: safe markup, and working without storage."""

import textwrap

import pytest

from tests.quiz_driver import answer, right_response, squash, text
from widgets.content.questions import load_questions
from widgets.views.quiz import SelfTest

HOSTILE = textwrap.dedent("""\
    chapter: elak
    questions:
      - id: skript
        kind: single
        prompt: "Vad händer med <script>window.__pwned = 1</script> här?"
        options:
          - text: "<img src=x onerror=\\"window.__pwned = 2\\">"
            correct: true
            feedback: >-
              Det visas som text: <b onmouseover=alert(1)>fet</b> och
              [länk](javascript:window.__pwned=3).
          - text: "*kursiv* och **fet** och [en länk](https://example.org/)"
            feedback: "</script><script>window.__pwned = 4</script>"
""")


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "elak.yml"
    path.write_text(HOSTILE, encoding="utf-8")
    return SelfTest(load_questions(path))


def test_markup_is_shown_as_text_and_nothing_runs(open_widget, hostile):
    page, log = open_widget(hostile)
    quiz = page.locator(".tk-quiz")
    quiz.wait_for()
    legend = quiz.locator("legend").inner_text()
    assert "<script>window.__pwned = 1</script>" in legend
    label = quiz.locator("label").first.inner_text()
    assert 'onerror="window.__pwned = 2"' in label
    assert quiz.locator("img, b, script").count() == 0
    # the allowed markup becomes elements, with a safe link only
    assert quiz.locator("label em").inner_text() == "kursiv"
    assert quiz.locator("label strong").inner_text() == "fet"
    assert quiz.locator("label a").get_attribute("href") == "https://example.org/"
    question = hostile._question_set.questions[0]
    fieldset = quiz.locator("fieldset")
    answer(page, fieldset, question, 1)  # wrong: shows the hostile feedback as text
    assert "</script><script>window.__pwned = 4</script>" in fieldset.inner_text()
    fieldset.locator(".tk-actions button", has_text=text("try_again")).click()
    answer(page, fieldset, question, 0)
    shown = fieldset.inner_text()
    assert "[länk](javascript:window.__pwned=3)" in shown
    assert fieldset.locator("a[href^='javascript']").count() == 0
    page.mouse.move(10, 10)
    assert page.evaluate("window.__pwned") is None
    assert log.errors == [] and log.external == []


def test_works_without_storage_and_says_so(open_widget):
    blocked = """
        Object.defineProperty(window, 'localStorage', {
          get() { throw new DOMException('blocked', 'SecurityError'); }
        });
    """
    quiz_widget = SelfTest.for_chapter("vad-ar-tillit")
    page, log = open_widget(quiz_widget, init_script=blocked)
    quiz = page.locator(".tk-quiz")
    quiz.wait_for()
    note = quiz.locator(".tk-note")
    assert note.get_attribute("data-storage") == "unavailable"
    assert squash(note.inner_text()) == squash(text("storage_unavailable"))
    q = quiz_widget._question_set.questions[0]
    fieldset = quiz.locator(f'fieldset[data-question="{q.id}"]')
    answer(page, fieldset, q, right_response(q))
    assert fieldset.get_attribute("data-status") == "right"
    page.reload()
    page.locator(".tk-quiz").wait_for()
    assert page.locator(f'fieldset[data-question="{q.id}"]').get_attribute("data-status") == "open"
    assert log.errors == [] and log.external == []
