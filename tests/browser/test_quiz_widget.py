"""The self-test widget on a page of its own, rendered by the site's widget host: safe markup;
working without storage; the incomplete-answer path; saved answers re-graded when a question
file changes (the chapter and *Min översikt* agree); damaged saved answers; every kind by
keyboard alone in light and dark mode; and views that remove every listener they add."""

import json
import textwrap

import pytest

from tests import axe
from tests.quiz_driver import (
    answer,
    assert_focus,
    press,
    right_response,
    squash,
    text,
    work_through,
    wrong_response,
)
from tests.widget_pages import standalone_page
from widgets.content.questions import load_chapter, load_questions
from widgets.views.plan import PersonalPlan
from widgets.views.profile import Profile
from widgets.views.quiz import ProgressOverview, SelfTest

HOSTILE = textwrap.dedent("""\
    chapter: elak
    questions:
      - id: skript
        kind: single
        prompt: "Vad händer med <script>window.__pwned = 1</script> här?"
        options:
          - text: "<img src=x onerror=\\"window.__pwned = 2\\">"
            correct: true
            feedback: "Det visas som text: <b onmouseover=alert(1)>fet</b> och
              [länk](javascript:window.__pwned=3) och [styr](\\x01javascript:window.__pwned=5)."
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
    labels = " ".join(quiz.locator("label").all_inner_texts())
    assert 'onerror="window.__pwned = 2"' in labels
    assert quiz.locator("img, b, script").count() == 0
    # the allowed markup becomes elements, with a safe link only
    assert quiz.locator("label em").inner_text() == "kursiv"
    assert quiz.locator("label strong").inner_text() == "fet"
    assert quiz.locator("label a").get_attribute("href") == "https://example.org/"
    question = hostile._question_set.questions[0]
    fieldset = quiz.locator("fieldset")
    answer(page, fieldset, question, wrong_response(question))  # shows the hostile feedback as text
    assert "</script><script>window.__pwned = 4</script>" in fieldset.inner_text()
    press(page, fieldset.locator(".tk-retry"), keyboard=False)
    answer(page, fieldset, question, right_response(question))
    shown = fieldset.inner_text()
    assert "[länk](javascript:window.__pwned=3)" in shown
    protocols = fieldset.locator("a").evaluate_all("els => els.map(a => a.protocol)")
    assert set(protocols) <= {"https:", "http:", "mailto:"}, protocols
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
    note = quiz.locator(".tk-note").first
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


@pytest.mark.parametrize("kind, key", [("single", "need_answer"), ("multiple", "need_answer"),
                                       ("truefalse", "need_answer"), ("matching", "need_all_matches")])
def test_checking_without_an_answer_says_what_to_do(open_widget, kind, key):
    quiz_widget = SelfTest.for_chapter("vad-ar-tillit")
    q = next(q for q in quiz_widget._question_set.questions if q.kind == kind)
    page, log = open_widget(quiz_widget)
    fieldset = page.locator(f'fieldset[data-question="{q.id}"]')
    fieldset.wait_for()
    if kind == "matching":  # one row chosen, the others not
        fieldset.locator("select").first.select_option(index=1)
    press(page, fieldset.locator(".tk-check"), keyboard=False)
    status = fieldset.locator(".tk-status")
    assert squash(status.inner_text()).endswith(text(key))
    assert_focus(page, status, "the status line")
    assert fieldset.get_attribute("data-status") == "open"
    assert fieldset.locator(".tk-feedback:visible").count() == 0
    assert page.evaluate("localStorage.getItem('tillitskursen:v1:answers:vad-ar-tillit')") is None
    assert page.locator(".tk-quiz").get_attribute("data-answered") == "0"
    assert log.errors == []


# --- saved answers and a changed question file ------------------------------------------------

VERSION_1 = """\
chapter: vad-ar-tillit
questions:
  - id: definition
    kind: single
    prompt: Vilken definition?
    options:
      - {text: Viljan att vara sårbar., correct: true, feedback: Ja.}
      - {text: Att kontrollera lite., feedback: Nej.}
      - {text: Att lita blint., feedback: Nej.}
  - id: borttagen
    kind: truefalse
    statement: Tillit är blind.
    answer: false
    feedback: Tillit är reflekterande.
  - id: triangel
    kind: multiple
    prompt: Vilka ben har triangeln?
    options:
      - {text: Logik, correct: true, feedback: Ja.}
      - {text: Empati, correct: true, feedback: Ja.}
      - {text: Kontroll, feedback: Nej.}
  - id: egen
    kind: reflection
    prompt: Tänk efter.
    model_answer: Ett bra svar.
"""
# definition: another option is right now; borttagen: removed; triangel: only the prompt
# changed; egen: the same; ny: a new question.
VERSION_2 = (VERSION_1
             .replace("{text: Viljan att vara sårbar., correct: true, feedback: Ja.}",
                      "{text: Viljan att vara sårbar., feedback: Nej.}")
             .replace("{text: Att lita blint., feedback: Nej.}",
                      "{text: Att lita blint., correct: true, feedback: Ja.}")
             .replace("Vilka ben har triangeln?", "Vilka tre ben har Freis triangel?")
             .replace("""  - id: borttagen
    kind: truefalse
    statement: Tillit är blind.
    answer: false
    feedback: Tillit är reflekterande.
""", "")
             + """  - id: ny
    kind: truefalse
    statement: Tillit kan byggas.
    answer: true
    feedback: Den byggs i små steg.
""")


def _counts(page, slug):
    row = page.locator(f'.tk-overview-table tr[data-chapter="{slug}"]')
    return {key: row.locator(f'[data-count="{key}"]').inner_text()
            for key in ("answered", "right-first", "right")}


def test_saved_answers_are_regraded_when_the_question_file_changes(open_widget, tmp_path):
    folder = tmp_path / "quiz"
    folder.mkdir()
    path = folder / "vad-ar-tillit.yml"
    path.write_text(VERSION_1, encoding="utf-8")
    first = load_questions(path)
    page, log = open_widget(SelfTest(first), ProgressOverview([first]))
    quiz = page.locator(".tk-quiz")
    quiz.wait_for()
    for q in first.questions:
        answer(page, quiz.locator(f'fieldset[data-question="{q.id}"]'), q, right_response(q))
    page.reload()
    page.locator(".tk-overview-table").wait_for()
    assert _counts(page, "vad-ar-tillit") == {"answered": "4 av 4", "right-first": "3 av 3",
                                              "right": "3 av 3"}

    path.write_text(VERSION_2, encoding="utf-8")
    second = load_questions(path)
    assert [q.fp for q in second.questions if q.id == "triangel"] == \
        [q.fp for q in first.questions if q.id == "triangel"]
    standalone_page(tmp_path, "ny-version.html", [SelfTest(second), ProgressOverview([second])])
    page.goto(page.url.rsplit("/", 1)[0] + "/ny-version.html")
    quiz = page.locator(".tk-quiz")
    quiz.wait_for()
    status = {q.id: quiz.locator(f'fieldset[data-question="{q.id}"]').get_attribute("data-status")
              for q in second.questions}
    assert status == {"definition": "open", "triangel": "right", "egen": "reflected", "ny": "open"}
    changed = quiz.locator('fieldset[data-question="definition"] .tk-q-note')
    assert changed.is_visible() and changed.inner_text() == text("answer_changed")
    assert quiz.locator('fieldset[data-question="triangel"] .tk-q-note').is_hidden()
    assert quiz.locator('.tk-store-note[data-note="removed"]').inner_text() == text("answers_removed")
    score = squash(quiz.locator(".tk-score").inner_text())
    assert score.startswith(text("score", right=1, total=3) + " " + text("score_first", first=1))
    # Min översikt counts exactly what the chapter counts
    assert _counts(page, "vad-ar-tillit") == {"answered": "2 av 4", "right-first": "1 av 3",
                                              "right": "1 av 3"}
    assert quiz.get_attribute("data-right") == "1" and quiz.get_attribute("data-answered") == "2"
    assert page.locator(".tk-overview .tk-store-note").is_visible()

    # answering the changed question again clears its note and counts it
    q = next(q for q in second.questions if q.id == "definition")
    fieldset = quiz.locator('fieldset[data-question="definition"]')
    answer(page, fieldset, q, right_response(q))
    assert fieldset.get_attribute("data-status") == "right" and changed.is_hidden()
    assert log.errors == [] and log.external == []


@pytest.mark.parametrize("stored, note", [
    ("{kaputt", "unreadable"),
    ('{"v": 9, "c": "vad-ar-tillit", "q": {}}', "version"),
    ('{"v": 1, "c": "vad-ar-tillit", "q": {"<first>": ["x", 1]}}', "damaged"),  # a real id
])
def test_damaged_saved_answers_give_a_notice_and_a_clean_start(open_widget, stored, note):
    quiz_widget = SelfTest.for_chapter("vad-ar-tillit")
    stored = stored.replace("<first>", quiz_widget._question_set.questions[0].id)
    init = f"localStorage.setItem('tillitskursen:v1:answers:vad-ar-tillit', {json.dumps(stored)});"
    once = f"if (!sessionStorage.done) {{ {init} sessionStorage.done = 1; }}"
    page, log = open_widget(quiz_widget, init_script=once)
    quiz = page.locator(".tk-quiz")
    quiz.wait_for()
    shown = quiz.locator(f'.tk-store-note[data-note="{note}"]')
    assert shown.is_visible() and shown.inner_text() == text(f"answers_{note}")
    assert quiz.locator('fieldset[data-status="open"]').count() == len(quiz_widget._question_set)
    q = quiz_widget._question_set.questions[0]
    answer(page, quiz.locator(f'fieldset[data-question="{q.id}"]'), q, right_response(q))
    saved = json.loads(page.evaluate("localStorage.getItem('tillitskursen:v1:answers:vad-ar-tillit')"))
    assert saved["v"] == 1 and list(saved["q"]) == [q.id]
    page.reload()
    page.locator(".tk-quiz").wait_for()
    assert page.locator(".tk-store-note").count() == 0
    assert log.errors == [] and log.external == []


# --- keyboard alone, light and dark --------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_by_keyboard_with_focus_after_every_action(open_widget, scheme):
    """All five kinds: wrong, Visa svaret or Försök igen, right; by Tab, Space, arrows and
    Enter only, focus asserted (and visibly ringed) after every action; axe with feedback."""
    question_set = load_chapter("vad-ar-tillit")
    assert {q.kind for q in question_set.questions} == {"single", "multiple", "truefalse",
                                                         "matching", "reflection"}
    page, log = open_widget(SelfTest(question_set), color_scheme=scheme)
    quiz = page.locator(".tk-quiz")
    quiz.wait_for()
    page.locator("h1").click()  # where a reader's first Tab starts from
    work_through(page, quiz, question_set, keyboard=True, reveal_first=True)
    found = axe.violations(page, include=".tk-quiz")
    assert found == [], f"{scheme}:\n{axe.describe(found)}"
    assert log.errors == [] and log.external == []


# --- views remove what they add ---------------------------------------------------------------

COUNT_LISTENERS = """
  window.__listeners = {};
  for (const target of [window, document]) {
    const name = target === window ? 'window' : 'document';
    const add = target.addEventListener.bind(target), remove = target.removeEventListener.bind(target);
    target.addEventListener = (type, fn, options) => {
      const key = name + ':' + type; window.__listeners[key] = (window.__listeners[key] || 0) + 1;
      return add(type, fn, options); };
    target.removeEventListener = (type, fn, options) => {
      const key = name + ':' + type; window.__listeners[key] = (window.__listeners[key] || 0) - 1;
      return remove(type, fn, options); };
  }
"""
MODEL_LISTENERS = """() => [...window.tkWidgetHost.models.values()].map(m =>
    Object.values(m._listeners).reduce((n, list) => n + list.length, 0))"""


def test_redrawing_views_adds_no_listeners(open_widget):
    widgets = [SelfTest.for_chapter("vad-ar-tillit"), ProgressOverview(), PersonalPlan.from_data(),
               Profile.from_data()]
    page, log = open_widget(*widgets, init_script=COUNT_LISTENERS)
    for selector in (".tk-quiz", ".tk-overview", ".tk-plan", ".tk-profile"):
        page.locator(selector).wait_for()
    before = (page.evaluate("({...window.__listeners})"), page.evaluate(MODEL_LISTENERS))
    assert before[0].get("window:storage") == 1  # Min översikt follows other tabs
    assert sum(before[1]) >= 2  # the plan and the profile follow Python
    for _ in range(3):
        assert page.evaluate("window.tkWidgetHost.redrawViews()") == len(widgets)
    after = (page.evaluate("({...window.__listeners})"), page.evaluate(MODEL_LISTENERS))
    assert after == before
    # still working after the redraws, once each: one answer counts once
    q = widgets[0]._question_set.questions[0]
    answer(page, page.locator(f'fieldset[data-question="{q.id}"]'), q, right_response(q))
    assert page.locator(".tk-quiz").get_attribute("data-right") == "1"
    assert page.locator(".tk-quiz").count() == 1 and page.locator(".tk-overview").count() == 1
    assert log.errors == []
