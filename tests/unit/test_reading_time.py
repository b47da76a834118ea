"""Stated times are computed, not guessed: every section of every chapter, each chapter, the
course on the start page and in the teacher guide, and the steps of the practitioners' route
(``book/snabbspar.md``) state times close to what ``widgets.build.reading_time`` computes
from their words, self-tests and explorers. Run ``python -m widgets.build.reading_time
--write`` after changing a chapter."""

import json
import re
import shutil

import pytest

from widgets.build import reading_time as rt
from widgets.build.readability import SECTION_TIME
from widgets.paths import BOOK, ROOT

CHAPTERS = [p.path for p in rt.course_pages()]
ROUTE = BOOK / "snabbspar.md"
_REF = re.compile(r"\{ref\}`[^`<]*<([\w-]+)>`|\{ref\}`([\w-]+)`")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_section_states_an_honest_time(path):
    page = rt.read_page(path)
    timed = [s for s in page.top() if s.timed]
    assert timed, path.name
    for section in timed:
        assert section.stated is not None, (
            f"{path.name}: avsnittet '{section.heading}' saknar *(ca N min)* under rubriken. "
            f"Kör python -m widgets.build.reading_time --write.")
        assert rt.within(section.stated, section.minutes), (
            path.name, section.heading, section.stated, round(section.minutes, 1))
    for section in page.top():
        if not section.timed:
            assert section.stated is None, (path.name, section.heading)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_chapter_states_an_honest_total(path):
    page = rt.read_page(path)
    assert page.stated_total is not None, path.name
    assert rt.within(page.stated_total, page.minutes, rt.TOTAL_TOLERANCE), (
        path.name, page.stated_total, round(page.minutes))


def _overview_text(relative: str) -> str:
    path = ROOT / relative
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("relative", rt.OVERVIEWS)
def test_overviews_state_each_chapter_and_the_course_as_computed(relative):
    text = _overview_text(relative)
    totals = rt.stated_totals()
    listed = {m.group(2): int(m.group(3)) for m in rt._LISTED_TIME.finditer(text)}
    assert set(listed) == set(totals), (relative, set(totals) ^ set(listed))
    assert listed == totals, relative
    hours = rt.COURSE_HOURS.search(text)
    assert hours, f"{relative}: 'Hela kursen tar ca N timmar' saknas"
    stated = float(hours.group(1).replace(",", "."))
    assert rt.within(stated * 60, rt.course_minutes(), rt.TOTAL_TOLERANCE), (stated,
                                                                            rt.course_minutes())
    assert rt.overview_text(text, totals, rt.course_minutes()) == text, (
        f"{relative} är inte aktuell: kör python -m widgets.build.reading_time --write")


def _labels() -> dict[str, tuple[rt.Page, rt.Section]]:
    found = {}
    for path in CHAPTERS:
        page = rt.read_page(path)
        for section in page.sections:
            if section.label:
                found[section.label] = (page, section)
    return found


def test_route_steps_link_to_real_sections_and_state_their_time():
    route = rt.read_page(ROUTE)
    labels = _labels()
    text = ROUTE.read_text(encoding="utf-8")
    steps = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    computed_total = route.sections[0].own_minutes
    timed_steps = 0
    for step, section in zip(steps, route.top()):
        refs = [a or b for a, b in _REF.findall(step)]
        if not refs:
            continue
        missing = [r for r in refs if r not in labels]
        assert not missing, (section.heading, missing)
        # a step's time: what the learner reads on this page, and the own part of each section
        # it links to (a linked heading's subsections count only if they are linked too)
        minutes = section.own_minutes + sum(labels[r][1].own_minutes for r in refs)
        assert section.stated is not None, section.heading
        assert rt.within(section.stated, minutes), (section.heading, section.stated, minutes)
        computed_total += minutes
        timed_steps += 1
    assert timed_steps == 5
    stated = int(re.search(r"Snabbspåret tar \*\*ca (\d+) minuter\*\*", text).group(1))
    assert rt.within(stated, computed_total, rt.TOTAL_TOLERANCE), (stated, computed_total)


def test_start_page_leads_to_the_route_and_chapter_one():
    text = _overview_text("book/intro.ipynb")
    first_screen = text[:text.index("## ")]
    assert "{cite" not in first_screen and "u.å." not in first_screen
    assert "<snabbspar>" in first_screen and "<vad-ar-tillit>" in first_screen
    assert "Börja här" in first_screen


def test_computation_counts_words_questions_and_explorers(tmp_path):
    words = " ".join(["ord"] * 360)  # two minutes at 180 words a minute
    nb = {
        "cells": [
            {"cell_type": "markdown", "id": "c1", "metadata": {},
             "source": f"# Titel\n\n## Ett\n\n{words}\n"},
            {"cell_type": "markdown", "id": "c2", "metadata": {},
             "source": "## Två\n\n*(ca 9 min)*\n\n<!-- en kommentar med många ord ord ord -->\n"
                       "Kort text {cite:p}`feuk_foredrag`."},
            {"cell_type": "code", "id": "c3", "metadata": {}, "execution_count": None, "outputs": [],
             "source": "from widgets import trust_spiral\ntrust_spiral()"},
            {"cell_type": "markdown", "id": "c4", "metadata": {}, "source": "## Läs mer\n\n*(ca 1 min)*\n"},
        ],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }
    path = tmp_path / "kapitel.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    page = rt.read_page(path)
    one, two, reading = page.top()
    assert one.words == 360 and one.minutes == pytest.approx(2.0)
    assert one.stated is None and two.stated == 9
    assert two.words == 2 and two.fixed_minutes == rt.WIDGET_MINUTES["trust_spiral"]
    assert not reading.timed and reading.stated == 1


def test_an_unknown_widget_is_an_error(tmp_path):
    nb = {"cells": [{"cell_type": "code", "id": "c5", "metadata": {}, "execution_count": 1,
                     "source": "from widgets import new_thing\nnew_thing()",
                     "outputs": [{"output_type": "display_data", "metadata": {},
                                  "data": {"application/vnd.jupyter.widget-view+json": {}}}]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "kapitel.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(rt.ReadingTimeError, match="WIDGET_MINUTES"):
        rt.read_page(path)


def test_writing_times_is_stable_and_only_touches_markdown(tmp_path):
    source = BOOK / "vad-ar-tillit.ipynb"
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    before = json.loads(copy.read_text(encoding="utf-8"))
    assert not rt.write_times(copy), "the committed chapter is not current: run --write"
    text = copy.read_text(encoding="utf-8").replace("*(ca 3 min)*", "*(ca 30 min)*", 1)
    copy.write_text(text, encoding="utf-8")
    assert rt.write_times(copy)
    after = json.loads(copy.read_text(encoding="utf-8"))
    assert after == before
    code = [c for c in after["cells"] if c["cell_type"] == "code"]
    assert code == [c for c in before["cells"] if c["cell_type"] == "code"]


def test_time_lines_are_not_counted_as_prose():
    from widgets.build.readability import running_text

    assert SECTION_TIME.match("*(ca 5 min)*")
    assert running_text("## Rubrik\n\n*(ca 5 min)*\n\nEn mening.") == ["En mening."]
