"""The prompts of *Mina nästa steg* (``data/mina-nasta-steg.yml``) and the checks on answers.

:func:`load_prompts` validates the file and raises a :class:`DataFileError` naming the file,
line, prompt and fix. :func:`check_answers` checks answers in the view's form. The widget
that shows the plan is :class:`widgets.views.plan.PersonalPlan`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.content.data_files import LINE, DataFileError, check_fields, entry_id, load_yaml
from widgets.paths import DATA

PLAN_FILE = DATA / "mina-nasta-steg.yml"
KINDS = ("text", "choices")
#: Where the options of a choice prompt can come from, besides a list in the file.
OPTION_SOURCES = ("kannetecken", "relationer")
#: The longest answer a text prompt takes (characters); the view stops typing there.
MAX_LENGTH = 2000
DEFAULT_ROWS = 3
ROWS_RANGE = (2, 12)

_FIELDS = {"id", "kind", "label", "help", "rows", "options", "options_from"}
_FIX_FIELDS = "se kommentaren överst i data/mina-nasta-steg.yml."


@dataclass(frozen=True)
class Prompt:
    """One validated prompt of the plan."""

    id: str
    kind: str
    label: str
    help: str = ""
    rows: int = DEFAULT_ROWS
    options: tuple[str, ...] = ()
    line: int | None = None

    def to_state(self) -> dict[str, Any]:
        """What the view needs (no line numbers)."""
        state: dict[str, Any] = {"id": self.id, "kind": self.kind, "label": self.label,
                                 "help": self.help}
        if self.kind == "text":
            state["rows"] = self.rows
        else:
            state["options"] = list(self.options)
        return state


def _option_source(name: str) -> tuple[str, ...]:
    """The option texts of a named source (imported here: they are heavier modules)."""
    if name == "kannetecken":
        from widgets.content.hallmarks import load_hallmarks

        return tuple(h.name for h in load_hallmarks())
    from widgets.content.relations import relations

    return tuple(r.text for r in relations())


def _text(path: Path, entry: dict, key: str, item: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(path, f"fältet '{key}' saknas eller är tomt.", item=item,
                            line=entry.get(LINE), fix=f"skriv en text efter '{key}:'.")
    return " ".join(value.split())


def _options(path: Path, entry: dict, item: str) -> tuple[str, ...]:
    line = entry.get(LINE)
    has_list, has_source = "options" in entry, "options_from" in entry
    if has_list == has_source:
        problem = ("frågan har både 'options' och 'options_from'." if has_list
                   else "en fråga med kind: choices behöver alternativ.")
        raise DataFileError(path, problem, item=item, line=line,
                            fix="skriv antingen 'options:' med en lista av texter, eller "
                                f"'options_from:' med en av {', '.join(OPTION_SOURCES)}.")
    if has_source:
        source = entry["options_from"]
        if source not in OPTION_SOURCES:
            raise DataFileError(path, f"okänd källa för alternativ: {source!r}.", item=item,
                                line=line, fix=f"använd en av {', '.join(OPTION_SOURCES)}.")
        return _option_source(source)
    raw = entry["options"]
    if not isinstance(raw, list) or len(raw) < 2:
        raise DataFileError(path, "'options' ska vara en lista med minst två texter.",
                            item=item, line=line,
                            fix="skriv varje alternativ på en egen rad som '- Text'.")
    options: list[str] = []
    for number, value in enumerate(raw, start=1):
        if not isinstance(value, str) or not value.strip():
            raise DataFileError(path, f"alternativ {number} är ingen text.", item=item,
                                line=line, fix="skriv alternativet som '- Text'.")
        text = " ".join(value.split())
        if text in options:
            raise DataFileError(path, f"alternativet '{text}' finns två gånger.", item=item,
                                line=line, fix="ta bort eller ändra dubbletten.")
        options.append(text)
    return tuple(options)


def _prompt(path: Path, entry: Any, number: int, seen: dict[str, int | None]) -> Prompt:
    pid = entry_id(path, entry, number, seen, example="forsta-steget")
    item = f"fråga '{pid}'"
    line = entry.get(LINE)
    check_fields(path, entry, _FIELDS, item,
                 fix=f"tillåtna fält är {', '.join(sorted(_FIELDS))}; {_FIX_FIELDS}")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise DataFileError(path, f"okänd frågetyp {kind!r}.", item=item, line=line,
                            fix="skriv 'kind: text' eller 'kind: choices'.")
    label = _text(path, entry, "label", item)
    help_text = _text(path, entry, "help", item) if "help" in entry else ""
    if kind == "text":
        for key in ("options", "options_from"):
            if key in entry:
                raise DataFileError(path, f"'{key}' gäller bara frågor med kind: choices.",
                                    item=item, line=line,
                                    fix=f"ta bort '{key}', eller skriv 'kind: choices'.")
        rows = entry.get("rows", DEFAULT_ROWS)
        low, high = ROWS_RANGE
        if isinstance(rows, bool) or not isinstance(rows, int) or not low <= rows <= high:
            raise DataFileError(path, f"'rows' ska vara ett heltal från {low} till {high}, "
                                      f"inte {rows!r}.", item=item, line=line,
                                fix=f"skriv till exempel 'rows: {DEFAULT_ROWS}', eller ta bort "
                                    "raden.")
        return Prompt(pid, kind, label, help_text, rows, (), line)
    if "rows" in entry:
        raise DataFileError(path, "'rows' gäller bara frågor med kind: text.", item=item,
                            line=line, fix="ta bort raden 'rows:'.")
    return Prompt(pid, kind, label, help_text, DEFAULT_ROWS, _options(path, entry, item), line)


def load_prompts(path: Path | str = PLAN_FILE) -> tuple[Prompt, ...]:
    """Read and validate the plan's prompts. Raises :class:`DataFileError` on any problem."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, dict) or "prompts" not in raw:
        raise DataFileError(path, "filen ska börja med 'prompts:'.",
                            fix="skriv 'prompts:' och lista frågorna under, var och en som "
                                "'- id: …'.")
    check_fields(path, raw, {"prompts"}, "filens början",
                 fix=f"filen har bara listan 'prompts'; {_FIX_FIELDS}")
    prompts = raw["prompts"]
    if not isinstance(prompts, list) or not prompts:
        raise DataFileError(path, "listan 'prompts' saknas eller är tom.", line=raw.get(LINE),
                            fix="lägg till frågor under 'prompts:', var och en som '- id: …'.")
    seen: dict[str, int | None] = {}
    return tuple(_prompt(path, p, n, seen) for n, p in enumerate(prompts, start=1))


