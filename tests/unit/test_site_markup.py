"""Markup fixes on every page (icons, landmarks, row headers, downloads), the header buttons
(prepared PDF, Swedish issue form) and the site script's words."""

import re
import urllib.parse

from docutils import nodes
from docutils.core import publish_doctree

from widgets.content import course
from widgets.content.ui_text import TEXTS
from widgets.paths import BOOK
from widgets.site import header_buttons, page_markup, site_script


def test_icons_are_hidden_from_screen_readers_and_nothing_else_is():
    page = ('<div class="onthispage"><i class="fa-solid fa-list"></i> Innehåll</div>'
            '<span class="fa-solid fa-bars"></span><i class="fas fa-rocket" title="x"></i>'
            '<i class="theme-switch fa-solid fa-sun fa-lg" data-mode="light"></i>'
            '<span class="caption-text">Kursen</span><i>kursiv</i>'
            '<span class="fa fa-x" aria-hidden="false"></span>')
    fixed = page_markup.hide_icons(page)
    assert fixed.count('aria-hidden="true"') == 4
    assert '<span class="caption-text">Kursen</span><i>kursiv</i>' in fixed
    assert 'aria-hidden="false"' in fixed  # an explicit choice is left alone


def test_landmarks_and_dialogs_get_swedish_names():
    fixed = page_markup.fix_page('<nav aria-label="Page"></nav>'
                                 '<dialog id="pst-primary-sidebar-modal"></dialog>')
    assert f'aria-label="{TEXTS["site"]["page_nav"]}"' in fixed
    assert f'aria-label="{TEXTS["site"]["main_nav"]}"' in fixed
    assert '"Page"' not in fixed


def test_row_and_column_headers_get_scopes_and_the_empty_corner_is_a_cell():
    table = ('<tr><th class="head stub"><p></p></th><th class="head text-left"><p>A</p></th></tr>'
             '<tr><th class="stub"><p><strong>Vem?</strong></p></th><td><p>x</p></td></tr>')
    fixed = page_markup.table_header_scopes(table)
    assert fixed.startswith('<tr><td class="head stub"></td><th class="head text-left" scope="col">')
    assert '<th class="stub" scope="row"><p><strong>Vem?</strong>' in fixed
    assert "<th" not in fixed.replace('<th class="head text-left" scope="col">', "").replace(
        '<th class="stub" scope="row">', "")


def test_a_table_with_an_empty_corner_has_row_headers():
    tree = publish_doctree("+---+---+\n|   | A |\n+===+===+\n| B | x |\n+---+---+\n\n"
                           "+---+---+\n| C | A |\n+===+===+\n| B | x |\n+---+---+\n",
                           settings_overrides={"report_level": 5})
    page_markup.mark_row_headers(None, tree, "x")
    stubs = [[c.get("stub") for c in t.findall(nodes.colspec)] for t in tree.findall(nodes.tgroup)]
    assert stubs == [[1, None], [None, None]]


def test_links_to_printouts_and_question_bank_download():
    page = ('<a href="../pdf/vad-ar-tillit.pdf">PDF</a> '
            '<a class="x" href="../../fragebank/tillitskursen-gift.txt" target="_blank">GIFT</a> '
            '<a href="pdf/tillitskursen.pdf" download>ok</a> <a href="https://x.se/pdf/a.pdf">extern</a> '
            '<a href="kallor.html">källor</a> <a href="../_sources/book/x.ipynb" target="_blank">.ipynb</a>')
    fixed = page_markup.download_links(page)
    assert '<a href="../pdf/vad-ar-tillit.pdf" download>' in fixed
    assert '<a class="x" href="../../fragebank/tillitskursen-gift.txt" download>' in fixed
    assert fixed.count("download") == 4 and "_blank" not in fixed
    assert '<a href="https://x.se/pdf/a.pdf">' in fixed and '<a href="kallor.html">' in fixed


def test_chapters_offer_their_own_pdf_and_other_pages_the_course_pdf():
    chapters = course.chapters()
    assert len(chapters) == 10 and all(c.part == "Kursen" for c in chapters)
    assert header_buttons.pdf_for(chapters[0].docname) == (f"pdf/{chapters[0].slug}.pdf", True)
    assert header_buttons.pdf_for("book/min-oversikt") == ("pdf/tillitskursen.pdf", False)


def test_report_an_error_opens_the_swedish_form_with_the_page_filled_in():
    url = header_buttons.issue_url("https://github.com/a/b", "1. Vad är tillit?",
                                   "https://a.github.io/b/book/vad-ar-tillit.html")
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qs(parts.query)
    assert parts.path == "/a/b/issues/new"
    assert query == {"template": ["sakfel.yml"], "title": ["Fel: 1. Vad är tillit?"],
                     "sida": ["https://a.github.io/b/book/vad-ar-tillit.html"]}
    assert header_buttons.issue_url("https://gitlab.com/a/b", "x", "y") == ""


def test_the_site_script_gets_every_word_it_uses():
    source = (BOOK / "_assets" / site_script.SCRIPT).read_text(encoding="utf-8")
    used = set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", source))
    assert used and used <= set(site_script.SCRIPT_TEXTS) <= set(TEXTS["site"])
    assert not re.search(r"[åäöÅÄÖ]", re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S)), \
        "Swedish words belong in ui_text.py"
