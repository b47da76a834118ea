"""The PDF's last step adds metadata and keeps the structure tree as it was."""

import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, BooleanObject, DictionaryObject, NameObject, NumberObject

from widgets.build import pdf_inspect
from widgets.build.pdf_finish import LabelRange, Metadata, finish

META = Metadata(title="Kursen – 1. Kapitel", author="Kursens författare", subject="Om tillit",
                licence="CC BY 4.0", licence_url="https://creativecommons.org/licenses/by/4.0/deed.sv",
                lang="sv-SE", date=datetime(2026, 11, 29, 5, 53, tzinfo=UTC),
                keywords=("tillit",))
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "xmpRights": "http://ns.adobe.com/xap/1.0/rights/"}


def tagged_pdf(pages: int = 3, titles=("Kapitlet", "Tre definitionerEtt", "Läs mer")) -> bytes:
    """A small PDF shaped like Chromium's: marked, a structure tree, an outline."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(200, 200)
    heading = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                NameObject("/S"): NameObject("/H1"),
                                NameObject("/K"): NumberObject(0)})
    document = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                 NameObject("/S"): NameObject("/Document"),
                                 NameObject("/K"): ArrayObject([writer._add_object(heading)])})
    tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot"),
                             NameObject("/K"): writer._add_object(document)})
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


def test_the_same_input_gives_the_same_bytes():
    source = tagged_pdf()
    assert finish(source, META, [LabelRange(0)]) == finish(source, META, [LabelRange(0)])


def test_an_untagged_pdf_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ValueError, match="taggad"):
        finish(out.getvalue(), META, [LabelRange(0)])
