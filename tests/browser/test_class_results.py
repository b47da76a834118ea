"""Klassens resultat (book/lararhandledning/klassens-resultat, classresults.js): three answers
files and a damaged one give the same numbers as Python's read_answer_files; every kind of bad
file in tests/tables/answer_files.json is listed with its message while the good ones count;
the CSV download holds the summary's columns and numbers."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from playwright.sync_api import expect

from tests.helpers import settle
from tests.quiz_driver import right_response, wrong_response
from tests.unit.test_answer_files import TABLE, case_bytes
from widgets.content import course
from widgets.content.answer_files import SUMMARY_COLUMNS, read_answer_files
from widgets.content.questions import load_chapter
from widgets.content.ui_text import TEXTS

PAGE = "book/lararhandledning/klassens-resultat.html"
T = {**TEXTS["class_results"], **TEXTS["answer_file"]}


def learner_file(name: str, rows: dict) -> bytes:
    return json.dumps({**TABLE["base"], "name": name, "profile": None, "plan": None,
                       "answers": {"v": 1, "a": rows}}, ensure_ascii=False).encode("utf-8")


def class_files() -> tuple[dict[str, bytes], str, object]:
    chapter = course.chapters()[0].slug
    q = next(q for q in load_chapter(chapter).questions if q.kind == "single")
    row = lambda status, response, first="": [q.fp, status, first or status, 1, 1_800_000_000, response]  # noqa: E731
    files = {
        "anna.json": learner_file("Anna", {chapter: {q.id: row("r", right_response(q))}}),
        "bo.json": learner_file("Bo", {chapter: {q.id: row("w", wrong_response(q))}}),
        "cia.json": learner_file("Cia", {chapter: {q.id: row("w", wrong_response(q))}}),
        "trasig.json": b'{"format": "tillitskursen-svar", "version": 1, "answ',
    }
    return files, chapter, q


def choose(page, files: dict[str, bytes]) -> None:
    page.locator(".tk-class-files").set_input_files(
        files=[{"name": n, "mimeType": "application/json", "buffer": b} for n, b in files.items()])


def test_three_files_and_a_damaged_one(open_page, tmp_path):
    files, chapter, q = class_files()
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    python = read_answer_files(sorted(tmp_path.iterdir()))
    summary = python.summary().set_index("fråga").loc[q.id]
    page, log = open_page(PAGE)
    settle(page)
    choose(page, files)
    expect(page.locator(".tk-class-status")).to_contain_text(T["class_read"].format(good=3, bad=1))
    bad = page.locator(".tk-class-bad li")
    expect(bad).to_have_count(1)
    expect(bad).to_have_text(T["file_not_json"].format(file="trasig.json"))
    assert python.bad["meddelande"].tolist() == [bad.inner_text()]
    row = page.locator(f'.tk-class-table[data-chapter="{chapter}"] tr[data-question="{q.id}"]')
    expect(row.locator('[data-count="answered"]')).to_have_text(str(summary["besvarade"]))
    expect(row.locator('[data-count="right"]')).to_have_text(f"{round(100 * summary['andel rätt'])} %")
    wrong_text = next(o["text"] for o in q.data["options"] if o["id"] == wrong_response(q))
    expect(row.locator('[data-count="common-wrong"]')).to_have_text(f"{wrong_text} (2 st)")
    with page.expect_download() as info:
        page.get_by_role("button", name=T["class_csv"]).click()
    download = info.value
    assert download.suggested_filename == T["class_csv_file"]
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    assert rows[0] == SUMMARY_COLUMNS
    line = next(r for r in rows[1:] if r[1] == q.id)
    assert line[0] == chapter and int(line[2]) == summary["besvarade"] == 3
    assert float(line[3]) == round(summary["andel rätt"], 2)
    assert int(line[6]) == summary["antal med det felet"] == 2
    assert log.errors == [] and log.external == []


def test_every_kind_of_bad_file_is_listed_with_its_reason(open_page):
    files, _, _ = class_files()
    bad_cases = [c for c in TABLE["cases"] if "problem" in c]
    chosen = {"anna.json": files["anna.json"]}
    chosen |= {f"{i:02d}-{c['problem']}.json": case_bytes(c) for i, c in enumerate(bad_cases)}
    page, log = open_page(PAGE)
    settle(page)
    choose(page, chosen)
    expect(page.locator(".tk-class-status")).to_contain_text(
        T["class_read"].format(good=1, bad=len(bad_cases)))
    shown = page.locator(".tk-class-bad li").all_inner_texts()
    expected = [T[f"file_{c['problem']}"].format(file=f"{i:02d}-{c['problem']}.json")
                for i, c in enumerate(bad_cases)]
    assert shown == expected
    assert len(set(c["problem"] for c in bad_cases)) >= 10
    assert log.errors == []
