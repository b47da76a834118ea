"""Downloads a learner or teacher gets: the header's PDF is the prepared chapter PDF (with the
paper self-test), and the question bank files download as UTF-8 files instead of opening as
raw XML or broken text. ``make book`` writes both (pdf/ and fragebank/)."""

import pytest

from widgets.content import course
from widgets.content.ui_text import TEXTS

SITE = TEXTS["site"]


@pytest.mark.parametrize(("path", "expected", "label"), [
    (course.chapters()[0].html, f"{course.chapters()[0].slug}.pdf", SITE["chapter_pdf"]),
    (course.chapters()[8].html, f"{course.chapters()[8].slug}.pdf", SITE["chapter_pdf"]),
    ("book/min-oversikt.html", "tillitskursen.pdf", SITE["course_pdf"]),
])
def test_the_header_download_menu_gives_the_prepared_pdf(open_page, site, path, expected, label):
    page, log = open_page(path, viewport={"width": 375, "height": 800}, has_touch=True,
                          is_mobile=True, accept_downloads=True)
    page.get_by_role("button", name="Ladda ner den här sidan").tap()
    entry = page.get_by_role("link", name=label)
    entry.wait_for(state="visible")
    with page.expect_download() as info:
        entry.tap()
    download = info.value
    assert download.suggested_filename == expected
    data = download.path().read_bytes()
    assert data.startswith(b"%PDF") and data == (site / "pdf" / expected).read_bytes()
    assert log.errors == []


@pytest.mark.parametrize("name", ["Moodle XML", "GIFT"])
def test_question_bank_links_download_utf8_files(open_page, site, name):
    page, _ = open_page("book/lararhandledning/med-och-utan-python.html", accept_downloads=True)
    link = page.get_by_role("link", name=name, exact=True)
    assert link.get_attribute("download") is not None
    with page.expect_download() as info:
        link.click()
    download = info.value
    text = download.path().read_bytes().decode("utf-8")  # raises on anything but UTF-8
    assert text == (site / "fragebank" / download.suggested_filename).read_text(encoding="utf-8")
    assert any(ch in text for ch in "åäö")
    assert page.url.endswith("med-och-utan-python.html")  # the page stays; nothing opened raw
