"""Min översikt: "Spara mina svar som fil" and "Läs in svar från fil" (overview.js,
answerfile.js). Export → import in a fresh browser gives the same overview; every kind of bad
file in tests/tables/answer_files.json gets its Swedish message and changes nothing; where both
have an answer the newer wins, and only after the learner confirms."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.helpers import settle
from tests.quiz_driver import answer, right_response, wrong_response
from tests.unit.test_answer_files import TABLE, case_bytes
from widgets.content import course
from widgets.content.questions import load_chapter
from widgets.content.ui_text import TEXTS

OVERVIEW = "book/min-oversikt.html"
T = {**TEXTS["answer_transfer"], **TEXTS["answer_file"]}
PREFIX = "tillitskursen:v1:"


def storage(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith('tillitskursen:')).map(k => [k, localStorage.getItem(k)]))""")


def table_text(page) -> list[str]:
    return page.locator(".tk-overview-table tr").all_inner_texts()


def choose_file(page, name: str, data: bytes) -> None:
    page.locator(".tk-import-file").set_input_files(
        files=[{"name": name, "mimeType": "application/json", "buffer": data}])


def test_export_then_import_in_a_fresh_browser_gives_the_same_overview(open_page, base_url, tmp_path):
    chapter = course.chapters()[0]
    question_set = load_chapter(chapter.slug)
    graded = [q for q in question_set.questions if q.graded]
    page, log = open_page(chapter.html)
    settle(page)
    quiz = page.locator(".tk-quiz")
    first, second = (quiz.locator(f'fieldset[data-question="{q.id}"]') for q in graded[:2])
    answer(page, first, graded[0], right_response(graded[0]))
    answer(page, second, graded[1], wrong_response(graded[1]))
    page.evaluate(f"""localStorage.setItem('{PREFIX}profile', JSON.stringify({{"x": 3}}))""")
    page.goto(base_url + OVERVIEW)
    settle(page)
    before = table_text(page)
    assert "2 av" in " ".join(before)
    page.get_by_label(T["name_label"]).fill("Räven")
    with page.expect_download() as info:
        page.get_by_role("button", name=T["export"]).click()
    download = info.value
    assert download.suggested_filename.startswith("tillitskursen-svar-raven-")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "tillitskursen-svar" and data["version"] == 1 and data["name"] == "Räven"
    version = page.locator('meta[name="tk-version"]').get_attribute("content")
    assert data["course"] == version and len(version) == 12
    assert set(data["answers"]["a"][chapter.slug]) == {graded[0].id, graded[1].id}
    assert data["profile"] == {"x": 3} and data["plan"] is None
    expect(page.locator(".tk-transfer-status")).to_contain_text("Den har svar på 2 frågor")

    fresh, log2 = open_page(OVERVIEW)
    settle(fresh)
    assert table_text(fresh) != before
    choose_file(fresh, saved.name, saved.read_bytes())
    confirm = fresh.locator(".tk-import-confirm")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text("Filen har svar på 2 frågor. 0 av dem")
    # nothing is written before the learner says yes
    assert not any(k.startswith(PREFIX + "answers:") for k in storage(fresh))
    expect(fresh.get_by_role("button", name=T["import_no"])).to_be_focused()
    fresh.get_by_role("button", name=T["import_yes"]).click()
    expect(fresh.locator(".tk-transfer-status")).to_contain_text("Klart. 2 svar är inlästa")
    assert table_text(fresh) == before
    assert json.loads(storage(fresh)[PREFIX + "profile"]) == {"x": 3}
    # the chapter itself shows the imported answers
    fresh.goto(base_url + chapter.html)
    settle(fresh)
    imported = fresh.locator(f'fieldset[data-question="{graded[1].id}"]')
    expect(imported).to_have_attribute("data-status", "wrong")
    assert log.errors == [] and log2.errors == [] and log.external == [] and log2.external == []


def test_every_kind_of_bad_file_gets_its_message_and_changes_nothing(open_page):
    question_set = load_chapter(course.chapters()[0].slug)
    page, log = open_page(OVERVIEW, init_script=(
        f"localStorage.setItem('{PREFIX}answers:{question_set.chapter}', "
        f"{json.dumps(_one_answer(question_set, 1_700_000_000, right=False))});"
        f"localStorage.setItem('{PREFIX}profile', '{{\"x\":2}}');"))
    settle(page)
    before = storage(page)
    status = page.locator(".tk-transfer-status")
    bad = [c for c in TABLE["cases"] if "problem" in c]
    assert len(bad) >= 10
    for case in bad:
        name = f"{case['problem']}.json"
        choose_file(page, name, case_bytes(case))
        message = T[f"file_{case['problem']}"].format(file=name)
        expect(status).to_contain_text(message)
        expect(status).to_contain_text(T["import_failed"])
        expect(page.locator(".tk-import-confirm")).to_be_hidden()
        assert storage(page) == before, case["name"]
    assert log.errors == []


def _one_answer(question_set, time: int, *, right: bool) -> str:
    q = next(q for q in question_set.questions if q.kind == "single")
    response = right_response(q) if right else wrong_response(q)
    row = [q.fp, "r" if right else "w", "r" if right else "w", 1, time, response]
    return json.dumps({"v": 1, "c": question_set.chapter, "q": {q.id: row}})


def _file_with(question_set, time: int, *, right: bool) -> bytes:
    rows = json.loads(_one_answer(question_set, time, right=right))["q"]
    return json.dumps({**TABLE["base"], "answers": {"v": 1, "a": {question_set.chapter: rows}},
                       "profile": {"x": 5}}).encode("utf-8")


def test_the_newer_answer_wins_after_confirmation_and_the_own_profile_stays(open_page):
    question_set = load_chapter(course.chapters()[0].slug)
    key = f"{PREFIX}answers:{question_set.chapter}"
    q = next(q for q in question_set.questions if q.kind == "single")
    page, log = open_page(OVERVIEW, init_script=(
        f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
        f"localStorage.setItem('{key}', {json.dumps(_one_answer(question_set, 1_800_000_000, right=False))});"
        f"localStorage.setItem('{PREFIX}profile', '{{\"x\":2}}'); }}"))
    settle(page)
    # an older right answer in the file: the newer wrong one here stays
    choose_file(page, "gammal.json", _file_with(question_set, 1_700_000_000, right=True))
    expect(page.locator(".tk-import-confirm")).to_contain_text("1 av dem")
    page.get_by_role("button", name=T["import_yes"]).click()
    assert json.loads(storage(page)[key])["q"][q.id][1] == "w"
    # cancelling changes nothing
    choose_file(page, "ny.json", _file_with(question_set, 1_900_000_000, right=True))
    page.get_by_role("button", name=T["import_no"]).click()
    expect(page.locator(".tk-transfer-status")).to_contain_text(T["import_cancelled"])
    assert json.loads(storage(page)[key])["q"][q.id][1] == "w"
    # a newer right answer in the file wins once confirmed; the profile here is kept
    choose_file(page, "ny.json", _file_with(question_set, 1_900_000_000, right=True))
    page.get_by_role("button", name=T["import_yes"]).click()
    expect(page.locator(".tk-transfer-status")).to_contain_text(T["import_kept"])
    assert json.loads(storage(page)[key])["q"][q.id][1] == "r"
    assert json.loads(storage(page)[PREFIX + "profile"]) == {"x": 2}
    assert log.errors == []
