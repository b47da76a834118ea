"""Tillitsprofil files: a learner's ratings as CSV, read and checked, and a group's combined.

A profile file is UTF-8 text with the header ``kannetecken,betyg`` and one row per
hallmark: its id and a whole number from 1 to 5. Lines starting with ``#`` are
comments. A comma, a semicolon (Excel with Swedish settings) or a tab separates the
two values. :func:`read_profile` reads one file and raises a :class:`ProfileFileError`
naming the file, the line and the fix; :func:`combine_profiles` gives the group profile::

    from widgets import combine_profiles
    group = combine_profiles(["anna.csv", "bo.csv", "cecilia.csv"])

A learner's answers file (``*.json``, format ``tillitskursen-svar``, "Spara mina svar som
fil") counts too: its ``profile`` is used, and a hallmark it leaves unrated is not counted.

The same rules run in the browser on *Lägg ihop profiler* (``static/combine.js``): each refusal
has a ``reason`` code, and one table of cases (``tests/tables/profiles.json``) checks that
Python and JavaScript read every file alike and compute the same group profile.
"""

from __future__ import annotations

import csv
import json
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
_INTEGER = re.compile(r"^[+]?[0-9]+$")
_LINES = re.compile(r"\r\n|\r|\n")
#: The largest profile file read (a real one is about 100 bytes).
PROFILE_MAX_BYTES = 64 * 1024
#: The largest answers file read (the format's own limit).
ANSWERS_MAX_BYTES = 1024 * 1024
#: The ``format`` of a learner's answers file.
ANSWERS_FORMAT = "tillitskursen-svar"


class ProfileFileError(DataFileError):
    """A file that is not a usable profile; ``reason`` is the code ``combine.js`` also uses."""

    def __init__(self, path, problem, *, reason: str, **kwargs):
        super().__init__(path, problem, **kwargs)
        self.reason = reason


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


def _decode(path: Path, data: bytes, limit: int) -> str:
    """The text of a profile or answers file, or a :class:`ProfileFileError`."""
    if len(data) > limit:
        raise ProfileFileError(path, f"filen är för stor ({len(data)} byte, högst {limit}).",
                               reason="too_large", fix=_FIX_EXPORT)
    if not data.strip():
        raise ProfileFileError(path, "filen är tom.", reason="empty", fix=_FIX_EXPORT)
    try:
        if b"\x00" in data:  # UTF-16 (with or without a byte order mark) or a binary file
            raise UnicodeDecodeError("utf-8", data, 0, 1, "NUL byte")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ProfileFileError(path, "filen är ingen text i UTF-8 (den kan vara sparad som "
                                     "UTF-16 eller Latin-1, eller vara något annat än en profil).",
                               reason="encoding",
                               fix=_FIX_EXPORT + " Har du öppnat den i ett kalkylprogram: spara "
                                                 "den som CSV UTF-8.") from err


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise ProfileFileError(path, "filen finns inte.", reason="missing",
                               fix="kontrollera sökvägen och filnamnet.")
    return path.read_bytes()


def _err(path: Path, problem: str, reason: str, **kwargs) -> ProfileFileError:
    return ProfileFileError(path, problem, reason=reason, **kwargs)


def parse_profile(path: Path | str, data: bytes,
                  hallmarks: Hallmarks | None = None) -> dict[str, int]:
    """The ratings {id: int} of a profile file's bytes (every hallmark), or a
    :class:`ProfileFileError` naming the file, the line, the fix and a ``reason`` code."""
    path = Path(path)
    hallmarks = hallmarks or load_hallmarks()
    text = _decode(path, data, PROFILE_MAX_BYTES)
    header_line: int | None = None
    delimiter = ","
    ratings: dict[str, int] = {}
    seen: dict[str, int] = {}
    expected_header = ",".join(CSV_COLUMNS)
    for number, raw_line in enumerate(_LINES.split(text), start=1):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if header_line is None:
            delimiter = next((d for d in _DELIMITERS if d in line), ",")
            cells = [c.strip().lower() for c in next(csv.reader([line], delimiter=delimiter))]
            if tuple(cells) != CSV_COLUMNS:
                raise _err(path, f"filen har fel rubrikrad: '{line[:60]}'.", "header",
                           line=number,
                           fix=f"första raden ska vara '{expected_header}'. Är det "
                               "ingen profil från Tillitsprofilen: ta bort den ur listan.")
            header_line = number
            continue
        cells = [c.strip() for c in next(csv.reader([line], delimiter=delimiter))]
        if len(cells) != 2:
            raise _err(path, f"raden har {len(cells)} värden, men ska ha två: "
                             "kännetecken och betyg.", "columns", line=number,
                       fix="skriv till exempel 'tillit,4'.")
        hid, value = cells[0].lower(), cells[1]
        item = f"kännetecken '{cells[0]}'"
        if hid not in hallmarks.ids:
            raise _err(path, f"'{cells[0]}' är inget känt kännetecken.", "unknown_hallmark",
                       line=number, item=item, fix=f"använd ett av id:na {_ids_text(hallmarks)}.")
        if hid in seen:
            raise _err(path, f"kännetecknet finns redan på rad {seen[hid]}.", "repeated_hallmark",
                       line=number, item=item,
                       fix="ta bort den ena raden, så att varje kännetecken står en gång.")
        if not value:
            raise _err(path, "betyget saknas.", "no_rating", line=number, item=item,
                       fix=f"skriv ett heltal från 1 till {SCALE_STEPS} efter kommat.")
        if not _INTEGER.match(value):
            raise _err(path, f"betyget '{value}' är inget heltal.", "not_integer", line=number,
                       item=item, fix=f"skriv ett heltal från 1 till {SCALE_STEPS}.")
        rating = int(value)
        if not 1 <= rating <= SCALE_STEPS:
            raise _err(path, f"betyget {rating} ligger utanför skalan 1–{SCALE_STEPS}.",
                       "out_of_range", line=number, item=item,
                       fix=f"skriv ett heltal från 1 till {SCALE_STEPS}.")
        seen[hid] = number
        ratings[hid] = rating
    if header_line is None:
        raise _err(path, "filen har bara kommentarer och tomma rader.", "empty", fix=_FIX_EXPORT)
    missing = [h.name for h in hallmarks if h.id not in ratings]
    if missing:
        problem = ("filen har en rubrikrad men inga betyg." if not ratings
                   else f"betyg saknas för {', '.join(missing)}.")
        raise _err(path, problem, "missing_hallmarks", line=header_line,
                   fix="bedöm alla sju kännetecken i Tillitsprofilen och " + _FIX_EXPORT)
    return {i: ratings[i] for i in hallmarks.ids}


