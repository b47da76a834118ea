"""The built pages: one ☰ and at most one ☷ button (the theme binds only the first), Swedish
landmark names, icons hidden from screen readers, row headers, download links, the header's
prepared PDF and Swedish issue form."""

import html
import re
import urllib.parse

import pytest
import yaml

from tests.helpers import ROOT
from widgets.content import course
from widgets.content.ui_text import TEXTS

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
PAGES = [p.html for p in course.pages()] + ["search.html", "genindex.html"]
ICON = re.compile(r'<(?:i|span)\s[^>]*class="(?:[^"]*\s)?(?:fa|fas|far|fab|fa-[\w-]+)(?:\s[^"]*)?"[^>]*>')


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PAGES)
def test_toggles_landmarks_and_icons(site, path):
    page = read(site, path)
    # pydata-sphinx-theme binds document.querySelector(".primary-toggle"): there must be one
    assert len(re.findall(r'class="[^"]*\bprimary-toggle\b', page)) == 1, path
    assert len(re.findall(r'class="[^"]*\bsecondary-toggle\b', page)) <= 1, path
    assert 'aria-label="Main"' not in page and 'aria-label="Page"' not in page
    assert f'<nav class="bd-links bd-docs-nav tk-main-nav" aria-label="{TEXTS["site"]["main_nav"]}">' in page
    for dialog in re.findall(r"<dialog[^>]*>", page):
        assert "aria-label=" in dialog, f"{path}: unnamed {dialog}"
    unhidden = [tag for tag in ICON.findall(page) if 'aria-hidden="true"' not in tag]
    assert unhidden == [], f"{path}: icons a screen reader would read: {unhidden[:3]}"
    assert 'id="pst-back-to-top"' not in page  # the floating pill that covered text


def test_the_definitions_table_has_row_headers(site):
    page = read(site, "book/vad-ar-tillit.html")
    section = r'<section id="sa-skiljer-sig-definitionerna-at">.*?(<table.*?</table>)'
    table = re.search(section, page, re.S).group(1)
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    assert re.match(r'<td class="head stub"></td>', rows[0])  # an empty corner is no header
    assert re.findall(r'<th class="head" scope="col">', rows[0])
    for row in rows[1:]:
        assert re.match(r'<th class="stub" scope="row">', row), row[:80]


def test_every_table_header_has_a_scope(site):
    for path in PAGES:
        for th in re.findall(r"<th\b[^>]*>", read(site, path)):
            if 'class="' in th and ("head" in th or "stub" in th):
                assert "scope=" in th, f"{path}: {th}"


@pytest.mark.parametrize("path", PAGES)
def test_printouts_and_question_bank_download(site, path):
    page = read(site, path)
    assert 'onclick="window.print()"' not in page  # the header's ".pdf" printed the web page
    for tag in re.findall(r'<a\s[^>]*href="(?:\.\./)*(?:pdf|fragebank|_sources)/[^"]*"[^>]*>', page):
        assert re.search(r"\sdownload(?=[\s>=])", tag) and "_blank" not in tag, f"{path}: {tag}"


def test_the_header_offers_the_prepared_pdf(site):
    chapters = {p.html: p.slug for p in course.chapters()}
    for path in PAGES:
        page = read(site, path)
        entry = re.search(r'<a href="([^"]+)"\s+class="[^"]*btn-download-pdf-button[^"]*"[^>]*>', page)
        if entry is None:
            assert path in ("search.html", "genindex.html"), f"{path} has no PDF in its download menu"
            continue
        expected = f"{chapters[path]}.pdf" if path in chapters else "tillitskursen.pdf"
        target = (site / path).parent.joinpath(entry.group(1)).resolve()
        assert target == (site / "pdf" / expected).resolve(), f"{path}: {entry.group(1)}"
        assert target.is_file(), f"{target} is missing: run make book (it prints the PDFs)"


def test_report_an_error_opens_the_swedish_issue_form(site):
    repo = CONFIG["repository"]["url"]
    for page in course.pages():
        text = read(site, page.html)
        assert "Your issue content here" not in text
        link = re.search(r'<a href="([^"]+)"[^>]*class="[^"]*btn-source-issues-button', text)
        url = urllib.parse.urlsplit(html.unescape(link.group(1)))
        query = urllib.parse.parse_qs(url.query)
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{repo}/issues/new"
        assert query["template"] == ["sakfel.yml"]
        assert query["sida"] == [CONFIG["html"]["baseurl"] + page.html]
        assert query["title"] == [f"Fel: {page.title}"] or query["title"][0].endswith(f". {page.title}")
