"""Reading the course's YAML and CSV files with errors that say where and what to fix."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

#: Key added to every mapping read by :func:`load_yaml`: the 1-based line it starts on.
LINE = "__line__"

#: Ids of questions, prompts and other entries: lower-case letters and digits, joined by hyphens.
ENTRY_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class DataFileError(ValueError):
    """A data file is missing, does not parse or breaks a rule.

    The message names the file, the item (and line, where known) and the fix, in Swedish:
    the people who edit these files are the course's authors and teachers.
    """

    def __init__(self, path: Path | str, problem: str, *, item: str | None = None,
                 line: int | None = None, fix: str | None = None):
        self.path = Path(path)
        self.problem = problem
        self.item = item
        self.line = line
        self.fix = fix
        where = str(self.path)
        if line is not None:
            where += f", rad {line}"
        if item is not None:
            where += f", {item}"
        message = f"{where}: {problem}"
        if fix:
            message += f" Så här rättar du: {fix}"
        super().__init__(message)


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records the line each mapping starts on."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


def load_yaml(path: Path | str) -> Any:
    """Parse a YAML file; every mapping in the result carries its line under ``LINE``."""
    path = Path(path)
    if not path.is_file():
        raise DataFileError(path, "filen finns inte.",
                            fix="kontrollera namnet, eller skapa filen i mappen data/.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise DataFileError(path, f"filen är inte UTF-8 ({err.reason}).",
                            fix="spara filen som UTF-8.") from err
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        raise DataFileError(path, f"filen går inte att läsa som YAML ({err.problem}).",
                            line=line,
                            fix="kontrollera indrag, kolon och citattecken på den raden.") from err
    except yaml.YAMLError as err:
        raise DataFileError(path, f"filen går inte att läsa som YAML ({err}).") from err


def strip_lines(value: Any) -> Any:
    """Return ``value`` without the ``LINE`` keys that :func:`load_yaml` adds."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def text_field(path: Path | str, entry: dict, key: str, item: str, *, required: bool = True) -> str | None:
    """The text in ``entry[key]``, spaces collapsed; fail if it is missing or empty.

    With ``required=False`` a missing field gives None (an empty one still fails).
    """
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(path, f"fältet '{key}' saknas eller är tomt.", item=item,
                            line=entry.get(LINE), fix=f"skriv en text efter '{key}:'.")
    return " ".join(value.split())


def check_fields(path: Path | str, entry: dict, allowed: Collection[str], item: str, *,
                 required: Collection[str] = (), fix: str | None = None) -> None:
    """Fail when ``entry`` lacks a field in ``required`` or has one outside ``allowed``.

    ``fix`` replaces the default advice for an unknown field (which lists the allowed ones).
    """
    line = entry.get(LINE)
    missing = set(required) - set(entry)
    if missing:
        names = ", ".join(sorted(missing))
        raise DataFileError(path, f"fält saknas: {names}.", item=item, line=line,
                            fix=f"lägg till {names}.")
    unknown = set(entry) - set(allowed) - set(required) - {LINE}
    if unknown:
        names = ", ".join(sorted(map(str, unknown)))
        everything = ", ".join(sorted(set(allowed) | set(required)))
        raise DataFileError(path, f"okänt fält: {names}.", item=item, line=line,
                            fix=fix or f"tillåtna fält här är {everything}. Kontrollera stavningen.")


def entry_id(path: Path | str, entry: Any, number: int, seen: dict[str, int | None], *,
             example: str) -> str:
    """The id of the ``number``-th entry in a list: a mapping with a unique, well-formed id.

    ``seen`` maps the ids met so far to their lines; the new id is added. ``example`` is an
    id to suggest in the fix.
    """
    if not isinstance(entry, dict):
        raise DataFileError(path, f"fråga {number} är ingen mappning.", item=f"fråga {number}",
                            fix="börja frågan med '- id: …' och fortsätt med 'kind: …'.")
    line = entry.get(LINE)
    value = entry.get("id")
    if not isinstance(value, str) or not value:
        raise DataFileError(path, "frågan saknar 'id'.", item=f"fråga {number}", line=line,
                            fix=f"ge frågan ett unikt id, till exempel 'id: {example}'.")
    item = f"fråga '{value}'"
    if not ENTRY_ID.match(value):
        raise DataFileError(path, "id får bara innehålla a–z, 0–9 och bindestreck.", item=item,
                            line=line, fix=f"skriv till exempel 'id: {example}'.")
    if value in seen:
        raise DataFileError(path, f"id '{value}' används redan (rad {seen[value]}).", item=item,
                            line=line, fix="ge varje fråga ett eget id.")
    seen[value] = line
    return value
