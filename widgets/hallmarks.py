"""The seven hallmarks (*kännetecken*) of trust-based governance: ``data/kannetecken.yml``.

Chapter 3 and Tillitsprofilen (:mod:`widgets.profile`) read the hallmarks from this one
file. :func:`load_hallmarks` validates it and fails with a :class:`DataFileError` that
names the file, the line, the hallmark and the fix::

    from widgets.hallmarks import load_hallmarks, show_overview, show_hallmark
    show_overview()              # a table: name and the talk's description
    show_hallmark("tillit")      # the talk's wording, what it asks of each level, …

The file has two lists: ``levels`` (the four levels of the chain of steering, with a
display name each) and ``hallmarks`` (exactly seven, in the talk's order). Each hallmark
has ``id``, ``name``, ``description`` (the talk's wording), ``sources`` (keys in
``book/references.bib``), ``asks`` (one text per level), ``example``, ``warning_sign``
and ``scale`` (five statements: what rating 1, 2, 3, 4 and 5 mean).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import HTML

from widgets.data_files import LINE, DataFileError, check_fields, load_yaml
from widgets.paths import BOOK, DATA
from widgets.tables import html_table

HALLMARKS_FILE = DATA / "kannetecken.yml"
BIBLIOGRAPHY = BOOK / "references.bib"

#: The hallmarks' ids in the talk's order. The ids are the keys of Tillitsprofilen's CSV
#: files, so they never change (and they are plain ASCII).
ORDER = ("tillit", "medborgarfokus", "helhetssyn", "handlingsutrymme", "stod", "kunskap",
         "oppenhet")
#: The talk's names, for error messages.
TALK_NAMES = ("Tillit", "Medborgarfokus", "Helhetssyn", "Handlingsutrymme", "Stöd", "Kunskap",
              "Öppenhet")
#: The levels of the chain of steering that every hallmark speaks to, top down.
LEVELS = ("politiker", "forvaltningsledning", "chefer", "medarbetare")
SCALE_STEPS = 5

#: Swedish labels of the chapter's tables (static HTML, not widget text: the words the
#: widgets show live in widgets/ui_text.py).
LABELS = {
    "overview_caption": "De sju kännetecknen för tillitsbaserad styrning och ledning",
    "col_hallmark": "Kännetecken",
    "col_description": "Beskrivning i föredraget",
    "col_level": "Nivå",
    "col_asks": "Vad kännetecknet kräver",
    "asks_caption": "{name}: vad kännetecknet kräver på varje nivå",
    "card_example": "Exempel:",
    "card_warning": "Varningstecken:",
    "card_warning_icon": "⚠",
}

_HALLMARK_FIELDS = {"id", "name", "description", "sources", "asks", "example", "warning_sign",
                    "scale"}
_LEVEL_FIELDS = {"id", "name"}
_BIB_KEY = re.compile(r"^@\w+\{([^,\s]+),", re.MULTILINE)


@dataclass(frozen=True)
class Level:
    id: str
    name: str


@dataclass(frozen=True)
class Hallmark:
    """One validated hallmark."""

    id: str
    name: str
    description: str
    sources: tuple[str, ...]
    asks: dict[str, str]
    example: str
    warning_sign: str
    scale: tuple[str, ...]
    line: int | None = None

    def to_state(self) -> dict[str, Any]:
        """What Tillitsprofilen's view needs: id, name, description and the scale."""
        return {"id": self.id, "name": self.name, "description": self.description,
                "scale": list(self.scale)}


@dataclass(frozen=True)
class Hallmarks:
    """The file's content: the four levels and the seven hallmarks, in order."""

    levels: tuple[Level, ...]
    hallmarks: tuple[Hallmark, ...]
    path: Path

    def __iter__(self):
        return iter(self.hallmarks)

    def __len__(self) -> int:
        return len(self.hallmarks)

    def get(self, hallmark_id: str) -> Hallmark:
        for hallmark in self.hallmarks:
            if hallmark.id == hallmark_id:
                return hallmark
        raise KeyError(f"okänt kännetecken {hallmark_id!r}; finns: {', '.join(ORDER)}")

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(h.id for h in self.hallmarks)


def _text(path: Path, entry: dict, key: str, item: str, line: int | None = None) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(path, f"fältet '{key}' saknas eller är tomt.", item=item,
                            line=entry.get(LINE, line), fix=f"skriv en text efter '{key}:'.")
    return " ".join(value.split())


