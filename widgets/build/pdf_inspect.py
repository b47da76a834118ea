"""Read back what a PDF holds: tags, outline, links, destinations, page labels, footers.

The build uses it (where the chapters landed, for the contents page; the facts it reports)
and so do the tests (``tests/site/test_pdf.py``), so both read a PDF the same way.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject


@dataclass
class OutlineEntry:
    title: str
    page: int | None              # 0-based page index of its destination
    children: list[OutlineEntry] = field(default_factory=list)


@dataclass(frozen=True)
class Link:
    page: int                     # 0-based page index of the annotation
    uri: str | None = None        # an external link
    dest: str | None = None       # an internal link: a named destination
    dest_page: int | None = None  # … and the page it leads to (None: it does not exist)
    contents: str | None = None   # the link's description (/Contents)


def reader(source) -> PdfReader:
    return source if isinstance(source, PdfReader) else PdfReader(source)


def _page_indices(pdf: PdfReader) -> dict[int, int]:
    """Object number of each page → its 0-based index."""
    return {page.indirect_reference.idnum: index for index, page in enumerate(pdf.pages)}


def _dest_page(pdf: PdfReader, dest, pages: dict[int, int]) -> int | None:
    """The page of an explicit destination (``[page /XYZ …]``)."""
    dest = dest.get_object() if isinstance(dest, IndirectObject) else dest
    if isinstance(dest, DictionaryObject):
        dest = dest.get("/D")
    if not isinstance(dest, ArrayObject) or not dest:
        return None
    ref = dest[0]
    return pages.get(ref.idnum) if isinstance(ref, IndirectObject) else None


def named_destinations(source) -> dict[str, int]:
    """Every named destination (``/Dests`` or the ``/Names`` tree) and the page it points to."""
    pdf = reader(source)
    pages = _page_indices(pdf)
    found: dict[str, int] = {}
    root = pdf.trailer["/Root"]
    raw = {}
    if "/Dests" in root:
        raw.update(root["/Dests"].get_object().items())
    for name, dest in raw.items():
        index = _dest_page(pdf, dest, pages)
        if index is not None:
            found[str(name).lstrip("/")] = index
    for name, dest in pdf.named_destinations.items():
        key = str(name).lstrip("/")
        if key not in found:
            index = pdf.get_destination_page_number(dest)
            if index is not None and index >= 0:
                found[key] = index
    return found


def links(source) -> list[Link]:
    """Every link annotation, in page order."""
    pdf = reader(source)
    dests = named_destinations(pdf)
    pages = _page_indices(pdf)
    found = []
    for index, page in enumerate(pdf.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            action = action.get_object() if action is not None else None
            contents = str(annot["/Contents"]) if "/Contents" in annot else None
            if action is not None and action.get("/S") == "/URI":
                found.append(Link(index, uri=str(action["/URI"]), contents=contents))
                continue
            dest = annot.get("/Dest")
            if dest is None and action is not None and action.get("/S") == "/GoTo":
                dest = action.get("/D")
            if isinstance(dest, str) or hasattr(dest, "startswith"):
                name = str(dest).lstrip("/")
                found.append(Link(index, dest=name, dest_page=dests.get(name), contents=contents))
            elif dest is not None:
                found.append(Link(index, dest="(explicit)", dest_page=_dest_page(pdf, dest, pages),
                                  contents=contents))
            else:
                found.append(Link(index, contents=contents))
    return found


def outline(source) -> list[OutlineEntry]:
    """The outline (bookmarks) as a tree."""
    pdf = reader(source)

    def build(items) -> list[OutlineEntry]:
        entries: list[OutlineEntry] = []
        for item in items:
            if isinstance(item, list):
                if entries:
                    entries[-1].children.extend(build(item))
                continue
            try:
                page = pdf.get_destination_page_number(item)
            except Exception:  # noqa: BLE001 - a broken destination is reported as None
                page = None
            entries.append(OutlineEntry(str(item.title), page))
        return entries

    return build(pdf.outline)


def walk(entries: list[OutlineEntry], depth: int = 0):
    """(depth, entry) for every outline entry, in order."""
    for entry in entries:
        yield depth, entry
        yield from walk(entry.children, depth + 1)


def structure_types(source) -> Counter:
    """How many structure elements of each type (``/H1``, ``/Table`` …) the tag tree has."""
    pdf = reader(source)
    counts: Counter = Counter()
    root = pdf.trailer["/Root"].get("/StructTreeRoot")
    if root is None:
        return counts
    stack = [root.get_object()]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if node.idnum in seen:
                continue
            seen.add(node.idnum)
            node = node.get_object()
        if isinstance(node, ArrayObject):
            stack.extend(node)
            continue
        if not isinstance(node, DictionaryObject):
            continue
        if "/S" in node and node.get("/Type", "/StructElem") == "/StructElem":
            counts[str(node["/S"]).lstrip("/")] += 1
        kids = node.get("/K")
        if kids is not None:
            stack.append(kids)
    return counts


def page_texts(source) -> list[str]:
    """The text of every page."""
    return [page.extract_text() or "" for page in reader(source).pages]


def footer_numbers(texts: list[str], footer: str) -> list[int | None]:
    """The page number in each page's footer, read from the pages' ``texts``.

    ``footer`` is the footer's words with ``{page}`` where the number is.
    """
    before, _, after = footer.partition("{page}")
    pattern = re.compile(r"^" + re.escape(before) + r"(\d+)" + re.escape(after) + r"$", re.MULTILINE)
    numbers: list[int | None] = []
    for text in texts:
        matches = pattern.findall(text)
        numbers.append(int(matches[-1]) if matches else None)
    return numbers


def facts(path: Path) -> dict:
    """What the build reports about a PDF."""
    pdf = reader(path)
    found = links(pdf)
    root = pdf.trailer["/Root"]
    return {
        "file": path.name,
        "pages": len(pdf.pages),
        "tagged": bool(root.get("/MarkInfo", {}).get("/Marked")) and "/StructTreeRoot" in root,
        "outline": sum(1 for _ in walk(outline(pdf))),
        "internal": sum(1 for link in found if link.dest is not None),
        "external": sum(1 for link in found if link.uri is not None),
        "kb": round(path.stat().st_size / 1024),
    }
