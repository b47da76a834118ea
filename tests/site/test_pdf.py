"""The printable course: one PDF for the whole course and one per chapter, made by `make book`."""

import pytest
from pypdf import PdfReader

from widgets.build import pdf
from widgets.content import course


@pytest.fixture(scope="module")
def pdf_dir(site):
    folder = site / "pdf"
    if not (folder / pdf.COURSE_FILE).exists():
        pdf.build(site)
    return folder


def _outline(reader):
    return [item.title for item in reader.outline if not isinstance(item, list)]


def test_the_chapters_are_found():
    """pdf.chapter_pages() picks chapters by their part in _toc.yml: the loops below need it."""
    chapters = pdf.chapter_pages()
    assert len(chapters) >= 10, [p.slug for p in chapters]
    assert {"vad-ar-tillit", "sammanfattning-och-slutprov"} <= {p.slug for p in chapters}


def test_course_pdf_has_one_heading_per_chapter_and_the_answer_key(pdf_dir):
    reader = PdfReader(pdf_dir / pdf.COURSE_FILE)
    titles = _outline(reader)
    expected = [p.title for p in pdf.course_pages()] + ["Facit till självtesterna"]
    assert titles == expected
    for chapter in pdf.chapter_pages():
        assert titles.count(chapter.title) == 1
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"
    key = next(item for item in reader.outline if not isinstance(item, list)
               and item.title == "Facit till självtesterna")
    first_key_page = reader.pages[reader.get_destination_page_number(key)]
    assert "Facit till självtesterna" in (first_key_page.extract_text() or "")


def test_every_chapter_has_its_own_pdf_with_its_key(pdf_dir):
    for chapter in pdf.chapter_pages():
        reader = PdfReader(pdf_dir / f"{chapter.slug}.pdf")
        assert _outline(reader)[0] == chapter.title
        first = reader.pages[0].extract_text() or ""
        assert chapter.title.split(" – ")[0] in " ".join(first.split())


def test_self_tests_print_as_questions_not_forms(pdf_dir):
    reader = PdfReader(pdf_dir / "vad-ar-tillit.pdf")
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    assert "☐" in text
    assert "Kontrollera" not in text  # no buttons on paper


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
