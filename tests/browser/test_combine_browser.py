"""*Lägg ihop profiler* on the built site, as a teacher uses it in the break: no kernel, nothing
uploaded.

The teacher picks the example profiles, an Excel-saved file and a learner's answers file with
the real file chooser (by keyboard), and bad files of many kinds: each bad file is listed with
its reason in Swedish, the rest are used, and the table equals Python's group profile
(:func:`widgets.content.profiles.combine_ratings`, :func:`widgets.figures.group_profile`). The
CSV, SVG and PNG downloads hold the group profile. Every request stays on 127.0.0.1.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import axe
from tests.quiz_driver import assert_focus, tab_to
from widgets.content.hallmarks import load_hallmarks
from widgets.content.profiles import combine_ratings, read_any_profile
from widgets.figures.group_profile import _decimal
from widgets.paths import ROOT

PAGE = "book/lararhandledning/lagg-ihop-profiler.html"
EXAMPLES = sorted((ROOT / "data" / "exempel-profiler").glob("*.csv"))
HALLMARKS = load_hallmarks()
GOOD = "kannetecken,betyg\n" + "".join(f"{h.id},{3}\n" for h in HALLMARKS)
EXCEL = ("\ufeffkannetecken;betyg\r\n" + "".join(f"{h.id};{2 + i % 3}\r\n" for i, h in enumerate(HALLMARKS)))

#: Bad files: name → (bytes, the reason the page must give, words the Swedish reason holds).
BAD = {
    "anteckningar.txt": (b"Mina anteckningar om tillit.\n", "not_profile", "varken en CSV-fil"),
    "annan-tabell.csv": ("namn,ålder\nAnna,45\n".encode(), "header", "ingen tillitsprofil"),
    "fel-kannetecken.csv": (GOOD.replace("stod,", "stöd,").encode(), "unknown_hallmark",
                            "stöd är inget av kursens sju kännetecken"),
    "betyg-sju.csv": (GOOD.replace("tillit,3", "tillit,7").encode(), "out_of_range",
                      "rad 2: betyget 7 ligger utanför skalan"),
    "tom.csv": (b"", "empty", "filen är tom"),
    "utf16.csv": (GOOD.replace(",", "\t").encode("utf-16"), "encoding", "UTF-16 eller Latin-1"),
    "latin1.csv": (("# Profil från Örebro, Växjö och Malmö\n" + GOOD).encode("latin-1"), "encoding",
                   "inte sparad som UTF-8"),
    "stor.csv": ((GOOD + "#" + "x" * 70_000 + "\n").encode(), "too_large", "för stor"),
    "svar-utan-profil.json": (json.dumps({"format": "tillitskursen-svar", "version": 1, "course": "x",
                                          "saved": "2026-11-29T09:00:00Z", "name": "",
                                          "answers": {"v": 1, "a": {}}, "profile": None,
                                          "plan": None}).encode(), "no_profile",
                              "ingen tillitsprofil"),
}
ANSWERS = {"format": "tillitskursen-svar", "version": 1, "course": "x", "saved": "2026-11-29T09:00:00Z",
           "name": "", "answers": {"v": 1, "a": {}}, "profile": {"tillit": 5, "kunskap": 1}, "plan": None}


def _write(folder: Path) -> tuple[list[Path], list[Path]]:
    """The good files (examples, an Excel-saved file, an answers file) and the bad ones."""
    good = []
    for example in EXAMPLES:
        good.append(folder / example.name)
        good[-1].write_bytes(example.read_bytes())
    (folder / "excel.csv").write_bytes(EXCEL.encode("utf-8"))
    (folder / "svar.json").write_text(json.dumps(ANSWERS), encoding="utf-8")
    good += [folder / "excel.csv", folder / "svar.json"]
    bad = []
    for name, (data, _, _) in BAD.items():
        bad.append(folder / name)
        bad[-1].write_bytes(data)
    return good, bad


def _open(open_page, **options):
    page, log = open_page(PAGE, **options)
    requests = []
    page.on("request", lambda r: requests.append((r.method, r.url)))
    # the file chooser is intercepted from the start (turning it on just before a key press
    # can lose the race with the press); each chooser takes the next list of files
    page.tk_pending = []
    page.on("filechooser", lambda chooser: chooser.set_files(page.tk_pending.pop(0)))
    widget = page.locator(".tk-combine")
    widget.wait_for()
    return page, log, widget, requests


def _pick_by_keyboard(page, widget, files):
    """Tab to the file field, press Space, and choose the files in the real file chooser."""
    field = widget.locator('input[type="file"]')
    tab_to(page, field)
    page.tk_pending.append([str(f) for f in files])
    page.keyboard.press("Space")
    for _ in range(100):  # Playwright hands over the chooser while the page waits
        if not page.tk_pending:
            return
        page.wait_for_timeout(100)
    raise AssertionError("pressing Space on the file field opened no file chooser")


def _table(widget) -> dict[str, list[str]]:
    rows = {}
    for row in widget.locator(".tk-combine-table tbody tr").all():
        rows[row.get_attribute("data-hallmark")] = [c.inner_text() for c in row.locator("th, td").all()]
    return rows


def _python_table(files) -> dict[str, list[str]]:
    group = combine_ratings([read_any_profile(f) for f in files])
    return {hid: [row["kännetecken"], _decimal(row["medel"]), _decimal(row["std"]),
                  _decimal(row["min"], 0), _decimal(row["max"], 0), str(int(row["antal"]))]
            for hid, row in group.iterrows()}


def _only_local(requests, log):
    assert log.external == [], f"asked other hosts: {log.external}"
    assert log.errors == [], f"console errors: {log.errors}"
    for method, url in requests:
        assert method == "GET", f"sent something: {method} {url}"
        assert url.startswith(("http://127.0.0.1", "blob:", "data:")), url


def test_examples_and_bad_files_by_keyboard(open_page, tmp_path):
    good, bad = _write(tmp_path)
    page, log, widget, requests = _open(open_page)
    assert widget.locator(".tk-combine-result").is_hidden()
    _pick_by_keyboard(page, widget, good + bad)
    status = widget.locator(".tk-status[role=status]")
    total = len(good) + len(bad)
    expect(status).to_contain_text(f"Filer som används: {len(good)} av {total}. Filer som inte "
                                   f"går att använda: {len(bad)}. Se listan.")
    items = {li.locator(".tk-combine-file-name").inner_text(): li
             for li in widget.locator(".tk-combine-file").all()}
    assert set(items) == {f.name for f in good + bad}
    for f in good:
        assert items[f.name].get_attribute("data-used") == "yes", f.name
    assert "semikolon" in items["excel.csv"].inner_text()
    assert "2 av 7 kännetecken" in items["svar.json"].inner_text()
    for name, (_, reason, words) in BAD.items():
        item = items[name]
        assert item.get_attribute("data-used") == "no", name
        assert item.get_attribute("data-reason") == reason, name
        assert words in item.inner_text(), (name, item.inner_text())
    # the same table as Python's group profile of the files that are used
    assert _table(widget) == _python_table(good)
    caption = widget.locator(".tk-combine-table caption").inner_text()
    assert caption == f"Gruppens tillitsprofil ({len(good)} profiler)"
    reading = widget.locator(".tk-combine-reading").inner_text()
    assert reading.startswith(f"Gruppens profil bygger på {len(good)} profiler.")
    assert "Störst spridning har" in reading
    chart = widget.locator("svg.tk-combine-chart")
    title = chart.locator(f'title#{chart.get_attribute("aria-labelledby")}').text_content()
    assert title.startswith(f"Gruppens tillitsprofil, {len(good)} profiler.")
    assert chart.locator("circle.tk-combine-mean").count() == len(HALLMARKS)
    _only_local(requests, log)


def test_a_file_picked_twice_is_listed_once_and_a_file_can_be_removed(open_page, tmp_path):
    good, _ = _write(tmp_path)
    page, log, widget, requests = _open(open_page)
    _pick_by_keyboard(page, widget, good[:2])
    expect(widget.locator(".tk-status")).to_contain_text("Filer som används: 2 av 2.")
    _pick_by_keyboard(page, widget, good[:1])
    expect(widget.locator(".tk-status")).to_contain_text("Filer som används: 2 av 3.")
    duplicate = widget.locator('.tk-combine-file[data-reason="duplicate"]')
    assert duplicate.count() == 1 and "samma fil finns redan" in duplicate.inner_text()
    assert widget.get_attribute("data-used") == "2"
    assert _table(widget) == _python_table(good[:2])
    # remove the second file by keyboard: focus goes to the next remove button
    remove = widget.locator(".tk-combine-remove")
    assert remove.nth(1).get_attribute("aria-label") == f"Ta bort {good[1].name}"
    tab_to(page, remove.nth(1))
    page.keyboard.press("Enter")
    assert widget.get_attribute("data-used") == "1"
    expect(widget.locator(".tk-status")).to_contain_text(
        f"{good[1].name} är borttagen. Filer som används: 1.")
    assert_focus(page, widget.locator(".tk-combine-remove").nth(1), "the next remove button", visible=True)
    assert _table(widget) == _python_table(good[:1])
    widget.locator(".tk-combine-clear").click()
    assert widget.locator(".tk-combine-result").is_hidden()
    _only_local(requests, log)


def test_downloads_hold_the_group_profile(open_page, tmp_path):
    good, _ = _write(tmp_path)
    page, log, widget, requests = _open(open_page)
    _pick_by_keyboard(page, widget, good)
    expect(widget.locator(".tk-status")).to_contain_text(f"Filer som används: {len(good)} av {len(good)}.")
    files = {}
    for kind in ("csv", "svg", "png"):
        with page.expect_download() as info:
            widget.locator(f'.tk-combine-download[data-kind="{kind}"]').click()
        files[kind] = Path(info.value.path()).read_bytes()
        assert info.value.suggested_filename == f"gruppens-tillitsprofil.{kind}"
    group = combine_ratings([read_any_profile(f) for f in good])
    rows = list(csv.DictReader(io.StringIO(files["csv"].decode("utf-8"))))
    assert [r["id"] for r in rows] == list(group.index)
    for row in rows:
        expected = group.loc[row["id"]]
        assert row["kännetecken"] == expected["kännetecken"]
        assert float(row["medel"]) == pytest.approx(expected["medel"], abs=0.005)
        assert float(row["std"]) == pytest.approx(expected["std"], abs=0.005)
        assert (int(row["min"]), int(row["max"]), int(row["antal"])) == \
            (expected["min"], expected["max"], expected["antal"])
    svg = ET.fromstring(files["svg"])
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.find("{http://www.w3.org/2000/svg}title").text.startswith("Gruppens tillitsprofil")
    assert files["png"][:8] == b"\x89PNG\r\n\x1a\n" and len(files["png"]) > 5000
    _only_local(requests, log)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_results_and_refusals(open_page, tmp_path, scheme):
    good, bad = _write(tmp_path)
    page, _, widget, _ = _open(open_page, color_scheme=scheme)
    widget.locator('input[type="file"]').set_input_files([str(f) for f in good + bad])
    widget.locator(".tk-combine-result").wait_for()
    found = axe.violations(page)
    assert found == [], axe.describe(found)


def test_files_dropped_on_the_page_are_read_too(open_page):
    page, log, widget, requests = _open(open_page)
    texts = {e.name: e.read_text(encoding="utf-8") for e in EXAMPLES}
    widget.evaluate("""(el, texts) => {
        const data = new DataTransfer();
        for (const [name, text] of Object.entries(texts)) {
            data.items.add(new File([text], name, { type: "text/csv" }));
        }
        el.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
        el.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }""", texts)
    n = len(EXAMPLES)
    expect(widget.locator(".tk-status")).to_contain_text(f"Filer som används: {n} av {n}.")
    assert widget.get_attribute("data-dragging") is None
    assert _table(widget) == _python_table(EXAMPLES)
    _only_local(requests, log)
