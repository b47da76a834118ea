"""Reading the course's YAML and CSV files with errors that say where and what to fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: Key added to every mapping read by :func:`load_yaml`: the 1-based line it starts on.
LINE = "__line__"


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
