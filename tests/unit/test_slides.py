"""The slide decks' data file (data/bildspel.yml) and the parts of the slide builder that need
no built site: bad entries are refused with the file, the line and the fix, in Swedish; a
slide's words come from the page section it names; a renamed section stops the build."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from widgets.build import slides
from widgets.content.data_files import DataFileError
from widgets.content.slides import DataSlide, SectionSlide, load_decks


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "bildspel.yml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


GOOD = """\
decks:
  - id: genomgang
    title: Genomgång
    time: "0.15–0.35"
    slides:
      - page: vad-ar-tillit
        section: tillitstriangeln
        show: list
      - page: vad-ar-tillit
        section: tillitstriangeln
        show: subsections
      - data: rollspel
        part: scenario
      - data: kannetecken
"""


def test_the_courses_file_and_a_small_one_load():
    decks = load_decks()
    assert [d.id for d in decks] == ["genomgang", "rollspel", "nasta-steg"]
    assert all(d.slides for d in decks)


def test_a_good_file(tmp_path):
    (deck,) = load_decks(write(tmp_path, GOOD))
    first, second, third, fourth = deck.slides
    assert isinstance(first, SectionSlide) and first.source.section == "tillitstriangeln"
    assert first.show == "list" and second.show == "subsections"   # one section, two ways
    assert third == DataSlide("rollspel", "scenario", third.line)
    assert isinstance(fourth, DataSlide) and fourth.part is None


@pytest.mark.parametrize("change, words, line", [
    (("show: list", "show: bild"), "'show: bild' går inte", 6),
    (("data: kannetecken", "data: okand"), "'data: okand' finns inte", 14),
    (("        part: scenario\n", ""), "fältet 'part' saknas", 12),
    (("part: scenario", "part: slut"), "rollspelet har ingen del 'slut'", 12),
    (("data: kannetecken", "data: kannetecken\n        part: scenario"), "'part' hör bara till", 14),
    (("page: vad-ar-tillit\n        section: tillitstriangeln\n        show: subsections",
      "page: finns-inte\n        section: tillitstriangeln\n        show: subsections"),
     "sidan 'finns-inte' finns inte i _toc.yml", 9),
    (("show: subsections", "show: list"), "finns redan (rad 6)", 9),
    (("id: genomgang", "id: Genomgång"), "id:t 'Genomgång' får bara", 2),
])
def test_bad_entries_name_the_line_and_the_fix(tmp_path, change, words, line):
    old, new = change
    assert old in GOOD
    with pytest.raises(DataFileError) as err:
        load_decks(write(tmp_path, GOOD.replace(old, new, 1)))
    message = str(err.value)
    assert words in message and f"rad {line}" in message and "Så här rättar du" in message, message


def test_two_decks_with_one_id_are_refused(tmp_path):
    doubled = GOOD + GOOD.split("decks:\n", 1)[1]
    with pytest.raises(DataFileError, match="finns redan"):
        load_decks(write(tmp_path, doubled))


PAGE = """<html><body><article class="bd-article">
<section id="tillitstriangeln"><h2>Tillitstriangeln<a class="headerlink" href="#x">#</a></h2>
<p>(ca 3 min)</p>
<p>Frei beskriver <a href="kallor.html#frei">tillit</a> som en triangel.</p>
<ul class="simple"><li><p><strong>Autenticitet</strong>: du är dig själv. Mer text.</p></li>
<li><p>Logik, och mer. Andra meningen.</p></li></ul>
<p>När alla tre finns litar människor på dig.</p>
<section id="nar-empatin-vacklar"><h3>När empatin vacklar</h3><p>Empatin vacklar oftast.</p></section>
</section></article></body></html>"""


@pytest.fixture
def fake_site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "book").mkdir(parents=True)
    (site / "book" / "vad-ar-tillit.html").write_text(PAGE, encoding="utf-8")
    slides._article.cache_clear()
    yield site
    slides._article.cache_clear()


def _deck(tmp_path, show: str, section: str = "tillitstriangeln"):
    body = GOOD.replace("show: list", f"show: {show}").replace(
        "section: tillitstriangeln\n        show: " + show, f"section: {section}\n        show: " + show, 1)
    return load_decks(write(tmp_path, body))[0]


def test_a_list_slide_shows_the_list_and_keeps_the_paragraphs_for_the_notes(tmp_path, fake_site):
    deck = _deck(tmp_path, "list")
    slide = slides.section_slide(fake_site, deck.slides[0], deck, 1)
    assert slide.title == "Tillitstriangeln"
    assert "Autenticitet" in slide.body and "<a" not in slide.body and "class=" not in slide.body
    notes = BeautifulSoup(slide.notes, "html.parser").get_text(" ")
    assert "Frei beskriver tillit som en triangel." in " ".join(notes.split()).replace(" .", ".")
    assert "ca 3 min" not in notes and "Autenticitet" not in notes and "Empatin vacklar" not in notes
    assert slide.page == "vad-ar-tillit" and slide.section == "tillitstriangeln"


def test_a_lead_list_shows_first_sentences_and_subsections_show_headings(tmp_path, fake_site):
    deck = _deck(tmp_path, "list-lead")
    slide = slides.section_slide(fake_site, deck.slides[0], deck, 1)
    items = [li.get_text() for li in BeautifulSoup(slide.body, "html.parser").find_all("li")]
    assert items == ["Autenticitet: du är dig själv.", "Logik, och mer."]
    sub = slides.section_slide(fake_site, deck.slides[1], deck, 2)
    assert [li.get_text() for li in BeautifulSoup(sub.body, "html.parser").find_all("li")] == [
        "När empatin vacklar"]
    assert "Empatin vacklar oftast." in sub.notes


def test_a_renamed_section_stops_the_build_with_a_swedish_message(tmp_path, fake_site):
    deck = _deck(tmp_path, "list", section="tillitstriangel")
    with pytest.raises(slides.BuildError) as err:
        slides.section_slide(fake_site, deck.slides[0], deck, 1)
    message = str(err.value)
    assert "inget avsnitt med id 'tillitstriangel'" in message and "rad 6" in message
    assert "bildspel.yml" in message


def test_reveal_is_the_pinned_version_with_its_licence(tmp_path):
    slides.copy_reveal(tmp_path)
    assert (tmp_path / "reveal" / "reveal.js").stat().st_size > 50_000
    assert "Permission is hereby granted, free of charge" in (tmp_path / "reveal" / "LICENSE").read_text(
        encoding="utf-8")
    assert slides.pinned_version().count(".") == 2 and slides.pinned_version()[0] not in "^~"
    for name in ("reveal.css", "reset.css"):
        css = (tmp_path / "reveal" / name).read_text(encoding="utf-8")
        assert "@import" not in css and "url(http" not in css and "//fonts." not in css