#: What counts as blank: exactly JavaScript's white space (``trim()`` in plan.js), so both sides
#: leave out the same answers (Python's own ``str.strip`` also strips U+001C–U+001F).
_BLANK = re.compile("[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*")


def is_blank(text: str) -> bool:
    return _BLANK.fullmatch(text) is not None


def check_answers(answers: Mapping, prompts: tuple[Prompt, ...],
                  max_length: int = MAX_LENGTH) -> dict[str, Any]:
    """Answers in the view's form: text as typed, choices in the prompt's order, empty
    answers left out. A ``ValueError`` in Swedish names the prompt and the problem.

    plan.js ``cleanAnswers`` gives the same clean answers (it drops what this refuses);
    ``tests/tables/cleaning.json`` runs through both."""
    by_id = {p.id: p for p in prompts}
    clean: dict[str, Any] = {}
    for key, value in answers.items():
        prompt = by_id.get(key)
        if prompt is None:
            raise ValueError(f"okänd fråga {key!r}. Giltiga id:n: {', '.join(by_id)}.")
        if prompt.kind == "text":
            if not isinstance(value, str):
                raise ValueError(f"svaret på {key!r} ska vara en text, inte {value!r}.")
            if len(value) > max_length:
                raise ValueError(f"svaret på {key!r} är {len(value)} tecken; högst {max_length} "
                                 "får plats.")
            if not is_blank(value):
                clean[key] = value
            continue
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise ValueError(f"svaret på {key!r} ska vara en lista med alternativ, inte "
                             f"{value!r}.")
        unknown = [v for v in value if v not in prompt.options]
        if unknown:
            raise ValueError(f"{unknown[0]!r} är inget alternativ i {key!r}. Giltiga: "
                             f"{', '.join(prompt.options)}.")
        chosen = [option for option in prompt.options if option in value]
        if chosen:
            clean[key] = chosen
    return clean


def answer_text(prompt: Prompt, value: Any) -> str:
    """An answer as plain text: the text itself, or the chosen options joined by commas."""
    if value is None:
        return ""
    if prompt.kind == "choices":
        return ", ".join(value)
    return str(value).strip()
