"""Page descriptions come from the page's own running text, trimmed at a word; robots.txt,
sitemap.xml and the root page are well formed."""

import xml.etree.ElementTree as ET

import pytest
from docutils import nodes
from docutils.core import publish_doctree

from widgets.site import metadata

CHAPTER = """
Vad är tillit?
==============

.. admonition:: Det här lär du dig

   Förklara tre sätt att definiera tillit.

- en lista som inte är löptext

**Tid:** ca 35 minuter. **Förkunskaper:** inga.

Du litar på någon när du inte själv kan se efter. En nämnd kan inte följa varje besök i
hemtjänsten. En rektor kan inte sitta med på varje lektion. En revisor kan inte granska
varje beslut. Därför behövs tillit.
"""


def doctree(rst: str) -> nodes.document:
    return publish_doctree(rst, settings_overrides={"report_level": 5})


def test_the_description_is_the_first_running_text_not_boxes_lists_or_labels():
    text = metadata.describe(doctree(CHAPTER))
    assert text.startswith("Du litar på någon när du inte själv kan se efter.")
    assert "Tid" not in text and "Förklara" not in text and "lista" not in text
    assert len(text) <= metadata.LIMIT


def test_a_description_field_wins():
    assert metadata.describe(doctree(CHAPTER), "  Kort om kapitlet.  ") == "Kort om kapitlet."


def describe_paragraph(*children: nodes.Node) -> str:
    """The description of a page whose only running text is a paragraph of these nodes."""
    tree = doctree("Rubrik\n======\n\nEn text.\n")
    first = next(iter(tree.findall(nodes.paragraph)))
    first.parent.replace(first, nodes.paragraph("", "", *children))
    return metadata.describe(tree)


def test_parenthetical_citations_are_left_out_and_textual_ones_kept():
    text = describe_paragraph(nodes.Text("Den frågan ställer föredraget "),
                              nodes.inline("", "(Feuk, u.å.)", classes=["bibtex-citation"]),
                              nodes.Text(". "),
                              nodes.inline("", "Mayer m.fl. (1995)", classes=["bibtex-citation"]),
                              nodes.Text(" är grunden för modellen med tre delar."))
    assert text == "Den frågan ställer föredraget. Mayer m.fl. (1995) är grunden för modellen med tre delar."


def test_inline_html_is_left_out_and_its_text_kept():
    text = describe_paragraph(nodes.Text("Hela kursen finns som "),
                              nodes.raw("", '<a href="../pdf/tillitskursen.pdf">', format="html"),
                              nodes.Text("en PDF att skriva ut"), nodes.raw("", "</a>", format="html"),
                              nodes.Text(". Självtesterna blir frågor att svara på med penna."))
    assert text == ("Hela kursen finns som en PDF att skriva ut. "
                    "Självtesterna blir frågor att svara på med penna.")


def test_short_first_paragraphs_are_joined_and_a_colon_ends_a_sentence():
    text = metadata.describe(doctree("Det finns fem vinster:\n\n- en\n\n"
                                     "Men vinsterna kräver att ledningen litar på personalen.\n"))
    assert text == "Det finns fem vinster. Men vinsterna kräver att ledningen litar på personalen."


@pytest.mark.parametrize("length", [40, 158, 159, 400])
def test_trim_keeps_whole_words_within_the_limit(length):
    words = ("Tillitsbaserad styrning betyder att medarbetaren får mer handlingsutrymme "
             "i mötet med medborgaren ") * 10
    source = words[:length].rsplit(" ", 1)[0] if length < len(words) else words
    text = metadata.trim(source)
    assert len(text) <= metadata.LIMIT
    assert source.startswith(text.removesuffix(" …"))
    if len(source) > metadata.LIMIT:
        assert text.endswith(" …")
        cut = len(text.removesuffix(" …"))
        assert source[cut] == " ", "cut inside a word"


def test_trim_prefers_whole_sentences():
    text = metadata.trim("Första meningen är ganska lång och säger något viktigt om tillit i vården. " * 3)
    assert text.endswith("vården.") and len(text) <= metadata.LIMIT


def test_robots_and_sitemap():
    robots = metadata.robots_txt("https://x.se/kurs/")
    assert "User-agent: *" in robots and "Sitemap: https://x.se/kurs/sitemap.xml" in robots
    root = ET.fromstring(metadata.sitemap_xml("https://x.se/kurs", ["book/a.html", "book/b&c.html"]))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    assert [loc.text for loc in root.findall("s:url/s:loc", ns)] == [
        "https://x.se/kurs/book/a.html", "https://x.se/kurs/book/b&c.html"]


def test_root_page_is_a_swedish_page_with_title_icon_and_canonical():
    page = metadata.root_page(title="Tillitskursen", target="book/intro.html",
                              canonical="https://x.se/book/intro.html", favicon="_static/f.svg",
                              description='Om "tillit".')
    assert '<html lang="sv">' in page and "<title>Tillitskursen</title>" in page
    assert '<link rel="icon" href="_static/f.svg">' in page
    assert '<link rel="canonical" href="https://x.se/book/intro.html">' in page
    assert 'content="Om &quot;tillit&quot;."' in page
    assert metadata._GENERATED_ROOT.search(page)