@cache
def _bibliography_keys(path: Path) -> frozenset[str]:
    if not path.is_file():
        return frozenset()
    return frozenset(_BIB_KEY.findall(path.read_text(encoding="utf-8")))


def _levels(path: Path, raw: Any) -> tuple[Level, ...]:
    if not isinstance(raw, list):
        raise DataFileError(path, "'levels' saknas eller är ingen lista.", item="levels",
                            fix="lista nivåerna som '- id: politiker' med 'name: …' under.")
    levels = []
    for number, entry in enumerate(raw, start=1):
        item = f"nivå {number}"
        if not isinstance(entry, dict):
            raise DataFileError(path, "nivån är ingen mappning.", item=item,
                                fix="skriv nivån som '- id: …' med 'name: …' under.")
        check_fields(path, entry, (), item, required=_LEVEL_FIELDS)
        levels.append(Level(_text(path, entry, "id", item), _text(path, entry, "name", item)))
    ids = tuple(level.id for level in levels)
    if ids != LEVELS:
        raise DataFileError(path, f"nivåerna ska vara {', '.join(LEVELS)} i den ordningen, "
                                  f"men är {', '.join(ids) or 'inga'}.",
                            item="levels", line=raw[0].get(LINE) if raw else None,
                            fix="använd exakt de fyra id:na uppifrån och ned i styrkedjan.")
    return tuple(levels)


def _hallmark(path: Path, entry: Any, number: int, bib: frozenset[str]) -> Hallmark:
    expected, talk_name = ORDER[number - 1], TALK_NAMES[number - 1]
    if not isinstance(entry, dict):
        raise DataFileError(path, f"kännetecken {number} är ingen mappning.",
                            item=f"kännetecken {number}",
                            fix=f"börja med '- id: {expected}' och fortsätt med 'name: …'.")
    line = entry.get(LINE)
    hid = entry.get("id")
    item = f"kännetecken '{hid}'" if isinstance(hid, str) and hid else f"kännetecken {number}"
    if hid != expected:
        where = f"'{hid}'" if hid else "inget id"
        raise DataFileError(path, f"kännetecken {number} har {where}, men i föredragets ordning "
                                  f"ska nummer {number} vara {talk_name} (id '{expected}').",
                            item=item, line=line,
                            fix="ordningen är " + ", ".join(ORDER) + ". Flytta eller rätta "
                                "posten; ändra aldrig ett id, det står i deltagarnas CSV-filer.")
    check_fields(path, entry, (), item, required=_HALLMARK_FIELDS)
    name = _text(path, entry, "name", item)
    description = _text(path, entry, "description", item)
    example = _text(path, entry, "example", item)
    warning = _text(path, entry, "warning_sign", item)

    sources = entry["sources"]
    if (not isinstance(sources, list) or not sources
            or not all(isinstance(s, str) and s for s in sources)):
        raise DataFileError(path, "'sources' ska vara en lista med nycklar ur references.bib.",
                            item=item, line=line, fix="skriv till exempel "
                                                      "'sources: [feuk_foredrag]'.")
    unknown = [s for s in sources if bib and s not in bib]
    if unknown:
        raise DataFileError(path, f"källan {', '.join(unknown)} finns inte i "
                                  f"{BIBLIOGRAPHY.name}.", item=item, line=line,
                            fix="rätta nyckeln, eller lägg först till källan sist i "
                                "book/references.bib.")

    asks = entry["asks"]
    if not isinstance(asks, dict):
        raise DataFileError(path, "'asks' ska ha en text per nivå.", item=item, line=line,
                            fix="skriv '" + ": …', '".join(LEVELS) + ": …' under 'asks:'.")
    missing = [level for level in LEVELS if level not in asks]
    extra = sorted(set(asks) - set(LEVELS) - {LINE})
    if missing or extra:
        problem = (f"'asks' saknar {', '.join(missing)}." if missing
                   else f"'asks' har okänd nivå {', '.join(map(str, extra))}.")
        raise DataFileError(path, problem, item=item, line=asks.get(LINE, line),
                            fix="skriv en text för var och en av nivåerna "
                                + ", ".join(LEVELS) + ".")
    asks_text = {level: _text(path, asks, level, f"{item}, nivå '{level}'", line)
                 for level in LEVELS}

    scale = entry["scale"]
    if not isinstance(scale, list) or len(scale) != SCALE_STEPS:
        count = len(scale) if isinstance(scale, list) else "inga"
        raise DataFileError(path, f"'scale' ska ha exakt {SCALE_STEPS} påståenden "
                                  f"(för betyg 1 till {SCALE_STEPS}), men har {count}.",
                            item=item, line=line,
                            fix="skriv fem rader under 'scale:', från 1 (svagast) till 5 "
                                "(starkast), var och en som '- Påstående.'.")
    steps = []
    for step, statement in enumerate(scale, start=1):
        if not isinstance(statement, str) or not statement.strip():
            raise DataFileError(path, f"steg {step} i 'scale' är tomt eller ingen text.",
                                item=item, line=line,
                                fix="skriv ett kort påstående för varje steg.")
        steps.append(" ".join(statement.split()))
    if len(set(steps)) != SCALE_STEPS:
        raise DataFileError(path, "två steg i 'scale' har samma text.", item=item, line=line,
                            fix="varje steg ska beskriva en egen nivå.")
    return Hallmark(hid, name, description, tuple(sources), asks_text, example, warning,
                    tuple(steps), line)


