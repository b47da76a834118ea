"""Composing one print document from several pages: unique ids, links that stay in the PDF."""

import pytest
from bs4 import BeautifulSoup

from widgets.build.pdf_compose import TOP, Document, MissingSection, Snapshot, css_string, page_css

SITE = "https://example.org/kurs/"

CHAPTER = Snapshot(
    path="book/kapitel.html",
    article=(
        '<section id="kapitel"><h1><span class="section-number">1. </span>Kapitel'
        '<a class="headerlink" href="/book/kapitel.html#kapitel">#</a></h1>'
        '<p>Se <a href="/book/ordlista.html#term-tillit">tillit</a> och '
        '<a href="/book/kallor.html#id4">(Feuk)</a> och <a href="#del">nedan</a> och '
        '<a href="/book/annat.html#x">ett annat kapitel</a> och '
        '<a href="/pdf/kurs.pdf">hela kursen</a> och <a href="/pdf/kapitel.pdf">kapitlet</a> och '
        '<a href="https://other.example/">en annan webbplats</a>.</p>'
        '<img src="/_images/bild.png" alt="En bild">'
        '<label for="fraga">Fråga</label><input id="fraga" aria-describedby="hjalp tips">'
        '<p id="hjalp">Hjälp</p><p id="tips">Tips</p>'
        '<svg><defs><clipPath id="klipp"></clipPath></defs><rect clip-path="url(#klipp)"/>'
        '<use href="#klipp"/></svg>'
        '<section id="del"><h2>Del</h2><p>Text</p><section id="sammanfattning"><h3>Sammanfattning</h3>'
        '<p>Kort.</p></section></section>'
        '<script>alert(1)</script><noscript><p>utan js</p></noscript></section>'
    ),
    styles=('<link rel="stylesheet" href="/_static/a.css">',),
)
GLOSSARY = Snapshot(
    path="book/ordlista.html",
    article='<section id="ordlista"><h1>Ordlista</h1><dl><dt id="term-tillit">tillit</dt>'
            '<dd>Att lita på.</dd></dl><p id="hjalp">Samma id som i kapitlet.</p></section>',
    styles=('<link rel="stylesheet" href="/_static/a.css">', "<style>.x{}</style>"),
)


def _soup(doc: Document) -> BeautifulSoup:
    return BeautifulSoup(doc.html(), "html.parser")


def _hrefs(soup: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(): a["href"] for a in soup.find_all("a")}


def test_ids_get_the_page_as_prefix_and_references_follow():
    doc = Document(title="Kursen", file_name="kurs.pdf", site_url=SITE)
    doc.add_page(CHAPTER)
    doc.add_page(GLOSSARY)
    soup = _soup(doc)
    assert soup.find(id="kapitel--hjalp") and soup.find(id="ordlista--hjalp")
    assert soup.find("label")["for"] == "kapitel--fraga"
    assert soup.find("input")["aria-describedby"] == "kapitel--hjalp kapitel--tips"
    assert soup.find("rect")["clip-path"] == "url(#kapitel--klipp)"
    assert soup.find("use")["href"] == "#kapitel--klipp"
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_links_inside_the_document_are_internal_and_the_rest_go_to_the_site():
    doc = Document(title="Kursen", file_name="kurs.pdf", site_url=SITE)
    doc.add_page(CHAPTER)
    doc.add_page(GLOSSARY)
    hrefs = _hrefs(_soup(doc))
    assert hrefs["tillit"] == "#ordlista--term-tillit"
    assert hrefs["nedan"] == "#kapitel--del"
    assert hrefs["hela kursen"] == "#" + TOP                 # the PDF itself
    assert hrefs["kapitlet"] == SITE + "pdf/kapitel.pdf"      # another PDF
    assert hrefs["(Feuk)"] == SITE + "book/kallor.html#id4"   # not in this PDF
    assert hrefs["ett annat kapitel"] == SITE + "book/annat.html#x"
    assert hrefs["en annan webbplats"] == "https://other.example/"


def test_scripts_are_dropped_and_styles_kept_once():
    doc = Document(title="Kursen", file_name="kurs.pdf", site_url=SITE)
    doc.add_page(CHAPTER)
    doc.add_page(GLOSSARY)
    text = doc.html("@page { size: A4; }")
    assert "alert(1)" not in text and "utan js" not in text
    assert text.count('href="/_static/a.css"') == 1 and ".x{}" in text
    assert '<html lang="sv-SE"' in text and "<title>Kursen</title>" in text
    assert 'src="/_images/bild.png"' in text


def test_a_section_alone_with_its_headings_renumbered_and_a_new_heading():
    doc = Document(title="Utdrag", file_name="utdrag.pdf", site_url=SITE)
    doc.add_section(CHAPTER, "sammanfattning", heading="Kapitlet i korthet", level=2,
                    after_heading='<p class="kalla">Ur kapitel 1</p>')
    soup = _soup(doc)
    heading = soup.find("h2")
    assert heading.get_text() == "Kapitlet i korthet"
    assert heading.find_next_sibling("p")["class"] == ["kalla"]
    assert soup.find("h3") is None and soup.find("h1") is None


def test_only_the_chosen_sections_are_places_in_the_document():
    doc = Document(title="Utdrag", file_name="utdrag.pdf", site_url=SITE)
    doc.add_section(CHAPTER, "sammanfattning")
    doc.add_html('<p><a href="/book/kapitel.html#sammanfattning">här</a> '
                 '<a href="/book/kapitel.html#del">där</a> <a href="/book/kapitel.html">sidan</a></p>')
    hrefs = _hrefs(_soup(doc))
    assert hrefs["här"] == "#kapitel--sammanfattning"
    assert hrefs["där"] == SITE + "book/kapitel.html#del"
    assert hrefs["sidan"] == SITE + "book/kapitel.html"


def test_a_missing_section_is_named():
    doc = Document(title="Utdrag", file_name="utdrag.pdf", site_url=SITE)
    with pytest.raises(MissingSection) as err:
        doc.add_section(CHAPTER, "finns-inte")
    assert err.value.section == "finns-inte" and "book/kapitel.html" in str(err.value)


def test_parts_are_listed_with_their_titles_without_the_heading_link():
    doc = Document(title="Kursen", file_name="kurs.pdf", site_url=SITE)
    doc.add_page(CHAPTER)
    doc.add_page(GLOSSARY, part_id="ord")
    assert doc.parts() == [("kapitel", "1. Kapitel"), ("ord", "Ordlista")]
    assert _hrefs(_soup(doc))["tillit"] == "#ordlista--term-tillit"


def test_two_pages_with_the_same_file_name_get_their_own_prefix():
    other = Snapshot(path="book/del/kapitel.html", article='<p id="hjalp">Annan</p>', styles=())
    doc = Document(title="Kursen", file_name="kurs.pdf", site_url=SITE)
    doc.add_page(CHAPTER)
    doc.add_page(other, part_id="annan")
    ids = [t["id"] for t in _soup(doc).find_all(id=True)]
    assert "kapitel--hjalp" in ids and "kapitel-2--hjalp" in ids and len(ids) == len(set(ids))


def test_footer_css_puts_the_page_number_where_the_words_say():
    assert css_string('a "b" \\') == '"a \\"b\\" \\\\"'
    css = page_css("Kursen · {page}", numbered_first_page=False)
    assert 'content: "Kursen · " counter(page);' in css
    assert "@page :first { @bottom-center { content: none; } }" in css
    assert ":first" not in page_css("{page} av kursen", numbered_first_page=True)
