"""The seven hallmarks (*kännetecken*) of trust-based governance: ``data/kannetecken.yml``.

Chapter 3 and Tillitsprofilen (:mod:`widgets.views.profile`) read the hallmarks from this one
file. :func:`load_hallmarks` validates it and fails with a :class:`DataFileError` that
names the file, the line, the hallmark and the fix::

    from widgets.content.hallmarks import load_hallmarks, show_overview, show_hallmark
    show_overview()              # a table: name and the talk's description
    show_hallmark("tillit")      # the talk's wording, what it asks of each level, …

The file has two lists: ``levels`` (the four levels of the chain of steering, with a
display name each) and ``hallmarks`` (exactly seven, in the talk's order). Each hallmark
has ``id``, ``name``, ``description`` (the talk's wording), ``sources`` (keys in
``book/references.bib``), ``asks`` (one text per level), ``example``, ``warning_sign``
and ``scale`` (five statements: what rating 1, 2, 3, 4 and 5 mean).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from widgets.content.data_files import ENTRY_ID, LINE, DataFileError, check_fields, load_yaml
from widgets.paths import BOOK, DATA

HALLMARKS_FILE = DATA / "kannetecken.yml"
BIBLIOGRAPHY = BOOK / "references.bib"

#: The steps of every hallmark's scale (ratings 1–5 in Tillitsprofilen).
SCALE_STEPS = 5

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
        raise KeyError(f"okänt kännetecken {hallmark_id!r}; finns: {', '.join(self.ids)}")

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
    if not levels:
        raise DataFileError(path, "'levels' är tom.", item="levels",
                            fix="lista nivåerna i styrkedjan uppifrån och ned som '- id: …' med 'name: …'.")
    seen: set[str] = set()
    for number, level in enumerate(levels, start=1):
        if not ENTRY_ID.match(level.id) or level.id in seen:
            raise DataFileError(path, f"nivå {number} har id '{level.id}', som är upptaget eller "
                                      "inte bara består av a–z, 0–9 och bindestreck.",
                                item=f"nivå {number}", line=raw[number - 1].get(LINE),
                                fix="ge varje nivå ett eget id, till exempel 'id: chefer'.")
        seen.add(level.id)
    return tuple(levels)


def _hallmark(path: Path, entry: Any, number: int, bib: frozenset[str],
              levels: tuple[str, ...], seen: dict[str, int | None]) -> Hallmark:
    if not isinstance(entry, dict):
        raise DataFileError(path, f"kännetecken {number} är ingen mappning.",
                            item=f"kännetecken {number}",
                            fix="börja med '- id: …' och fortsätt med 'name: …'.")
    line = entry.get(LINE)
    hid = entry.get("id")
    item = f"kännetecken '{hid}'" if isinstance(hid, str) and hid else f"kännetecken {number}"
    if not isinstance(hid, str) or not ENTRY_ID.match(hid):
        raise DataFileError(path, f"kännetecken {number} saknar ett giltigt id (bara a–z, 0–9 "
                                  "och bindestreck).", item=item, line=line,
                            fix="skriv till exempel 'id: tillit'. Ändra aldrig ett id som "
                                "redan används: det står i deltagarnas CSV-filer.")
    if hid in seen:
        raise DataFileError(path, f"id '{hid}' används redan (rad {seen[hid]}).", item=item,
                            line=line, fix="ge varje kännetecken ett eget id.")
    seen[hid] = line
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
                            fix="skriv '" + ": …', '".join(levels) + ": …' under 'asks:'.")
    missing = [level for level in levels if level not in asks]
    extra = sorted(set(asks) - set(levels) - {LINE})
    if missing or extra:
        problem = (f"'asks' saknar {', '.join(missing)}." if missing
                   else f"'asks' har okänd nivå {', '.join(map(str, extra))}.")
        raise DataFileError(path, problem, item=item, line=asks.get(LINE, line),
                            fix="skriv en text för var och en av nivåerna "
                                + ", ".join(levels) + ".")
    asks_text = {level: _text(path, asks, level, f"{item}, nivå '{level}'", line)
                 for level in levels}

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
    if not entries:
        raise DataFileError(path, "'hallmarks' är tom.", item="hallmarks",
                            fix="lista kännetecknen i föredragets ordning som '- id: …'.")
    bib = _bibliography_keys(BIBLIOGRAPHY)
    level_ids = tuple(level.id for level in levels)
    seen: dict[str, int | None] = {}
    hallmarks = tuple(_hallmark(path, entry, number, bib, level_ids, seen)
                      for number, entry in enumerate(entries, start=1))
    return Hallmarks(levels, hallmarks, path)