def parse_answers_profile(path: Path | str, data: bytes,
                          hallmarks: Hallmarks | None = None) -> dict[str, int]:
    """The profile {id: int} in a learner's answers file (``tillitskursen-svar``): the
    hallmarks the learner rated (at least one), or a :class:`ProfileFileError`."""
    path = Path(path)
    hallmarks = hallmarks or load_hallmarks()
    text = _decode(path, data, ANSWERS_MAX_BYTES)
    fix = ("be deltagaren spara filen igen med Spara mina svar som fil på sidan Min översikt, "
           "eller skicka Tillitsprofilen som CSV-fil.")
    try:
        raw = json.loads(text)
    except ValueError as err:
        raise _err(path, "filen är ingen läsbar JSON-fil.", "not_answers", fix=fix) from err
    if not isinstance(raw, dict) or raw.get("format") != ANSWERS_FORMAT:
        raise _err(path, f"filen är ingen svarsfil från Tillitskursen (format "
                         f"'{ANSWERS_FORMAT}' saknas).", "not_answers", fix=fix)
    if raw.get("version") != 1:
        raise _err(path, f"svarsfilen har version {raw.get('version')!r}, som den här sidan "
                         "inte kan läsa.", "answers_version", fix=fix)
    profile = raw.get("profile")
    if not isinstance(profile, dict) or not profile:
        raise _err(path, "svarsfilen har ingen tillitsprofil.", "no_profile",
                   fix="be deltagaren fylla i Tillitsprofilen i kapitel 3 och spara filen igen.")
    try:
        ratings = check_ratings(profile, hallmarks)
    except ValueError as err:
        raise _err(path, f"tillitsprofilen i svarsfilen går inte att läsa: {err}", "bad_profile",
                   fix=fix) from err
    return {i: ratings[i] for i in hallmarks.ids if i in ratings}


def read_profile(path: Path | str, hallmarks: Hallmarks | None = None) -> pd.Series:
    """One downloaded profile: a Series of ratings (int) by hallmark id, in the talk's order.

    The Series is named after the file (without ``.csv``). A file that is not a complete
    profile raises :class:`ProfileFileError` naming the file, the line and the fix.
    """
    path = Path(path)
    hallmarks = hallmarks or load_hallmarks()
    if path.is_file() and path.suffix.lower() != ".csv":
        raise _err(path, f"filen är ingen CSV-fil (filändelsen är '{path.suffix or 'ingen'}').",
                   "not_profile",
                   fix=_FIX_EXPORT + " Har du öppnat den i ett kalkylprogram: spara den som CSV.")
    ratings = parse_profile(path, _read_bytes(path), hallmarks)
    return pd.Series(list(ratings.values()), index=pd.Index(hallmarks.ids, name="id"),
                     name=path.stem, dtype="int64")


def read_any_profile(path: Path | str, hallmarks: Hallmarks | None = None) -> dict[str, int]:
    """The ratings in a profile CSV file or a learner's answers file (``.json``)."""
    path = Path(path)
    hallmarks = hallmarks or load_hallmarks()
    if path.suffix.lower() == ".json":
        return parse_answers_profile(path, _read_bytes(path), hallmarks)
    return read_profile(path, hallmarks).to_dict()


def combine_ratings(profiles: Iterable[Mapping[str, int]],
                    hallmarks: Hallmarks | None = None) -> pd.DataFrame:
    """The group profile of checked ratings ({id: int}, one mapping per person): per
    hallmark, the mean, the sample standard deviation (empty below two ratings), the lowest
    and highest rating and the count, with the columns :data:`GROUP_COLUMNS`. A hallmark
    nobody rated has count 0 and empty values."""
    hallmarks = hallmarks or load_hallmarks()
    rows = {}
    for hallmark in hallmarks:
        values = np.array([p[hallmark.id] for p in profiles if hallmark.id in p], dtype=float)
        count = len(values)
        rows[hallmark.id] = {
            "kännetecken": hallmark.name,
            "medel": values.mean() if count else np.nan,
            "std": values.std(ddof=1) if count > 1 else np.nan,
            "min": values.min() if count else np.nan,
            "max": values.max() if count else np.nan,
            "antal": count,
        }
    group = pd.DataFrame.from_dict(rows, orient="index")
    group.index.name = "id"
    return group[list(GROUP_COLUMNS)]


def combine_profiles(paths: Iterable[Path | str],
                     hallmarks: Hallmarks | None = None) -> pd.DataFrame:
    """The group profile of profile files (and answers files): see :func:`combine_ratings`.

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
            raise _err(path, "filen finns två gånger i listan.", "duplicate",
                       fix="ta med varje fil en gång.")
        seen.add(path.resolve())
    return combine_ratings([read_any_profile(p, hallmarks) for p in paths], hallmarks)
