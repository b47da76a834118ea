"""A section of a built page, named in a data file as ``page:`` (a slug in ``_toc.yml``),
``section:`` (the id of the section on the built page) and an optional ``heading:``.

The workshop handout (``data/deltagarmaterial.yml``, :mod:`widgets.content.handout`) and the
slide decks (``data/bildspel.yml``, :mod:`widgets.content.slides`) both list sections this way;
:func:`read_page_section` checks one entry. Whether the id exists on the page can only be known
from the built site, so the builds check that and name the missing id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from widgets.content import course
from widgets.content.data_files import ENTRY_ID, LINE, DataFileError, check_fields, text_field


@dataclass(frozen=True)
class PageSection:
    page: str       # a page's slug, as in _toc.yml
    section: str    # the id of the section on the built page
    heading: str | None = None  # the heading to show instead of the page's own
    line: int | None = None


def page_slugs() -> set[str]:
    return {page.slug for page in course.pages()}


def read_page_section(path: Path, entry: object, item: str, seen: dict[tuple[str, str], int | None],
                      *, extra: set[str] = frozenset(), slugs: set[str] | None = None) -> PageSection:
    """One entry ``{page, section, heading?, …extra}``; ``seen`` holds the sections read before
    (a section may be listed once)."""
    if not isinstance(entry, dict):
        raise DataFileError(path, "avsnittet är ingen mappning.", item=item,
                            fix="skriv avsnittet som '- page: …' med 'section: …'.")
    check_fields(path, entry, {"heading", *extra}, item, required=("page", "section"))
    line = entry.get(LINE)
    page = text_field(path, entry, "page", item)
    section = text_field(path, entry, "section", item)
    if page not in (slugs if slugs is not None else page_slugs()):
        raise DataFileError(path, f"sidan '{page}' finns inte i _toc.yml.", item=item, line=line,
                            fix="skriv sidans filnamn utan ändelse, till exempel 'vad-ar-tillit'.")
    if not ENTRY_ID.match(section):
        raise DataFileError(path, f"id:t '{section}' får bara innehålla a–z, 0–9 och bindestreck.",
                            item=item, line=line,
                            fix="kopiera id:t från adressen till rubriken på webben (efter #).")
    if (page, section) in seen:
        raise DataFileError(path, f"avsnittet {page}#{section} finns redan (rad {seen[page, section]}).",
                            item=item, line=line, fix="ta bort det ena.")
    seen[page, section] = line
    heading = text_field(path, entry, "heading", item, required=False)
    return PageSection(page, section, heading, line)
