"""The talk's six relations for trust (chapter 2): ``data/relationer.yml``.

The chart of the chain of governance (:mod:`widgets.figures.governance_chain`) and the
personal plan (``options_from: relationer`` in ``data/mina-nasta-steg.yml``) read the
relations from this one file. :func:`load_relations` checks its shape: numbers 1, 2, 3 …
in order, and no empty text. That the texts are the talk's own is a test against the talk.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from widgets.content.data_files import LINE, DataFileError, check_fields, load_yaml
from widgets.paths import DATA

RELATIONS_FILE = DATA / "relationer.yml"
_FIELDS = {"number", "talk", "label"}


@dataclass(frozen=True)
class Relation:
    """One relation: its number, the talk's words, and the short label of the chart."""

    number: int
    talk: str
    label: str  # may contain a line break (the chart's layout)

    @property
    def text(self) -> str:
        """The label on one line, as a reader would say it."""
        return " ".join(self.label.split())


def _text(path: Path, entry: dict, key: str, item: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(path, f"fältet '{key}' saknas eller är tomt.", item=item,
                            line=entry.get(LINE), fix=f"skriv en text efter '{key}:'.")
    return value.strip()


def load_relations(path: Path | str = RELATIONS_FILE) -> tuple[Relation, ...]:
    """Read and check ``data/relationer.yml`` (or ``path``)."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, dict) or not isinstance(raw.get("relations"), list) or not raw["relations"]:
        raise DataFileError(path, "filen ska ha en lista 'relations' med minst en relation.",
                            fix="börja filen med 'relations:' och skriv varje relation som "
                                "'- number: 1' med 'talk: …' och 'label: …'.")
    relations = []
    for expected, entry in enumerate(raw["relations"], start=1):
        item = f"relation {expected}"
        if not isinstance(entry, dict):
            raise DataFileError(path, "relationen är ingen mappning.", item=item,
                                fix="skriv relationen som '- number: …' med 'talk: …' och 'label: …'.")
        check_fields(path, entry, _FIELDS, item, required=_FIELDS)
        if entry["number"] != expected:
            raise DataFileError(path, f"numret är {entry['number']!r}, men relationerna ska vara "
                                      f"numrerade 1, 2, 3 … i ordning; här väntas {expected}.",
                                item=item, line=entry.get(LINE),
                                fix=f"skriv 'number: {expected}', eller flytta relationen.")
        relations.append(Relation(expected, _text(path, entry, "talk", item),
                                  _text(path, entry, "label", item)))
    return tuple(relations)


@cache
def relations() -> tuple[Relation, ...]:
    """The relations of ``data/relationer.yml`` (read once)."""
    return load_relations()
