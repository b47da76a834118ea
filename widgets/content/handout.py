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

from widgets.content.data_files import LINE, DataFileError, check_fields, load_yaml, text_field
from widgets.content.page_sections import PageSection, page_slugs, read_page_section
from widgets.paths import DATA

HANDOUT_FILE = DATA / "deltagarmaterial.yml"


#: A section in the handout: ``page``, ``section`` (id), ``heading`` (to print instead of the
#: page's own) and ``line``.
HandoutSection = PageSection


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
    slugs = page_slugs()
    seen: dict[tuple[str, str], int | None] = {}
    found = [read_page_section(path, entry, f"avsnitt {number}", seen, slugs=slugs)
             for number, entry in enumerate(sections, start=1)]
    title, intro = (text_field(path, raw, key, key) for key in ("title", "intro"))
    return Handout(title, intro, tuple(found))


@cache
def handout() -> Handout:
    """The handout of ``data/deltagarmaterial.yml`` (read once)."""
    return load_handout()
