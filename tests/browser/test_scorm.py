"""The SCORM 1.2 packages in a learning platform: scorm-again (npm, pinned in package.json) runs
as the LMS in a host page on 127.0.0.1, the package unzipped next to it and opened in an iframe,
every other host blocked. What the LMS receives is read from scorm-again's own data model.

A chapter reports score, status, suspend data and session time on every checked answer and
finishes when it is left; relaunched with ``cmi.core.entry = resume`` it shows the answers again,
in a browser that never saw them; the whole-course package's SCOs report separately; bad suspend
data and a platform that answers with errors never break the chapter."""

from __future__ import annotations

import json
import math
import re
import shutil
import zipfile
from xml.etree import ElementTree as ET

import pytest

from tests import axe
from tests.quiz_driver import QUIZ, answer, retry, right_response, squash, wrong_response
from widgets.build import scorm
from widgets.build.browser import serve
from widgets.build.scorm_manifest import ADLCP, IMSCP
from widgets.content import course
from widgets.content.questions import load_chapter
from widgets.content.ui_text import TEXTS
from widgets.paths import ROOT

SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
CHAPTERS = course.chapters()
FIRST = CHAPTERS[0]
SCO_TEXTS = TEXTS["scorm"]
TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")

#: The LMS: scorm-again's SCORM 1.2 API as window.API; launch() opens a SCO in the iframe with
#: the platform's starting data; every call the SCO makes is logged in window.calls; `fail`
#: makes chosen calls answer as a broken platform does.
LMS_PAGE = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Test-LMS</title>
<script src="scorm12.js"></script></head>
<body><main><iframe id="sco" title="Kapitel" style="width:100%;height:700px"></iframe></main>
<script>
window.launch = function (sco, start, fail) {
  fail = fail || {};
  window.calls = [];
  const api = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  if (start) api.loadFromJSON(start, "");
  for (const name of ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"]) {
    const real = api[name].bind(api);
    api[name] = (...args) => {
      const rule = fail[name];
      if (rule === "throw") throw new Error("the platform is gone");
      if (rule === "false" || (Array.isArray(rule) && rule.includes(args[0]))) {
        window.calls.push([name, ...args, "false"]);
        return name === "LMSGetValue" ? "" : "false";
      }
      const result = real(...args);
      window.calls.push([name, ...args, result]);
      return result;
    };
  }
  if (fail.LMSGetLastError) api.LMSGetLastError = () => fail.LMSGetLastError;
  window.API = api;
  document.getElementById("sco").src = sco;
};
window.leave = function () { document.getElementById("sco").src = "about:blank"; };
window.cmi = function () { return JSON.parse(JSON.stringify(window.API.cmi)); };
</script></body></html>
"""


@pytest.fixture(scope="module")
def lms(site, tmp_path_factory):
    """The LMS page and the unzipped chapter and course packages, served on 127.0.0.1."""
    out = site / "scorm"
    if not (out / scorm.COURSE_PACKAGE).exists():
        scorm.build_all(site, out)
    if not SCORM_AGAIN.exists():
        pytest.fail("scorm-again saknas: kör 'npm ci' (package.json).")
    root = tmp_path_factory.mktemp("lms")
    for name in (scorm.package_name(FIRST.slug), scorm.COURSE_PACKAGE):
        with zipfile.ZipFile(out / name) as archive:
            archive.extractall(root / name.removesuffix(".zip"))
    shutil.copy(SCORM_AGAIN, root / "scorm12.js")
    (root / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    with serve(root) as url:
        yield url, root


@pytest.fixture
def open_lms(pages, lms):
    return lambda **options: pages.open(lms[0] + "lms.html", **options)


def mastery_in(package_dir) -> str:
    """The masteryscore the manifest gives (a platform hands it to the SCO as
    cmi.student_data.mastery_score)."""
    manifest = ET.parse(package_dir / "imsmanifest.xml")
    return manifest.find(f".//{{{ADLCP}}}masteryscore").text


def sco_hrefs(package_dir) -> list[str]:
    manifest = ET.parse(package_dir / "imsmanifest.xml")
    resources = {r.get("identifier"): r.get("href") for r in manifest.iter(f"{{{IMSCP}}}resource")}
    return [resources[item.get("identifierref")] for item in manifest.iter(f"{{{IMSCP}}}item")]


def launch(page, package: str, href: str, start: dict | None = None, fail: dict | None = None):
    """Open the SCO ``href`` of ``package`` in the LMS; its frame once the self-test is drawn."""
    page.evaluate("([sco, start, fail]) => launch(sco, start, fail)", [f"{package}/{href}", start, fail])
    page.wait_for_function("() => { const d = document.getElementById('sco').contentDocument;"
                           " return d && d.readyState === 'complete' && d.querySelector('.tk-quiz'); }")
    return page.frame_locator("#sco"), next(f for f in page.frames if f.url.endswith(href))


def start_data(package_dir, **core) -> dict:
    return {"cmi": {"core": {"student_id": "t1", "student_name": "Test, Tove", **core},
                    "student_data": {"mastery_score": mastery_in(package_dir)}}}


def cmi(page) -> dict:
    return page.evaluate("cmi()")


def calls(page, name: str) -> list[list]:
    return [c for c in page.evaluate("window.calls") if c[0] == name]


def fieldset(frame, q):
    return frame.locator(f'fieldset[data-question="{q.id}"]')


def expected_result(right: int, graded: int, answered: int, mastery: int) -> tuple[str, str]:
    score = math.floor(100 * right / graded + 0.5)  # rounded half up, as Math.round
    status = "incomplete" if answered < graded else "passed" if score >= mastery else "failed"
    return str(score), status


def test_a_chapter_reports_every_checked_answer_and_comes_back_on_resume(open_lms, lms):
    package = scorm.package_name(FIRST.slug).removesuffix(".zip")
    package_dir = lms[1] / package
    mastery = int(mastery_in(package_dir))
    question_set = load_chapter(FIRST.slug)
    graded = [q for q in question_set.questions if q.graded]
    reflections = [q for q in question_set.questions if not q.graded]
    page, log = open_lms()
    frame_locator, frame = launch(page, package, FIRST.html, start_data(package_dir, entry="ab-initio"))

    saved_where = frame_locator.locator('.tk-note[data-storage="platform"]')
    assert saved_where.inner_text() == SCO_TEXTS["saved_platform"]
    assert cmi(page)["core"]["lesson_status"] == "incomplete", "opened: incomplete"
    assert [c[1] for c in calls(page, "LMSInitialize")] == [""]

    # the first graded question wrong, every other one right
    first = graded[0]
    answer(frame, fieldset(frame_locator, first), first, wrong_response(first))
    data = cmi(page)
    assert (data["core"]["score"]["raw"], data["core"]["lesson_status"]) == ("0", "incomplete")
    assert (data["core"]["score"]["min"], data["core"]["score"]["max"]) == ("0", "100")
    assert TIMESPAN.match(data["core"]["session_time"]), data["core"]["session_time"]
    saved = json.loads(data["suspend_data"])
    assert saved["c"] == FIRST.slug and saved["q"][first.id][1] == "w"
    for n, q in enumerate(graded[1:], start=1):
        answer(frame, fieldset(frame_locator, q), q, right_response(q))
        data = cmi(page)
        expected = expected_result(n, len(graded), n + 1, mastery)
        assert (data["core"]["score"]["raw"], data["core"]["lesson_status"]) == expected, q.id
    commits = len(calls(page, "LMSCommit"))
    assert commits >= len(graded) + 1, "a commit after each checked answer (and one at the start)"

    # a reflection does not count
    before = cmi(page)["core"]["score"]
    for q in reflections:
        answer(frame, fieldset(frame_locator, q), q, right_response(q))
    assert cmi(page)["core"]["score"] == before

    # the wrong one again, right: every graded question right
    retry(frame, fieldset(frame_locator, first), first, keyboard=False)
    answer(frame, fieldset(frame_locator, first), first, right_response(first))
    data = cmi(page)
    assert (data["core"]["score"]["raw"], data["core"]["lesson_status"]) == ("100", "passed")

    # leaving the page: suspend, session time, commit, finish
    page.evaluate("leave()")
    page.wait_for_function("window.calls.some(c => c[0] === 'LMSFinish')")
    data = cmi(page)
    assert data["core"]["exit"] == "suspend"
    assert TIMESPAN.match(data["core"]["session_time"])
    assert [c[-1] for c in calls(page, "LMSFinish")] == ["true"]
    suspend = data["suspend_data"]
    assert len(suspend) <= 4096
    assert set(json.loads(suspend)["q"]) == {q.id for q in question_set.questions}
    assert log.errors == [] and log.external == []

    # another day, another computer (a new browser context: nothing in localStorage)
    page, log = open_lms()
    start = start_data(package_dir, entry="resume")
    start["cmi"]["suspend_data"] = suspend
    frame_locator, frame = launch(page, package, FIRST.html, start)
    for q in graded:
        assert fieldset(frame_locator, q).get_attribute("data-status") == "right", q.id
    for q in reflections:
        assert fieldset(frame_locator, q).get_attribute("data-status") == "reflected", q.id
        assert frame_locator.locator(f'fieldset[data-question="{q.id}"] textarea').input_value()
    score_line = squash(frame_locator.locator(".tk-score").inner_text())
    assert QUIZ["score"].format(right=len(graded), total=len(graded)) in score_line
    assert frame_locator.locator(".tk-store-note").count() == 0
    assert log.errors == [] and log.external == []


def test_the_course_package_lists_every_chapter_and_each_sco_reports_on_its_own(open_lms, lms):
    package = scorm.COURSE_PACKAGE.removesuffix(".zip")
    package_dir = lms[1] / package
    hrefs = sco_hrefs(package_dir)
    assert hrefs == [page.html for page in CHAPTERS]
    results = {}
    for chapter, right in ((CHAPTERS[0], True), (CHAPTERS[1], False)):
        page, log = open_lms()
        frame_locator, frame = launch(page, package, chapter.html, start_data(package_dir, entry="ab-initio"))
        q = next(q for q in load_chapter(chapter.slug).questions if q.graded)
        answer(frame, fieldset(frame_locator, q), q, right_response(q) if right else wrong_response(q))
        results[chapter.slug] = cmi(page)
        assert log.errors == [] and log.external == []
    first, second = (results[c.slug] for c in CHAPTERS[:2])
    assert json.loads(first["suspend_data"])["c"] == CHAPTERS[0].slug
    assert json.loads(second["suspend_data"])["c"] == CHAPTERS[1].slug
    assert first["core"]["score"]["raw"] != "0" and second["core"]["score"]["raw"] == "0"
    assert first["core"]["lesson_status"] == second["core"]["lesson_status"] == "incomplete"


def _row(q, status: str = "r") -> list:
    card = q.card()
    return [card["fp"], status, status, 1, 1_700_000_000, card["key"]]


def _bad_suspend_data(kind: str, questions) -> tuple[str, set[str]]:
    """A suspend_data text of ``kind`` and the ids of the graded questions it should bring back."""
    graded = [q for q in questions if q.graded]
    if kind == "corrupt":
        return '{"v":1,"c":"' + FIRST.slug + '","q":{"' + graded[0].id + '":["', set()
    if kind == "too long":
        rows = {q.id: _row(q) for q in graded[:2]}
        return json.dumps({"v": 1, "c": FIRST.slug, "q": rows, "pad": "x" * 4100}), set()
    # an older question file: the first question's fingerprint has changed, the second is kept
    rows = {graded[0].id: ["0000ffff", *_row(graded[0])[1:]], graded[1].id: _row(graded[1])}
    return json.dumps({"v": 1, "c": FIRST.slug, "q": rows}), {graded[1].id}


@pytest.mark.parametrize("kind", ["corrupt", "too long", "older questions"])
def test_bad_suspend_data_starts_the_affected_questions_clean_and_keeps_the_rest(open_lms, lms, kind):
    package = scorm.package_name(FIRST.slug).removesuffix(".zip")
    package_dir = lms[1] / package
    questions = load_chapter(FIRST.slug).questions
    text, kept = _bad_suspend_data(kind, questions)
    page, log = open_lms()
    start = start_data(package_dir, entry="resume")
    start["cmi"]["suspend_data"] = text
    frame_locator, frame = launch(page, package, FIRST.html, start)
    for q in questions:
        status = fieldset(frame_locator, q).get_attribute("data-status")
        assert status == ("right" if q.id in kept else "open"), (q.id, status)
    if kind == "older questions":
        changed = fieldset(frame_locator, [q for q in questions if q.graded][0]).locator(".tk-q-note")
        assert changed.is_visible() and changed.inner_text() == QUIZ["answer_changed"]
    else:
        note = frame_locator.locator('.tk-store-note[data-note="unreadable"]')
        assert note.is_visible() and note.inner_text() == QUIZ["answers_unreadable"]
    # the chapter still works and reports
    q = next(q for q in questions if q.graded and q.id not in kept)
    answer(frame, fieldset(frame_locator, q), q, right_response(q))
    assert json.loads(cmi(page)["suspend_data"])["q"][q.id][1] == "r"
    assert log.errors == [] and log.external == []


@pytest.mark.parametrize("fail", [
    {"LMSSetValue": "false"},
    {"LMSSetValue": ["cmi.core.score.raw"], "LMSCommit": "false"},
    {"LMSCommit": "throw"},
    {"LMSInitialize": "false"},
    {"LMSGetValue": ["cmi.suspend_data"], "LMSGetLastError": "101"},
], ids=["set-false", "score-and-commit-false", "commit-throws", "initialize-false", "get-error-code"])
def test_a_platform_that_answers_with_errors_leaves_the_chapter_working(open_lms, lms, fail):
    package = scorm.package_name(FIRST.slug).removesuffix(".zip")
    package_dir = lms[1] / package
    page, log = open_lms()
    frame_locator, frame = launch(page, package, FIRST.html, start_data(package_dir, entry="ab-initio"), fail)
    graded = [q for q in load_chapter(FIRST.slug).questions if q.graded]
    for q in graded[:2]:
        answer(frame, fieldset(frame_locator, q), q, right_response(q))
        assert fieldset(frame_locator, q).get_attribute("data-status") == "right"
    notices = frame_locator.locator(".tk-platform-note")
    assert notices.count() == 1
    assert notices.inner_text() == SCO_TEXTS["platform_error"]
    stored = frame.evaluate("k => localStorage.getItem(k)", f"tillitskursen:v1:answers:{FIRST.slug}")
    assert {q.id for q in graded[:2]} <= set(json.loads(stored)["q"])
    assert [e for e in log.errors if "scorm" not in e] == [] and log.external == []


def test_explorers_do_not_report(open_lms, lms):
    package = scorm.COURSE_PACKAGE.removesuffix(".zip")
    package_dir = lms[1] / package
    resources = ET.parse(package_dir / "imsmanifest.xml").iter(f"{{{IMSCP}}}resource")
    with_explorer = [r.get("href") for r in resources
                     if any(f.get("href").startswith("_static/tk/explorer.") for f in r)]
    assert with_explorer, "some chapter has an explorer"
    page, log = open_lms()
    frame_locator, frame = launch(page, package, with_explorer[0], start_data(package_dir, entry="ab-initio"))
    slider = frame_locator.locator(".tk-explorer input[type=range]:visible").first
    slider.wait_for()
    before = page.evaluate("window.calls.length")
    value = slider.input_value()
    slider.press("ArrowRight")
    slider.press("ArrowRight")
    assert slider.input_value() != value, "the explorer moved"
    for button in frame_locator.locator(".tk-explorer button:visible").all()[:2]:
        button.click()
    assert page.evaluate("n => window.calls.slice(n)", before) == [], "an explorer called the LMS"
    assert log.errors == [] and log.external == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_packaged_chapter_with_its_notices_has_no_axe_violations(open_lms, lms, scheme):
    package = scorm.package_name(FIRST.slug).removesuffix(".zip")
    package_dir = lms[1] / package
    page, log = open_lms(color_scheme=scheme)
    frame_locator, frame = launch(page, package, FIRST.html, start_data(package_dir, entry="ab-initio"),
                                  {"LMSCommit": "false"})
    q = next(q for q in load_chapter(FIRST.slug).questions if q.graded)
    answer(frame, fieldset(frame_locator, q), q, wrong_response(q))
    assert frame_locator.locator(".tk-platform-note").inner_text() == SCO_TEXTS["platform_error"]
    found = axe.violations(frame)
    assert found == [], f"{FIRST.html} in a package ({scheme}):\n{axe.describe(found)}"


def test_a_page_without_the_package_settings_never_reports(open_lms, lms):
    """The public site's page in a platform's frame (no <script id="tk-scorm">): nothing is sent."""
    package = scorm.package_name(FIRST.slug).removesuffix(".zip")
    package_dir = lms[1] / package
    html = (package_dir / FIRST.html).read_text(encoding="utf-8")
    plain = re.sub(r'<script id="tk-scorm" type="application/json">.*?</script>|'
                   r'<script type="application/json" id="tk-scorm">.*?</script>', "", html, flags=re.S)
    assert plain != html
    (package_dir / "book" / "plain.html").write_text(plain, encoding="utf-8")
    page, log = open_lms()
    start = start_data(package_dir, entry="ab-initio")
    frame_locator, frame = launch(page, package, "book/plain.html", start)
    q = next(q for q in load_chapter(FIRST.slug).questions if q.graded)
    answer(frame, fieldset(frame_locator, q), q, right_response(q))
    assert page.evaluate("window.calls") == []
    assert frame_locator.locator('.tk-note[data-storage="ok"]').inner_text() == QUIZ["saved_locally"]
    assert frame_locator.locator(".tk-platform-note").count() == 0
    assert log.errors == [] and log.external == []
