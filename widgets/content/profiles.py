"""Tillitsprofil files: a learner's ratings as CSV, read and checked, and a group's combined.

A profile file is UTF-8 text with the header ``kannetecken,betyg`` and one row per
hallmark: its id and a whole number from 1 to 5. Lines starting with ``#`` are
comments. A comma, a semicolon (Excel with Swedish settings) or a tab separates the
two values. :func:`read_profile` reads one file and raises a :class:`DataFileError`
naming the file, the line and the fix; :func:`combine_profiles` gives the group profile::

    from widgets import combine_profiles
    group = combine_profiles(["anna.csv", "bo.csv", "cecilia.csv"])
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from widgets.content.data_files import DataFileError
from widgets.content.hallmarks import SCALE_STEPS, Hallmarks, load_hallmarks

#: The header of a profile file, shared with the view (``csv_columns``).
CSV_COLUMNS = ("kannetecken", "betyg")
#: The columns of :func:`combine_profiles`, in order (an API: code may use them).
GROUP_COLUMNS = ("kännetecken", "medel", "std", "min", "max", "antal")
_DELIMITERS = (",", ";", "\t")
_INTEGER = re.compile(r"^[+]?\d+$")


def _ids_text(hallmarks: Hallmarks) -> str:
    return ", ".join(hallmarks.ids)


def check_ratings(ratings: Mapping, hallmarks: Hallmarks) -> dict[str, int]:
    """Ratings as {id: int}; a ``ValueError`` in Swedish for an unknown id or a bad value.

    profile.js ``cleanRatings`` keeps the same ratings (and drops what this refuses); a whole
    number written as ``3.0`` is 3 on both sides (JSON cannot tell them apart)."""
    checked: dict[str, int] = {}
    for key, value in ratings.items():
        if key not in hallmarks.ids:
            raise ValueError(f"okänt kännetecken {key!r}. Giltiga id:n: {_ids_text(hallmarks)}.")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ValueError(f"betyget för {key!r} ska vara ett heltal från 1 till "
                             f"{SCALE_STEPS}, inte {value!r}.")
        if not 1 <= int(value) <= SCALE_STEPS:
            raise ValueError(f"betyget för {key!r} ska vara från 1 till {SCALE_STEPS}, "
                             f"inte {value}.")
        checked[key] = int(value)
    return checked


_FIX_EXPORT = ("ladda ner profilen igen med knappen Ladda ner som CSV i kapitel 3, "
               "och skicka filen som den är.")


def _decode(path: Path) -> str:
    if not path.is_file():
        raise DataFileError(path, "filen finns inte.",
                            fix="kontrollera sökvägen och filnamnet.")
    if path.suffix.lower() != ".csv":
        raise DataFileError(path, f"filen är ingen CSV-fil (filändelsen är "
                                  f"'{path.suffix or 'ingen'}').",
                            fix=_FIX_EXPORT + " Har du öppnat den i ett kalkylprogram: spara "
                                              "den som CSV.")
    data = path.read_bytes()
    if not data.strip():
        raise DataFileError(path, "filen är tom.", fix=_FIX_EXPORT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataFileError(path, "filen är ingen text i UTF-8 (den kan vara ett kalkylark "
                                  "eller något annat än en profil).", fix=_FIX_EXPORT) from err


def read_profile(path: Path | str, hallmarks: Hallmarks | None = None) -> pd.Series:
    """One downloaded profile: a Series of ratings (int) by hallmark id, in the talk's order.

    The Series is named after the file (without ``.csv``). A file that is not a complete
    profile raises :class:`DataFileError` naming the file, the line and the fix.
    """
    path = Path(path)
    hallmarks = hallmarks or load_hallmarks()
    text = _decode(path)
    header_line: int | None = None
    delimiter = ","
    ratings: dict[str, int] = {}
    seen: dict[str, int] = {}
    expected_header = ",".join(CSV_COLUMNS)
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if header_line is None:
            delimiter = next((d for d in _DELIMITERS if d in line), ",")
            cells = [c.strip().lower() for c in next(csv.reader([line], delimiter=delimiter))]
            if tuple(cells) != CSV_COLUMNS:
                raise DataFileError(path, f"filen har fel rubrikrad: '{line[:60]}'.",
                                    line=number,
                                    fix=f"första raden ska vara '{expected_header}'. Är det "
                                        "ingen profil från Tillitsprofilen: ta bort den ur "
                                        "listan.")
            header_line = number
            continue
        cells = [c.strip() for c in next(csv.reader([line], delimiter=delimiter))]
        if len(cells) != 2:
            raise DataFileError(path, f"raden har {len(cells)} värden, men ska ha två: "
                                      "kännetecken och betyg.", line=number,
                                fix="skriv till exempel 'tillit,4'.")
        hid, value = cells[0].lower(), cells[1]
        item = f"kännetecken '{cells[0]}'"
        if hid not in hallmarks.ids:
            raise DataFileError(path, f"'{cells[0]}' är inget känt kännetecken.", line=number,
                                item=item, fix=f"använd ett av id:na {_ids_text(hallmarks)}.")
        if hid in seen:
            raise DataFileError(path, f"kännetecknet finns redan på rad {seen[hid]}.",
                                line=number, item=item,
                                fix="ta bort den ena raden, så att varje kännetecken står en "
                                    "gång.")
        if not value:
            raise DataFileError(path, "betyget saknas.", line=number, item=item,
                                fix=f"skriv ett heltal från 1 till {SCALE_STEPS} efter kommat.")
        if not _INTEGER.match(value):
            raise DataFileError(path, f"betyget '{value}' är inget heltal.", line=number,
                                item=item, fix=f"skriv ett heltal från 1 till {SCALE_STEPS}.")
        rating = int(value)
        if not 1 <= rating <= SCALE_STEPS:
            raise DataFileError(path, f"betyget {rating} ligger utanför skalan 1–{SCALE_STEPS}.",
                                line=number, item=item,
                                fix=f"skriv ett heltal från 1 till {SCALE_STEPS}.")
        seen[hid] = number
        ratings[hid] = rating
    if header_line is None:
        raise DataFileError(path, "filen har bara kommentarer och tomma rader.", fix=_FIX_EXPORT)
    missing = [h.name for h in hallmarks if h.id not in ratings]
    if missing:
        problem = ("filen har en rubrikrad men inga betyg." if not ratings
                   else f"betyg saknas för {', '.join(missing)}.")
        raise DataFileError(path, problem, line=header_line,
                            fix="bedöm alla sju kännetecken i Tillitsprofilen och "
                                + _FIX_EXPORT)
    return pd.Series([ratings[i] for i in hallmarks.ids], index=pd.Index(hallmarks.ids, name="id"),
                     name=path.stem, dtype="int64")


def combine_profiles(paths: Iterable[Path | str],
                     hallmarks: Hallmarks | None = None) -> pd.DataFrame:
    """The group profile: per hallmark, the mean, spread (std, min, max) and count.

    One row per hallmark in the talk's order, indexed by id, with the columns
    :data:`GROUP_COLUMNS`. ``std`` is the sample standard deviation (empty for one file).
    """
    hallmarks = hallmarks or load_hallmarks()
    paths = [Path(p) for p in paths]
    if not paths:
        raise ValueError("combine_profiles behöver minst en profilfil, till exempel "
                         "combine_profiles(['anna.csv', 'bo.csv']).")
    seen: set[Path] = set()
    for path in paths:
        if path.resolve() in seen:
            raise DataFileError(path, "filen finns två gånger i listan.",
                                fix="ta med varje fil en gång.")
        seen.add(path.resolve())
    ratings = pd.concat([read_profile(p, hallmarks) for p in paths], axis=1)
    group = pd.DataFrame({
        "kännetecken": [h.name for h in hallmarks],
        "medel": ratings.mean(axis=1).to_numpy(),
        "std": ratings.std(axis=1, ddof=1).to_numpy(),
        "min": ratings.min(axis=1).to_numpy(),
        "max": ratings.max(axis=1).to_numpy(),
        "antal": ratings.count(axis=1).to_numpy(),
    }, index=pd.Index(hallmarks.ids, name="id"))
    return group[list(GROUP_COLUMNS)]
