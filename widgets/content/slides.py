"""The workshop's slide decks (*bildspel*): which sections and data each slide shows, listed in
``data/bildspel.yml``.

:func:`load_decks` checks the file: every deck has a unique id, a title and the time of its
segment in the 3-hour plan; every slide is either a section of a page in ``_toc.yml`` (with
what to show of it) or a named part of ``data/``. The slides themselves are written by
:mod:`widgets.build.slides` from the built pages, which also checks that each section id
exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from widgets.content.data_files import ENTRY_ID, LINE, DataFileError, check_fields, load_yaml, text_field
from widgets.content.page_sections import PageSection, page_slugs, read_page_section
from widgets.paths import DATA

SLIDES_FILE = DATA / "bildspel.yml"
#: What a slide shows of a page's section.
SHOWS = ("list", "list-lead", "subsections", "quote", "figure")
#: The parts of ``data/`` a slide can show, and the parts of the role-play.
DATA_SOURCES = ("kannetecken", "rollspel", "plan", "kapitel")
ROLEPLAY_PARTS = ("scenario", "task", "groups", "timings", "observer", "report")


@dataclass(frozen=True)
class SectionSlide:
    source: PageSection
    show: str


@dataclass(frozen=True)
class DataSlide:
    data: str
    part: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Deck:
    id: str
    title: str
    time: str
    slides: tuple[SectionSlide | DataSlide, ...]


def _slide(path: Path, entry: object, item: str, seen: dict[str, dict], slugs: set[str]):
    if isinstance(entry, dict) and "data" in entry:
        check_fields(path, entry, {"data", "part"}, item, required=("data",))
        line = entry.get(LINE)
        data = text_field(path, entry, "data", item)
        if data not in DATA_SOURCES:
            raise DataFileError(path, f"'data: {data}' finns inte.", item=item, line=line,
                                fix=f"skriv en av: {', '.join(DATA_SOURCES)}.")
        part = text_field(path, entry, "part", item, required=data == "rollspel")
        if data == "rollspel" and part not in ROLEPLAY_PARTS:
            raise DataFileError(path, f"rollspelet har ingen del '{part}'.", item=item, line=line,
                                fix=f"skriv 'part:' med en av: {', '.join(ROLEPLAY_PARTS)}.")
        if data != "rollspel" and part is not None:
            raise DataFileError(path, f"'part' hör bara till 'data: rollspel', inte '{data}'.",
                                item=item, line=line, fix="ta bort 'part:'.")
        return DataSlide(data, part, line)
    show = entry.get("show") if isinstance(entry, dict) else None
    if isinstance(entry, dict) and show not in SHOWS:
        raise DataFileError(path, f"'show: {show}' går inte.", item=item, line=entry.get(LINE),
                            fix=f"skriv 'show:' med en av: {', '.join(SHOWS)}, eller använd 'data:'.")
    # the same section may be shown in two ways, but not twice the same way
    source = read_page_section(path, entry, item, seen.setdefault(str(show), {}),
                               extra={"show"}, slugs=slugs)
    return SectionSlide(source, show)


def load_decks(path: Path | str = SLIDES_FILE) -> tuple[Deck, ...]:
    """Read and check ``data/bildspel.yml`` (or ``path``)."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("decks"), list) or not raw["decks"]:
        raise DataFileError(path, "filen ska ha listan 'decks' med minst ett bildspel.",
                            fix="börja filen med 'decks:' och skriv varje bildspel som '- id: …'.")
    check_fields(path, raw, {"decks"}, "filen", required=("decks",))
    slugs = page_slugs()
    decks: list[Deck] = []
    ids: dict[str, int | None] = {}
    for number, entry in enumerate(raw["decks"], start=1):
        item = f"bildspel {number}"
        if not isinstance(entry, dict):
            raise DataFileError(path, "bildspelet är ingen mappning.", item=item,
                                fix="skriv bildspelet som '- id: …' med 'title', 'time' och 'slides'.")
        check_fields(path, entry, {"id", "title", "time", "slides"}, item,
                     required=("id", "title", "time", "slides"))
        line = entry.get(LINE)
        deck_id = text_field(path, entry, "id", item)
        if not ENTRY_ID.match(deck_id):
            raise DataFileError(path, f"id:t '{deck_id}' får bara innehålla a–z, 0–9 och bindestreck.",
                                item=item, line=line, fix="skriv till exempel 'id: genomgang'.")
        if deck_id in ids:
            raise DataFileError(path, f"id:t '{deck_id}' finns redan (rad {ids[deck_id]}).",
                                item=item, line=line, fix="ge varje bildspel ett eget id.")
        ids[deck_id] = line
        item = f"bildspel '{deck_id}'"
        slides = entry["slides"]
        if not isinstance(slides, list) or not slides:
            raise DataFileError(path, "listan 'slides' är tom eller ingen lista.", item=item,
                                line=line, fix="skriv varje bild som '- page: …' eller '- data: …'.")
        seen: dict[str, dict] = {}
        found = tuple(_slide(path, slide, f"{item}, bild {n}", seen, slugs)
                      for n, slide in enumerate(slides, start=1))
        decks.append(Deck(deck_id, text_field(path, entry, "title", item),
                          text_field(path, entry, "time", item), found))
    return tuple(decks)


@cache
def decks() -> tuple[Deck, ...]:
    """The decks of ``data/bildspel.yml`` (read once)."""
    return load_decks()
