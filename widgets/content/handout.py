"""The workshop handout (*deltagarmaterial*): sections of the course, listed in ``data/deltagarmaterial.yml``.

The PDF build (:mod:`widgets.build.pdf`) takes each listed section from the built page, by
its id, in the file's order. :func:`load_handout` checks the file's shape and that every page
is in ``_toc.yml``; whether each section id exists can only be known from the built site, so
the build checks that and names the missing id.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from widgets.content import course
from widgets.content.data_files import ENTRY_ID, LINE, DataFileError, check_fields, load_yaml, text_field
from widgets.paths import DATA

HANDOUT_FILE = DATA / "deltagarmaterial.yml"


@dataclass(frozen=True)
class HandoutSection:
    page: str       # a page's slug, as in _toc.yml
    section: str    # the id of the section on the built page
    heading: str | None = None  # the heading to print instead of the page's own
    line: int | None = None


@dataclass(frozen=True)
class Handout:
    title: str
    intro: str
    sections: tuple[HandoutSection, ...]


def load_handout(path: Path | str = HANDOUT_FILE) -> Handout:
    """Read and check ``data/deltagarmaterial.yml`` (or ``path``)."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise DataFileError(path, "filen ska ha fälten title, intro och sections.",
                            fix="börja filen med 'title: …', 'intro: …' och 'sections:'.")
    check_fields(path, raw, (), "filen", required=("title", "intro", "sections"))
    sections = raw["sections"]
    if not isinstance(sections, list) or not sections:
        raise DataFileError(path, "listan 'sections' är tom eller ingen lista.", item="sections",
                            line=raw.get(LINE),
                            fix="skriv varje avsnitt som '- page: …' med 'section: …'.")
    slugs = {page.slug for page in course.pages()}
    found: list[HandoutSection] = []
    seen: dict[tuple[str, str], int | None] = {}
    for number, entry in enumerate(sections, start=1):
        item = f"avsnitt {number}"
        if not isinstance(entry, dict):
            raise DataFileError(path, "avsnittet är ingen mappning.", item=item,
                                fix="skriv avsnittet som '- page: …' med 'section: …'.")
        check_fields(path, entry, {"heading"}, item, required=("page", "section"))
        line = entry.get(LINE)
        page = text_field(path, entry, "page", item)
        section = text_field(path, entry, "section", item)
        if page not in slugs:
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
        found.append(HandoutSection(page, section, heading, line))
    title, intro = (text_field(path, raw, key, key) for key in ("title", "intro"))
    return Handout(title, intro, tuple(found))


@cache
def handout() -> Handout:
    """The handout of ``data/deltagarmaterial.yml`` (read once)."""
    return load_handout()