def load_hallmarks(path: Path | str = HALLMARKS_FILE) -> Hallmarks:
    """Read and validate ``data/kannetecken.yml`` (or ``path``)."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise DataFileError(path, "filen ska ha två delar: 'levels' och 'hallmarks'.",
                            fix="börja filen med 'levels:' och sedan 'hallmarks:'.")
    unknown = set(raw) - {"levels", "hallmarks", LINE}
    if unknown:
        raise DataFileError(path, f"okänd del: {', '.join(sorted(map(str, unknown)))}.",
                            fix="filen har bara delarna 'levels' och 'hallmarks'.")
    levels = _levels(path, raw.get("levels"))
    entries = raw.get("hallmarks")
    if not isinstance(entries, list):
        raise DataFileError(path, "'hallmarks' saknas eller är ingen lista.", item="hallmarks",
                            fix="lista kännetecknen under 'hallmarks:' som '- id: tillit' osv.")
    if len(entries) != len(ORDER):
        raise DataFileError(path, f"det ska finnas exakt {len(ORDER)} kännetecken, men det "
                                  f"finns {len(entries)}.", item="hallmarks",
                            line=entries[0].get(LINE) if entries and
                            isinstance(entries[0], dict) else None,
                            fix="föredraget har sju: " + ", ".join(TALK_NAMES) + ".")
    bib = _bibliography_keys(BIBLIOGRAPHY)
    hallmarks = tuple(_hallmark(path, entry, number, bib)
                      for number, entry in enumerate(entries, start=1))
    return Hallmarks(levels, hallmarks, path)


# --- Chapter output -------------------------------------------------------------------------

def overview_html(hallmarks: Hallmarks | None = None) -> str:
    """A table of the seven hallmarks: name and the talk's description."""
    hallmarks = hallmarks or load_hallmarks()
    t = LABELS
    frame = pd.DataFrame({t["col_hallmark"]: [h.name for h in hallmarks],
                          t["col_description"]: [h.description for h in hallmarks]})
    return html_table(frame, t["overview_caption"], row_headers=True)


def hallmark_html(hallmark_id: str, hallmarks: Hallmarks | None = None) -> str:
    """One hallmark: the talk's wording, what it asks of each level, an example, a warning sign."""
    hallmarks = hallmarks or load_hallmarks()
    hallmark = hallmarks.get(hallmark_id)
    t = LABELS
    esc = html.escape
    frame = pd.DataFrame({
        t["col_level"]: [level.name for level in hallmarks.levels],
        t["col_asks"]: [hallmark.asks[level.id] for level in hallmarks.levels],
    })
    table = html_table(frame, t["asks_caption"].format(name=hallmark.name), row_headers=True)
    return (
        f'<div class="tk-hallmark" data-hallmark="{esc(hallmark.id)}">'
        f'<blockquote class="tk-hallmark-quote"><p>{esc(hallmark.description)}</p></blockquote>'
        f"{table}"
        f'<p class="tk-hallmark-example"><strong>{esc(t["card_example"])}</strong> '
        f"{esc(hallmark.example)}</p>"
        f'<p class="tk-hallmark-warning"><span aria-hidden="true">{esc(t["card_warning_icon"])}'
        f'</span> <strong>{esc(t["card_warning"])}</strong> {esc(hallmark.warning_sign)}</p>'
        "</div>"
    )


def show_overview() -> HTML:
    """Display :func:`overview_html` (the value of a notebook cell)."""
    return HTML(overview_html())


def show_hallmark(hallmark_id: str) -> HTML:
    """Display :func:`hallmark_html` for one hallmark (the value of a notebook cell)."""
    return HTML(hallmark_html(hallmark_id))
