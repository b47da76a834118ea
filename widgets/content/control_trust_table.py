"""The talk's table of control- and trust-based governance: ``data/styrning-kontroll-tillit.csv``.

Chapter 4 (*Kontroll eller tillit?*) shows the table. :func:`load_table` reads the CSV
with pandas, checks it and returns a DataFrame; every problem raises a
:class:`~widgets.content.data_files.DataFileError` that names the file, the line and the fix::

    from widgets import for_display, load_table, show_table
    show_table(for_display(load_table()), caption="…", row_headers=True)

The file has ``#`` comment lines at the top (the source), then a header row with the
columns ``dimension``, ``kontrollbaserad`` and ``tillitsbaserad``, then exactly seven rows:
one per dimension, in the talk's order, each dimension once. No cell may be empty.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from widgets.content.data_files import DataFileError
from widgets.paths import DATA

TABLE_FILE = DATA / "styrning-kontroll-tillit.csv"

#: The file's columns, in display order.
COLUMNS = ("dimension", "kontrollbaserad", "tillitsbaserad")
#: Column headings a reader sees (the talk's own headings for the two kinds of governance).
HEADINGS = {
    "dimension": "Dimension",
    "kontrollbaserad": "Kontrollbaserad styrning",
    "tillitsbaserad": "Tillitsbaserad styrning",
}

_PANDAS_LINE = re.compile(r"line (\d+)")


def _data_lines(path: Path) -> list[tuple[int, str]]:
    """The file's lines that are not comments or blank, each with its 1-based line number."""
    if not path.is_file():
        raise DataFileError(path, "filen finns inte.",
                            fix="kontrollera namnet, eller skapa filen i mappen data/ "
                                "(se kommentaren överst i widgets/control_trust_table.py).")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataFileError(path, f"filen är inte UTF-8 ({err.reason}).",
                            fix="spara filen som UTF-8.") from err
    return [(number, line) for number, line in enumerate(text.splitlines(), start=1)
            if line.strip() and not line.lstrip().startswith("#")]


def _read(path: Path, lines: list[tuple[int, str]]) -> pd.DataFrame:
    if not lines:
        raise DataFileError(path, "filen har ingen rubrikrad och inga rader.",
                            fix=f"skriv rubrikraden '{','.join(COLUMNS)}' och sedan en rad per "
                                "dimension.")
    try:
        frame = pd.read_csv(io.StringIO("\n".join(line for _, line in lines)), dtype=str,
                            keep_default_na=False, skip_blank_lines=False)
    except pd.errors.ParserError as err:
        found = _PANDAS_LINE.search(str(err))
        line = lines[int(found.group(1)) - 1][0] if found and \
            int(found.group(1)) <= len(lines) else None
        raise DataFileError(path, "raden har fler celler än rubrikraden.", line=line,
                            fix="en cell som innehåller kommatecken ska stå inom raka "
                                "citattecken, till exempel \"Snäva, personliga\".") from err
    if len(frame) != len(lines) - 1:
        raise DataFileError(path, "en cell sträcker sig över flera rader, eller ett "
                                  "citattecken saknar sin partner.",
                            fix="skriv varje rad i tabellen på en egen rad i filen och "
                                "kontrollera att varje \" har en partner.")
    return frame


def _check_columns(path: Path, frame: pd.DataFrame, header_line: int) -> pd.DataFrame:
    frame = frame.rename(columns=lambda name: str(name).strip())
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        names = ", ".join(f"'{c}'" for c in missing)
        raise DataFileError(path, f"kolumn saknas i rubrikraden: {names}.", line=header_line,
                            fix=f"rubrikraden ska vara '{','.join(COLUMNS)}'.")
    unknown = [str(c) for c in frame.columns if c not in COLUMNS]
    if unknown:
        names = ", ".join(f"'{c}'" for c in unknown)
        raise DataFileError(path, f"okänd kolumn i rubrikraden: {names}.", line=header_line,
                            fix=f"rubrikraden ska vara '{','.join(COLUMNS)}'. Kontrollera "
                                "stavningen och att ingen rad har ett kommatecken för mycket.")
    return frame[list(COLUMNS)]


def _check_cells(path: Path, frame: pd.DataFrame, rows: list[int]) -> pd.DataFrame:
    frame = frame.copy()
    for column in COLUMNS:
        for index, value in frame[column].items():
            text = " ".join(value.split()) if isinstance(value, str) else ""
            if not text:
                dimension = frame.at[index, "dimension"]
                item = (f"dimension '{dimension.strip()}'"
                        if column != "dimension" and isinstance(dimension, str)
                        and dimension.strip() else None)
                raise DataFileError(path, f"cellen i kolumnen '{column}' är tom.",
                                    line=rows[index], item=item,
                                    fix="skriv föredragets text i cellen, eller ta bort raden "
                                        "om den är tom.")
            if '"' in text:
                raise DataFileError(path, f"cellen i kolumnen '{column}' innehåller ett "
                                          "citattecken som inte hör till cellens gränser.",
                                    line=rows[index],
                                    fix="sätt raka citattecken bara runt en hel cell, ett i "
                                        "början och ett i slutet, till exempel "
                                        "\"Snäva, personliga\".")
            frame.at[index, column] = text
    return frame


def _check_dimensions(path: Path, frame: pd.DataFrame, rows: list[int]) -> None:
    """Each dimension once. (That they are the talk's seven, in its order, is a test.)"""
    seen: dict[str, int] = {}
    for index, dimension in frame["dimension"].items():
        line = rows[index]
        if dimension in seen:
            raise DataFileError(path, f"dimensionen '{dimension}' finns två gånger (också på "
                                      f"rad {seen[dimension]}).", line=line,
                                fix="ta bort den ena raden, så att varje dimension står en "
                                    "gång.")
        seen[dimension] = line


def load_table(path: Path | str = TABLE_FILE) -> pd.DataFrame:
    """Read and check the table; the seven rows in the talk's order, columns :data:`COLUMNS`.

    Raises :class:`DataFileError` (file, line, problem and fix, in Swedish) if the file is
    missing, a column is missing or unknown, a cell is empty, or a dimension is unknown,
    repeated, missing or out of order.
    """
    path = Path(path)
    lines = _data_lines(path)
    frame = _read(path, lines)
    rows = [number for number, _ in lines[1:]]
    frame = _check_columns(path, frame, lines[0][0])
    frame = _check_cells(path, frame, rows)
    _check_dimensions(path, frame, rows)
    return frame.reset_index(drop=True)
