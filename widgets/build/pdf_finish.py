"""The last step of a PDF: metadata, without touching Chromium's structure tree.

:func:`finish` opens Chromium's PDF with ``PdfWriter(clone_from=…)``, which keeps the whole
document (``/StructTreeRoot`` with its ParentTree, ``/MarkInfo``, every page's
``/StructParents``, the outline and the links), and only adds to the catalogue and the
document information:

- ``/Title`` (shown as the window title: ``/ViewerPreferences /DisplayDocTitle true``),
  ``/Author``, ``/Subject``, ``/Lang``;
- an XMP metadata stream with the same title, language, authors and licence;
- ``/PageLabels`` that match the printed page numbers;
- ``/Tabs /S`` on every page (tab order follows the structure, as PDF/UA asks);
- a description (``/Contents``) on every link, as PDF/UA asks: the link's own words;
- outline titles as the headings read: Chromium joins the lines of a heading that wraps
  without a space ("styrning ochledning"), so each entry gets its heading's own words;
- fixed dates and file id, and the structure's element ids (Chromium names table headers
  after its DOM nodes, ``node00000656``, which differ between runs) renumbered in order, so
  the same sources give the same bytes.

No ``pdfuaid:part`` is written: the PDFs follow the PDF/UA basics the tests check, but no
PDF/UA validator (veraPDF) can be run here, and the claim would be unverified.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

_BLANK_ID = bytes(16)


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    licence: str          # e.g. "CC BY 4.0"
    licence_url: str
    lang: str             # BCP 47, e.g. "sv-SE"
    date: datetime        # when the sources were last changed (not when the build ran)
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class LabelRange:
    """Pages from ``start`` (0-based) on are labelled ``prefix`` + numbers from ``first``.

    ``style`` is ``/D`` (1, 2, 3) or None (the prefix alone, e.g. "Omslag").
    """

    start: int
    style: str | None = "/D"
    prefix: str | None = None
    first: int = 1


def pdf_date(moment: datetime) -> str:
    moment = moment.astimezone(UTC)
    return moment.strftime("D:%Y%m%d%H%M%SZ")


def xmp_packet(meta: Metadata, producer: str) -> bytes:
    """An XMP packet (RDF/XML) with Dublin Core, XMP, PDF and XMP Rights properties."""
    when = meta.date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    e = escape
    keywords = ", ".join(meta.keywords)
    rights = f"{meta.licence} ({meta.licence_url})"
    subjects = "".join(f"<rdf:li>{e(k)}</rdf:li>" for k in meta.keywords)
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{e(meta.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>{e(meta.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>{e(meta.lang)}</rdf:li></rdf:Bag></dc:language>
   <dc:subject><rdf:Bag>{subjects}</rdf:Bag></dc:subject>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{e(rights)}</rdf:li></rdf:Alt></dc:rights>
   <xmpRights:Marked>True</xmpRights:Marked>
   <xmpRights:WebStatement>{e(meta.licence_url)}</xmpRights:WebStatement>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <xmp:CreatorTool>Tillitskursen (widgets.build.pdf)</xmp:CreatorTool>
   <pdf:Producer>{e(producer)}</pdf:Producer>
   <pdf:Keywords>{e(keywords)}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return packet.encode("utf-8")


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u00ad]+", "", text)


def retitle_outline(writer: PdfWriter, headings: tuple[str, ...] | list[str]) -> int:
    """Give each outline entry the words of its heading; returns how many were changed.

    The entries are in document order, as are ``headings`` (the visible headings' words); an
    entry is matched to the next heading with the same letters (spaces and soft hyphens
    aside), so an entry without a heading is left as it is.
    """
    outlines = writer._root_object.get("/Outlines")
    if outlines is None:
        return 0
    entries = []

    def visit(node) -> None:
        while node is not None:
            node = node.get_object()
            entries.append(node)
            visit(node.get("/First"))
            node = node.get("/Next")

    visit(outlines.get_object().get("/First"))
    changed, position = 0, 0
    for entry in entries:
        title = str(entry.get("/Title", ""))
        for index in range(position, len(headings)):
            if _squeeze(headings[index]) == _squeeze(title):
                if headings[index] != title:
                    entry[NameObject("/Title")] = TextStringObject(headings[index])
                    changed += 1
                position = index + 1
                break
    return changed


def _link_key(annot) -> str | None:
    action = annot.get("/A")
    action = action.get_object() if action is not None else None
    if action is not None and "/URI" in action:
        return str(action["/URI"])
    dest = annot.get("/Dest")
    return "#" + str(dest).lstrip("/") if isinstance(dest, str) else None


def describe_links(writer: PdfWriter, links: tuple[tuple[str, str], ...] | list) -> int:
    """Give every link annotation a ``/Contents`` with its words; returns how many got one.

    ``links`` are the document's visible links, in order, as (target, words). The k-th
    annotation to a target gets the words of the k-th link to it; where Chromium wrote more
    or fewer annotations than there are links (a link broken over two lines), every
    annotation to that target gets the words most links to it have (the first such, in
    document order). A link without words is described by its address.
    """
    words: dict[str, list[str]] = {}
    for target, text in links:
        words.setdefault(target, []).append(text)
    annots = [(a.get_object(), _link_key(a.get_object())) for page in writer.pages
              for a in page.get("/Annots") or [] if a.get_object().get("/Subtype") == "/Link"]
    counts: dict[str, int] = {}
    for _, key in annots:
        counts[key] = counts.get(key, 0) + 1
    seen: dict[str, int] = {}
    described = 0
    for annot, key in annots:
        texts = words.get(key, [])
        index = seen.get(key, 0)
        seen[key] = index + 1
        if texts and counts[key] == len(texts):
            text = texts[index]
        elif texts:
            text = max(texts, key=texts.count)  # the first of the most common (deterministic)
        else:
            text = ""
        text = text or (key or "").lstrip("#")
        if text:
            annot[NameObject("/Contents")] = TextStringObject(text)
            described += 1
    return described


def _struct_elements(tree: DictionaryObject):
    """Every structure element under ``tree``, in document order, as (reference, element)."""
    stack = [tree.get("/K")]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if isinstance(node, ArrayObject):
            stack.extend(reversed(node))
            continue
        if not isinstance(node, IndirectObject) or node.idnum in seen:
            continue
        seen.add(node.idnum)
        element = node.get_object()
        if isinstance(element, DictionaryObject) and "/S" in element:
            yield node, element
            stack.append(element.get("/K"))


def renumber_structure_ids(writer: PdfWriter) -> int:
    """Rename the structure elements' ``/ID``s to ``id1``, ``id2`` … in document order.

    The table cells' ``/Headers`` and the ``/IDTree`` follow; returns how many were renamed.
    """
    tree = writer._root_object["/StructTreeRoot"].get_object()
    elements = list(_struct_elements(tree))
    names: dict[str, str] = {}
    for _, element in elements:
        if "/ID" in element:
            names[str(element["/ID"])] = new = f"id{len(names) + 1}"
            element[NameObject("/ID")] = TextStringObject(new)
    if not names:
        return 0
    for _, element in elements:
        attributes = element.get("/A")
        attributes = attributes.get_object() if attributes is not None else None
        for attribute in attributes if isinstance(attributes, ArrayObject) else [attributes]:
            attribute = attribute.get_object() if attribute is not None else None
            if isinstance(attribute, DictionaryObject) and "/Headers" in attribute:
                attribute[NameObject("/Headers")] = ArrayObject(
                    TextStringObject(names.get(str(h), str(h))) for h in attribute["/Headers"])
    # a name tree lists its names in byte order
    pairs = sorted(((str(e["/ID"]), ref) for ref, e in elements if "/ID" in e), key=lambda pair: pair[0])
    flat = ArrayObject()
    for name, ref in pairs:
        flat.extend([TextStringObject(name), ref])
    # the old tree's nodes are emptied (the writer keeps them), the new tree is one flat list
    old = [tree.get("/IDTree")]
    while old:
        node = old.pop()
        node = node.get_object() if node is not None else None
        if isinstance(node, DictionaryObject):
            old.extend(node.get("/Kids") or [])
            node.clear()
    tree[NameObject("/IDTree")] = DictionaryObject({NameObject("/Names"): flat})
    return len(names)


def finish(data: bytes, meta: Metadata, labels: list[LabelRange], headings: tuple[str, ...] = (),
           links: tuple[tuple[str, str], ...] = ()) -> bytes:
    """Chromium's PDF ``data`` with the metadata added; the structure tree is kept as it is."""
    source = PdfReader(io.BytesIO(data))
    producer = f"{source.metadata.get('/Producer', 'Chromium')}; pypdf"
    writer = PdfWriter(clone_from=source)
    root = writer._root_object
    if "/StructTreeRoot" not in root or "/MarkInfo" not in root:
        raise ValueError("Chromium skrev ingen taggad PDF (StructTreeRoot eller MarkInfo saknas).")

    date = pdf_date(meta.date)
    writer.add_metadata({
        "/Title": meta.title, "/Author": meta.author, "/Subject": meta.subject,
        "/Keywords": ", ".join(meta.keywords), "/Creator": "Tillitskursen (widgets.build.pdf)",
        "/Producer": producer, "/CreationDate": date, "/ModDate": date,
    })
    root[NameObject("/Lang")] = TextStringObject(meta.lang)
    prefs = root.get("/ViewerPreferences")
    prefs = prefs.get_object() if prefs is not None else DictionaryObject()
    prefs[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    root[NameObject("/ViewerPreferences")] = prefs

    stream = DecodedStreamObject()
    stream.set_data(xmp_packet(meta, producer))
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    root[NameObject("/Metadata")] = writer._add_object(stream)

    numbers = ArrayObject()
    for label in labels:
        entry = DictionaryObject()
        if label.style:
            entry[NameObject("/S")] = NameObject(label.style)
            if label.first != 1:
                entry[NameObject("/St")] = NumberObject(label.first)
        if label.prefix:
            entry[NameObject("/P")] = TextStringObject(label.prefix)
        numbers.extend([NumberObject(label.start), entry])
    root[NameObject("/PageLabels")] = DictionaryObject({NameObject("/Nums"): numbers})

    renumber_structure_ids(writer)
    retitle_outline(writer, headings)
    describe_links(writer, links)
    for page in writer.pages:
        if page.get("/Annots"):
            page[NameObject("/Tabs")] = NameObject("/S")

    # the same sources give the same file: the file id is a hash of the file written with a
    # blank id (then put in its place, which keeps every offset), not of the clock
    writer._ID = ArrayObject([ByteStringObject(_BLANK_ID), ByteStringObject(_BLANK_ID)])
    out = io.BytesIO()
    writer.write(out)
    written = out.getvalue()
    digest = hashlib.md5(written, usedforsecurity=False).hexdigest().encode("ascii")
    at = written.rindex(b"trailer")
    return written[:at] + written[at:].replace(b"<" + _BLANK_ID.hex().encode("ascii") + b">",
                                               b"<" + digest + b">")
