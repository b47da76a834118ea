"""The printed course: every PDF that `make book` writes is tagged, described, linked and numbered.

The checks read the PDFs with pypdf (``widgets.build.pdf_inspect``) and compare them with the
built HTML pages they were printed from.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from widgets.build import pdf, pdf_inspect
from widgets.build.pdf_compose import Snapshot, text_of
from widgets.build.pdf_print import BuildError
from widgets.build.pdf_roleplay import PACK_FILE
from widgets.content import course
from widgets.content.handout import Handout, HandoutSection, handout
from widgets.content.publication import publication
from widgets.content.ui_text import TEXTS

FILES = pdf.expected_files()
CHAPTERS = {f"{p.slug}.pdf": p for p in pdf.chapter_pages()}
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "xmpRights": "http://ns.adobe.com/xap/1.0/rights/"}
PDF_WORDS = TEXTS["pdf"]


@pytest.fixture(scope="module")
def pdf_dir(site):
    folder = site / "pdf"
    if not all((folder / name).exists() for name in FILES):
        pdf.build(site)
    return folder


@pytest.fixture(scope="module")
def readers(pdf_dir) -> dict[str, PdfReader]:
    return {name: PdfReader(pdf_dir / name) for name in FILES}


def test_the_chapters_are_found():
    """pdf.chapter_pages() picks chapters by their part in _toc.yml: the loops below need it."""
    chapters = pdf.chapter_pages()
    assert len(chapters) >= 10, [p.slug for p in chapters]
    assert {"vad-ar-tillit", "sammanfattning-och-slutprov"} <= {p.slug for p in chapters}



@pytest.fixture(scope="module")
def texts(readers) -> dict[str, list[str]]:
    """Every page's text, read once (the slow part of these tests)."""
    return {name: pdf_inspect.page_texts(reader) for name, reader in readers.items()}


def _joined(pages: list[str]) -> str:
    return " ".join(" ".join(page.split()) for page in pages)


# -- what the built pages hold -------------------------------------------------------------

@cache
def _article(site: Path, page_html: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / page_html).read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article", class_="bd-article")
    for hidden in article.select(".tk-screen-only, script, noscript"):
        hidden.decompose()
    return article


def _headings(site: Path, page_html: str, level: int, within: str | None = None) -> list[str]:
    root = _article(site, page_html)
    if within:
        root = root.find(id=within)
    return [text_of(h) for h in root.find_all(f"h{level}")]


def _sources(name: str) -> list[tuple[str, str | None]]:
    """(page, section id or None for all of it) that a PDF is printed from."""
    if name in CHAPTERS:
        return [(CHAPTERS[name].html, None), (pdf.KEY_PAGE, f"facit-{CHAPTERS[name].slug}")]
    if name == pdf.COURSE_FILE:
        return [(p.html, None) for p in pdf.course_pages()] + [(pdf.KEY_PAGE, None)]
    if name == PACK_FILE:
        return []   # written from data/rollspel.yml, not from pages: test_roleplay_pack.py
    return [(course.page(s.page).html, s.section) for s in handout().sections]


def _title(reader: PdfReader) -> str:
    return str(reader.metadata.title)


def _xmp(reader: PdfReader):
    data = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    return ET.fromstring(data).find(".//rdf:Description", NS)


# -- the set of files ----------------------------------------------------------------------

def test_the_build_writes_one_pdf_per_chapter_the_course_the_handout_and_the_pack(pdf_dir):
    assert len(FILES) == len(pdf.chapter_pages()) + 3 and len(pdf.chapter_pages()) >= 10
    assert sorted(p.name for p in pdf_dir.glob("*.pdf")) == sorted(FILES)


def test_start_page_links_to_the_pdfs(site):
    intro = (site / course.pages()[0].html).read_text(encoding="utf-8")
    assert 'href="../pdf/tillitskursen.pdf"' in intro
    for chapter in pdf.chapter_pages():
        assert f'href="../pdf/{chapter.slug}.pdf"' in intro


