"""The PDF's last step adds metadata and keeps the structure tree as it was."""

import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from widgets.build import pdf_inspect
from widgets.build.pdf_finish import LabelRange, Metadata, finish

META = Metadata(title="Kursen – 1. Kapitel", author="Kursens författare", subject="Om tillit",
                licence="CC BY 4.0", licence_url="https://creativecommons.org/licenses/by/4.0/deed.sv",
                lang="sv-SE", date=datetime(2026, 11, 29, 5, 53, tzinfo=UTC),
                keywords=("tillit",))
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "xmpRights": "http://ns.adobe.com/xap/1.0/rights/"}


def _element(kind: str, kids, **extra) -> DictionaryObject:
    element = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                NameObject("/S"): NameObject(kind), NameObject("/K"): kids})
    for key, value in extra.items():
        element[NameObject("/" + key)] = value
    return element


def tagged_pdf(pages: int = 3, titles=("Kapitlet", "Tre definitionerEtt", "Läs mer"),
               node: int = 656) -> bytes:
    """A small PDF shaped like Chromium's: marked, a structure tree (a heading and a table
    whose header cell Chromium names after a DOM node), an outline."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 200)
    add = writer._add_object
    header = add(_element("/TH", NumberObject(1), ID=TextStringObject(f"node{node:08d}")))
    cell = add(_element("/TD", NumberObject(2), A=ArrayObject([DictionaryObject({
        NameObject("/O"): NameObject("/Table"),
        NameObject("/Headers"): ArrayObject([TextStringObject(f"node{node:08d}")])})])))
    row = add(_element("/TR", ArrayObject([header, cell])))
    table = add(_element("/Table", ArrayObject([row])))
    heading = add(_element("/H1", NumberObject(0)))
    document = add(_element("/Document", ArrayObject([heading, table])))
    tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): document,
                             NameObject("/IDTree"): DictionaryObject({NameObject("/Names"): ArrayObject(
                                 [TextStringObject(f"node{node:08d}"), header])})})
    root = writer._root_object
    root[NameObject("/StructTreeRoot")] = writer._add_object(tree)
    root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    parent = writer.add_outline_item(title=titles[0], page_number=0)
    for index, title in enumerate(titles[1:], start=1):
        writer.add_outline_item(title=title, page_number=index, parent=parent)
    writer.add_metadata({"/Producer": "Skia/PDF m150", "/CreationDate": "D:20991231000000Z"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_metadata_is_added_and_the_structure_tree_kept():
    source = tagged_pdf()
    result = PdfReader(io.BytesIO(finish(source, META, [LabelRange(0)])))
    root = result.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert pdf_inspect.structure_types(result) == pdf_inspect.structure_types(PdfReader(io.BytesIO(source)))
    assert root["/Lang"] == "sv-SE"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert result.metadata.title == META.title and result.metadata.author == META.author
    assert result.metadata["/CreationDate"] == "D:20261129055300Z"


def test_xmp_says_title_language_author_and_licence():
    result = PdfReader(io.BytesIO(finish(tagged_pdf(), META, [LabelRange(0)])))
    xml = ET.fromstring(result.trailer["/Root"]["/Metadata"].get_object().get_data())
    desc = xml.find(".//rdf:Description", NS)
    assert desc.find("dc:title//rdf:li", NS).text == META.title
    assert desc.find("dc:language//rdf:li", NS).text == "sv-SE"
    assert desc.find("dc:creator//rdf:li", NS).text == META.author
    assert "CC BY 4.0" in desc.find("dc:rights//rdf:li", NS).text
    assert desc.find("xmpRights:WebStatement", NS).text == META.licence_url
    assert b"pdfuaid" not in result.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_page_labels_can_name_the_cover_and_count_on():
    labels = [LabelRange(0, None, "Omslag"), LabelRange(1, "/D", None, 2)]
    result = PdfReader(io.BytesIO(finish(tagged_pdf(), META, labels)))
    assert result.page_labels == ["Omslag", "2", "3"]


def test_outline_titles_get_their_headings_words_and_others_are_left():
    # Chromium joins a wrapped heading's lines ("Tre definitionerEtt"); the heading had a space
    headings = ("Kapitlet", "Tre definitioner Ett", "Något som inte är i dispositionen", "Läs mer")
    result = PdfReader(io.BytesIO(finish(tagged_pdf(), META, [LabelRange(0)], headings)))
    titles = [entry.title for _, entry in pdf_inspect.walk(pdf_inspect.outline(result))]
    assert titles == ["Kapitlet", "Tre definitioner Ett", "Läs mer"]


def _with_links(source: bytes, targets: list[str]) -> bytes:
    """``source`` with a link annotation per target (``#name`` or a URL) on its first page."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    annots = ArrayObject()
    for number, target in enumerate(targets):
        annot = DictionaryObject({NameObject("/Type"): NameObject("/Annot"),
                                  NameObject("/Subtype"): NameObject("/Link"),
                                  NameObject("/Rect"): ArrayObject([NumberObject(v) for v in
                                                                    (0, number * 10, 50, number * 10 + 8)])})
        if target.startswith("#"):
            annot[NameObject("/Dest")] = NameObject("/" + target[1:])
        else:
            annot[NameObject("/A")] = DictionaryObject({NameObject("/S"): NameObject("/URI"),
                                                        NameObject("/URI"): TextStringObject(target)})
        annots.append(writer._add_object(annot))
    writer.pages[0][NameObject("/Annots")] = annots
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_every_link_is_described_by_its_own_words():
    source = _with_links(tagged_pdf(), ["#ord--term-tillit", "#ord--term-tillit", "https://example.org/a",
                                        "#kallor--id4", "#kallor--id4", "https://example.org/ikon"])
    links = (("#ord--term-tillit", "tillit"), ("#ord--term-tillit", "tilliten"),
             ("https://example.org/a", "en sida"),
             ("#kallor--id4", "Feuk, u.å."),                 # one link, two annotations (two lines)
             ("https://example.org/ikon", ""))               # an icon without words
    result = PdfReader(io.BytesIO(finish(source, META, [LabelRange(0)], links=links)))
    described = [link.contents for link in pdf_inspect.links(result)]
    assert described == ["tillit", "tilliten", "en sida", "Feuk, u.å.", "Feuk, u.å.",
                         "https://example.org/ikon"]


def test_the_same_input_gives_the_same_bytes():
    source = tagged_pdf()
    assert finish(source, META, [LabelRange(0)]) == finish(source, META, [LabelRange(0)])
    # Chromium's element ids come from DOM node numbers, which differ from run to run
    assert finish(tagged_pdf(node=643), META, [LabelRange(0)]) == finish(source, META, [LabelRange(0)])


def test_table_header_ids_are_renumbered_with_their_references():
    result = PdfReader(io.BytesIO(finish(tagged_pdf(), META, [LabelRange(0)])))
    tree = result.trailer["/Root"]["/StructTreeRoot"]
    table = tree["/K"]["/K"][1].get_object()
    header, cell = (k.get_object() for k in table["/K"][0].get_object()["/K"])
    assert header["/ID"] == "id1"
    assert list(cell["/A"][0]["/Headers"]) == ["id1"]
    assert tree["/IDTree"]["/Names"][0] == "id1" and tree["/IDTree"]["/Names"][1].get_object() == header


def test_an_untagged_pdf_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ValueError, match="taggad"):
        finish(out.getvalue(), META, [LabelRange(0)])