def _words(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def test_a_guess_first_explorer_prints_every_case(pdf_dir):
    from widgets.views.explorers import build

    explorer = build("tillitsspiralen-bestallare")
    cases = explorer.spec["question"]["cases"]
    reader = PdfReader(pdf_dir / "bestallare-och-utforare.pdf")
    text = _words(" ".join(page.extract_text() or "" for page in reader.pages))
    for case in cases:
        assert case["label"] in text
    readings = [explorer.point(**{c["name"]: c["values"][case["indices"][c["name"]]]
                                  for c in explorer.spec["controls"]})["reading"]
                for case in cases]
    assert readings[0] != readings[1]
    for reading in readings:
        # the reading's first sentence, as the PDF has it (line breaks become spaces)
        assert _words(reading.split(". ")[0]) in text


# -- tags and metadata ---------------------------------------------------------------------

@pytest.mark.parametrize("name", FILES)
def test_tagged_with_the_headings_and_tables_of_its_pages(readers, site, name):
    reader = readers[name]
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert all("/StructParents" in page for page in reader.pages)
    tags = pdf_inspect.structure_types(reader)
    sources = [(_article(site, page).find(id=section) if section else _article(site, page))
               for page, section in _sources(name)]
    for level in (1, 2, 3):
        in_html = sum(len(s.find_all(f"h{level}")) for s in sources)
        if in_html:
            assert tags[f"H{level}"] >= 1, (name, level, dict(tags))
    if any(s.find("table") for s in sources):
        assert all(tags[t] >= 1 for t in ("Table", "TR", "TD")), (name, dict(tags))
    if any(s.find("th") for s in sources):
        assert tags["TH"] >= 1, (name, dict(tags))


@pytest.mark.parametrize("name", FILES)
def test_language_title_and_xmp_metadata(readers, name):
    reader = readers[name]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv-SE"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    title = _title(reader)
    assert title.startswith(publication().title)
    xmp = _xmp(reader)
    assert xmp.find("dc:title//rdf:li", NS).text == title
    assert xmp.find("dc:language//rdf:li", NS).text == "sv-SE"
    assert xmp.find("dc:creator//rdf:li", NS).text == publication().authors == reader.metadata.author
    assert publication().licence in xmp.find("dc:rights//rdf:li", NS).text
    assert xmp.find("xmpRights:WebStatement", NS).text == publication().licence_url


# -- the outline ---------------------------------------------------------------------------

def _doubled(title: str) -> bool:
    half = len(title) // 2
    return len(title) % 2 == 0 and half > 0 and title[:half] == title[half:]


@pytest.mark.parametrize("name", FILES)
def test_outline_has_no_doubles_no_stray_contents_and_every_entry_leads_somewhere(readers, name):
    entries = pdf_inspect.outline(readers[name])
    assert entries
    everything = list(pdf_inspect.walk(entries))
    for _, entry in everything:
        assert entry.title.strip() and entry.title == " ".join(entry.title.split()), entry.title
        assert entry.title != "Innehåll", "Jupyter Books utskriftsrubrik i dispositionen"
        assert not _doubled(entry.title), entry.title
        assert entry.page is not None and 0 <= entry.page < len(readers[name].pages), entry.title

    def siblings(items):
        titles = [e.title for e in items]
        assert len(titles) == len(set(titles)), titles
        for e in items:
            siblings(e.children)

    siblings(entries)


@pytest.mark.parametrize("name", list(CHAPTERS))
def test_chapter_outline_is_the_chapter_with_its_headings_then_the_key(readers, site, name):
    chapter = CHAPTERS[name]
    entries = pdf_inspect.outline(readers[name])
    assert entries[0].title == _headings(site, chapter.html, 1)[0]
    assert entries[0].page == 0
    assert [e.title for e in entries[0].children] == _headings(site, chapter.html, 2)
    assert any(e.children for e in entries[0].children)  # h3 under h2
    assert [e.title for e in entries[1:]] == [PDF_WORDS["chapter_key"]]


def test_course_outline_has_the_contents_every_page_and_the_key(readers, site):
    entries = pdf_inspect.outline(readers[pdf.COURSE_FILE])
    pages = [p.html for p in pdf.course_pages()] + [pdf.KEY_PAGE]
    assert [e.title for e in entries] == [PDF_WORDS["contents"]] + [_headings(site, p, 1)[0] for p in pages]
    for entry, page in zip(entries[1:], pages, strict=True):
        assert [e.title for e in entry.children] == _headings(site, page, 2), entry.title


def test_handout_outline_has_the_chosen_sections(readers, site):
    entries = pdf_inspect.outline(readers[pdf.HANDOUT_PDF])
    spec = handout()
    assert [e.title for e in entries] == [spec.title]
    expected = []
    for s in spec.sections:
        section = _article(site, course.page(s.page).html).find(id=s.section)
        expected.append(s.heading or text_of(section.find(re.compile(r"^h[1-6]$"))))
    assert [e.title for e in entries[0].children] == expected


# -- links ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", FILES)
def test_no_link_to_a_local_server_and_every_internal_link_has_its_place(readers, name):
    links = pdf_inspect.links(readers[name])
    assert links
    server = re.compile(r"127\.0\.0\.1|localhost|0\.0\.0\.0")
    local = [link.uri for link in links if link.uri and server.search(link.uri)]
    assert local == []
    assert all(link.uri or link.dest for link in links)
    broken = [link.dest for link in links if link.dest is not None and link.dest_page is None]
    assert broken == []
    assert all(link.uri.startswith(("https://", "mailto:")) for link in links if link.uri), \
        [link.uri for link in links if link.uri and not link.uri.startswith(("https://", "mailto:"))]
    # every link is described (PDF/UA): by its words, or its address if it has none
    assert all(link.contents and link.contents.strip() for link in links), \
        [link for link in links if not (link.contents and link.contents.strip())][:5]


def _dests(reader) -> list[str]:
    return [link.dest for link in pdf_inspect.links(reader) if link.dest]


def _uris(reader) -> list[str]:
    return [link.uri for link in pdf_inspect.links(reader) if link.uri]


def test_course_links_to_the_glossary_sources_chapters_and_itself_stay_in_the_pdf(readers):
    reader = readers[pdf.COURSE_FILE]
    dests = _dests(reader)
    assert sum(d.startswith("ordlista--term-") for d in dests) >= 50
    assert sum(d.startswith("kallor--") for d in dests) >= 200
    assert {p.slug for p in pdf.chapter_pages()} <= set(dests)      # contents and "Kursens delar"
    assert "tk-pdf-top" in dests                                      # "en PDF att skriva ut"
    site = publication().site_url
    uris = _uris(reader)
    in_pdf = {site + page.html for page in pdf.course_pages()}
    assert not [u for u in uris if u.split("#")[0] in in_pdf], "a page in the PDF linked on the web"
    left_out = {site + page.html for page in course.pages()} - in_pdf   # statements, snabbspår
    assert {u.split("#")[0] for u in uris if u.startswith(site + "book/")} <= left_out
    for chapter in pdf.chapter_pages():
        assert f"{site}pdf/{chapter.slug}.pdf" in uris


@pytest.mark.parametrize("name", list(CHAPTERS))
def test_chapter_links_to_other_pages_go_to_the_published_site(readers, name):
    site = publication().site_url
    uris = _uris(readers[name])
    on_site = [u for u in uris if u.startswith(site)]
    assert on_site, uris
    assert all((Path(u[len(site):].split("#")[0]).suffix in (".html", ".pdf", "")) for u in on_site)
    assert any(u.startswith(site + "book/kallor.html#") for u in on_site)


# -- page numbers --------------------------------------------------------------------------

def _footer() -> str:
    return pdf.footer()


def test_course_is_numbered_continuously_with_a_cover_and_page_labels_that_match(readers, texts):
    reader = readers[pdf.COURSE_FILE]
    footers = pdf_inspect.footer_numbers(texts[pdf.COURSE_FILE], _footer())
    assert footers[0] is None                                   # the cover
    assert footers[1:] == list(range(2, len(reader.pages) + 1))
    assert reader.page_labels == [PDF_WORDS["cover_label"]] + [str(n) for n in footers[1:]]


def test_course_contents_page_gives_the_page_each_part_starts_on(readers, texts, site):
    reader = readers[pdf.COURSE_FILE]
    text = texts[pdf.COURSE_FILE][1]
    assert PDF_WORDS["contents"] in text
    listed = {title: int(number) for title, number in re.findall(r"^(.+?) (\d+)$", text, re.MULTILINE)}
    dests = pdf_inspect.named_destinations(reader)
    outline = {e.title: e.page for e in pdf_inspect.outline(reader)}
    parts = [(p.slug, p.html) for p in pdf.course_pages()] + [("facit", pdf.KEY_PAGE)]
    for part_id, page in parts:
        title = _headings(site, page, 1)[0]
        # the number printed on the contents page = the footer of the page the part starts on
        assert listed[title] == dests[part_id] + 1 == outline[title] + 1, title
    # every entry's link goes to its part, and is described by the entry's words
    contents_links = [link for link in pdf_inspect.links(reader) if link.page == 1]
    assert [link.dest for link in contents_links] == [part_id for part_id, _ in parts]
    for link, (_, page) in zip(contents_links, parts, strict=True):
        assert link.contents.startswith(_headings(site, page, 1)[0]), link.contents


@pytest.mark.parametrize("name", list(CHAPTERS) + [pdf.HANDOUT_PDF])
def test_a_chapter_and_the_handout_are_numbered_from_one(readers, texts, name):
    reader = readers[name]
    count = len(reader.pages)
    assert pdf_inspect.footer_numbers(texts[name], _footer()) == list(range(1, count + 1))
    assert reader.page_labels == [str(n) for n in range(1, count + 1)]


# -- what the paper shows ------------------------------------------------------------------

def test_self_tests_print_as_questions_not_forms(texts):
    text = _joined(texts["vad-ar-tillit.pdf"])
    assert "☐" in text
    assert "Kontrollera" not in text  # no buttons on paper


def test_matching_questions_print_lettered_choices_and_a_lettered_key(texts):
    """The paper self-test lists a matching question's choices as A, B, C …; the answer key
    at the back names the letter (and the text) for each numbered row."""
    from widgets.content.kinds.matching import letter
    from widgets.content.markup import to_text
    from widgets.content.questions import all_question_sets

    checked = 0
    for question_set in all_question_sets():
        name = f"{question_set.chapter}.pdf"
        if name not in texts:
            continue
        text = _words(_joined(texts[name]))
        for q in question_set.questions:
            if q.kind != "matching":
                continue
            choices = [to_text(c["text"]) for c in q.to_state()["choices"]]
            for i, choice in enumerate(choices):
                assert _words(f"{letter(i)}. {choice}") in text, (name, q.id, choice)
            for pair in q.data["pairs"]:
                right = to_text(pair["right"])
                row = _words(f"{to_text(pair['left'])} → {letter(choices.index(right))} ({right})")
                assert row in text, (name, q.id, row)
            checked += 1
    assert checked >= 5


def test_course_pdf_has_a_cover_with_the_facts(texts):
    cover = _joined(texts[pdf.COURSE_FILE][:1])
    pub = publication()
    for fact in (pub.title, pub.talk.title, pub.talk.speaker, pub.licence, pub.site_url, pub.version):
        assert fact in cover, fact


def test_no_web_only_text_buttons_or_icon_glyphs_on_paper(texts, site):
    screen_only = " ".join(" ".join(t.get_text(" ").split()) for p in pdf.course_pages()
                           for t in BeautifulSoup((site / p.html).read_text(encoding="utf-8"),
                                                  "html.parser").select(".tk-screen-only"))
    assert "Med knapparna längst upp" in screen_only     # the class is on the intro's paragraph
    for name in FILES:
        text = _joined(texts[name])
        assert "Med knapparna längst upp" not in text, name
        assert not re.search(r"[\ue000-\uf8ff]", text), (name, "tecken ur en ikonfont")
        assert not re.search(r"[\ufb00-\ufb06]", text), (name, "ligaturer (ﬁ, ﬂ)")


# -- the handout's sections are chosen by id, and a missing id stops the build ---------------

def _static_snapshot(site: Path, page_html: str) -> Snapshot:
    article = BeautifulSoup((site / page_html).read_text(encoding="utf-8"), "html.parser").find(
        "article", class_="bd-article")
    return Snapshot(page_html, article.decode_contents(), ())


def test_a_renamed_heading_stops_the_handout_with_a_swedish_message(site):
    spec = handout()
    gone = HandoutSection("vad-ar-tillit", "triangeln-bytte-namn", line=31)
    renamed = Handout(spec.title, spec.intro, (*spec.sections[:1], gone))
    pages = {course.page(s.page).html for s in spec.sections}
    snaps = {page: _static_snapshot(site, page) for page in pages}
    ctx = pdf.Context(publication(), pdf.source_date())
    with pytest.raises(BuildError) as caught:
        pdf.handout_document(ctx, renamed, snaps)
    message = str(caught.value)
    for part in ("triangeln-bytte-namn", "data/deltagarmaterial.yml", "avsnitt 2", "rad 31",
                 "book/vad-ar-tillit.html"):
        assert part in message, message
    # the real list builds
    assert pdf.handout_document(ctx, spec, snaps).html()
