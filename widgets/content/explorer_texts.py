"""The explorers' texts: reading and checking ``data/utforskare.yml``.

One entry per explorer id (see the file's header for every field). Two kinds of checks:

- :func:`load_texts` checks the *shape* of every entry: known fields, the right types, every
  nested field that must be there (``question.prompt``, ``question.options[i].feedback``,
  ``axis.x`` …) and template placeholders that parse.
- :func:`entry` checks one entry against what its explorer's code *needs* (:class:`Needs`):
  the ``names`` it looks up, the controls that ``labels``, ``value_labels``, ``help`` and
  ``question.cases`` may name, and the placeholders each template may use.

Every mistake raises :class:`~widgets.content.data_files.DataFileError` naming the file, the
line, the explorer, the field (``question.options[2].feedback``; list items count from 1) and
the fix, in Swedish. The view layer (``widgets.views.explorers``) declares the needs, because
only the code knows which controls and numbers an explorer has.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from widgets.content.data_files import ENTRY_ID, LINE, DataFileError, load_yaml
from widgets.paths import DATA

TEXTS_FILE = DATA / "utforskare.yml"

#: Fields of an entry: (required, optional).
REQUIRED = ("title", "caption", "axis", "reading", "about_model")
#: Reading templates besides ``reading``: one an explorer fills instead in some points
#: (``reading_no_winner``) or for some choices (the C10 groups of ``kontrollens-kostnad-studier``).
EXTRA_READINGS = ("reading_no_winner", "reading_averse", "reading_indifferent", "reading_floor")
OPTIONAL = ("intro", *EXTRA_READINGS, "question", "after_guess", "names", "labels",
            "value_labels", "help")
#: Fields that are one text each, and fields that are a list of paragraphs (or one text).
TEXT_FIELDS = ("title", "intro", "caption", "reading", *EXTRA_READINGS)
PARAGRAPH_FIELDS = ("about_model", "after_guess")
#: Fields whose text is a template: ``{name}`` is filled in by the explorer's code.
TEMPLATE_FIELDS = ("intro", "caption", "reading", *EXTRA_READINGS, "about_model",
                   "after_guess")
#: The reading templates: they may use the numbers of each point as well as the facts.
READING_FIELDS = ("reading", *EXTRA_READINGS)


@dataclass(frozen=True)
class Needs:
    """What an explorer's code needs from its entry in ``data/utforskare.yml``.

    ``controls``: every control of its grid, name → the values it takes; ``shown``: those a
    learner moves (``question.cases`` may set only these); ``names``: the keys ``names`` must
    have; ``readings``: the reading templates it fills; ``facts``: placeholders every template
    may use; ``point_values``: placeholders the readings may use as well.
    """

    controls: Mapping[str, Sequence[Any]]
    shown: Collection[str]
    names: Collection[str] = ()
    readings: Collection[str] = ("reading",)
    facts: Collection[str] = ()
    point_values: Collection[str] = ()


@dataclass(frozen=True)
class Case:
    """A setting the question asks about: a label and control values (by name)."""

    label: str
    values: dict[str, Any]


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[tuple[str, str], ...]  # (text, feedback)
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class ExplorerTexts:
    """One explorer's checked texts (templates still unfilled; whitespace squashed)."""

    id: str
    title: str
    caption: str
    axis: dict[str, str]
    readings: dict[str, str]
    about_model: tuple[str, ...]
    intro: str = ""
    question: Question | None = None
    after_guess: tuple[str, ...] = ()
    names: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    value_labels: dict[str, dict[Any, str]] = field(default_factory=dict)
    help: dict[str, str] = field(default_factory=dict)
    path: Path = TEXTS_FILE


def squash(text: str) -> str:
    """YAML's folded text on one line; only ASCII whitespace, so no-break spaces stay."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


# --- errors -----------------------------------------------------------------------------------

def _fail(path: Path, explorer_id: str, where: str | None, problem: str, fix: str,
          line: int | None) -> DataFileError:
    item = f"utforskaren '{explorer_id}'" + (f", fältet '{where}'" if where else "")
    return DataFileError(path, problem, item=item, line=line, fix=fix)


class _Entry:
    """Checks inside one entry; knows the file, the explorer and the nearest line."""

    def __init__(self, path: Path, explorer_id: str, raw: dict):
        self.path, self.id, self.raw = path, explorer_id, raw

    def fail(self, where: str | None, problem: str, fix: str, line: int | None = None):
        raise _fail(self.path, self.id, where, problem, fix,
                    line if line is not None else self.raw.get(LINE))

    def mapping(self, value: Any, where: str, line: int | None, *, example: str) -> dict:
        if not isinstance(value, dict):
            self.fail(where, "fältet ska vara en mappning (namn: värde).",
                      f"skriv till exempel '{where.split('.')[-1]}: {example}'.", line)
        return value

    def fields(self, value: dict, where: str, required: Sequence[str],
               optional: Sequence[str] = ()) -> None:
        line = value.get(LINE)
        for name in required:
            if name not in value:
                self.fail(f"{where}.{name}" if where else name, "fältet saknas.",
                          f"lägg till '{name}:' under '{where or self.id}'.", line)
        unknown = sorted(str(k) for k in value if k != LINE and k not in (*required, *optional))
        if unknown:
            allowed = ", ".join(sorted((*required, *optional)))
            self.fail(f"{where}.{unknown[0]}" if where else unknown[0], "okänt fält.",
                      f"tillåtna fält här är {allowed}. Kontrollera stavningen.", line)

    def text(self, value: Any, where: str, line: int | None) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(where, "fältet ska vara en text, och den får inte vara tom.",
                      "skriv texten efter kolonet, till exempel "
                      f"'{where.split('.')[-1].split('[')[0]}: Din text'.", line)
        return squash(value)

    def paragraphs(self, value: Any, where: str, line: int | None) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(where, "fältet ska vara en lista med stycken.",
                      f"skriv varje stycke som en rad som börjar med '- ' under '{where}:'.", line)
        return tuple(self.text(p, f"{where}[{i}]", line) for i, p in enumerate(value, 1))

    def placeholders(self, template: str, where: str, allowed: Collection[str],
                     line: int | None) -> None:
        try:
            used = [name for _, name, spec, conv in string.Formatter().parse(template)
                    if name is not None]
        except ValueError:
            self.fail(where, "texten har en klammerparentes { eller } som inte hör till en "
                             "platshållare.",
                      "skriv platshållare som {namn}. Vill du visa en klammer, skriv {{ eller }}.",
                      line)
        allowed_text = ", ".join("{" + a + "}" for a in sorted(allowed)) or "inga"
        for name in used:
            if name not in allowed:
                self.fail(where, f"platshållaren {{{name}}} finns inte för den här utforskaren.",
                          f"använd bara {allowed_text}.", line)


# --- shape ------------------------------------------------------------------------------------

def _check_shape(path: Path, explorer_id: Any, raw: Any, line: int | None) -> ExplorerTexts:
    if not isinstance(explorer_id, str) or not ENTRY_ID.match(explorer_id):
        raise DataFileError(path, f"'{explorer_id}' är inget giltigt id för en utforskare.",
                            line=line, fix="använd bara a–z, 0–9 och bindestreck, till "
                                           "exempel 'tillitsspiralen-start'.")
    if not isinstance(raw, dict):
        raise _fail(path, explorer_id, None, "posten är ingen mappning.",
                    "skriv fälten (title, caption, axis, reading, about_model …) med indrag "
                    "under id:t.", line)
    e = _Entry(path, explorer_id, raw)
    e.fields(raw, "", REQUIRED, OPTIONAL)
    at = raw.get(LINE)
    texts = {f: e.text(raw[f], f, at) for f in TEXT_FIELDS if f in raw}
    paragraphs = {f: e.paragraphs(raw[f], f, at) for f in PARAGRAPH_FIELDS if f in raw}

    axis = e.mapping(raw["axis"], "axis", at, example="{x: Period, y: Nivå}")
    e.fields(axis, "axis", ("x", "y"))
    axis = {k: e.text(axis[k], f"axis.{k}", axis.get(LINE)) for k in ("x", "y")}

    question = None
    if "question" in raw:
        question = _question(e, raw["question"], at)
    elif "after_guess" in raw and paragraphs["after_guess"]:
        e.fail("after_guess", "texten efter gissningen visas aldrig, eftersom utforskaren inte "
                              "har någon fråga.",
               "lägg till en 'question:' eller flytta texten till kapitlet.", at)

    maps = {}
    for name in ("names", "labels", "help"):
        if name in raw:
            value = e.mapping(raw[name], name, at, example="{namn: Text}")
            maps[name] = {str(k): e.text(v, f"{name}.{k}", value.get(LINE))
                          for k, v in value.items() if k != LINE}
    value_labels = {}
    if "value_labels" in raw:
        outer = e.mapping(raw["value_labels"], "value_labels", at,
                          example="{reglage: {0.5: Text}}")
        for control, inner in outer.items():
            if control == LINE:
                continue
            where = f"value_labels.{control}"
            inner = e.mapping(inner, where, outer.get(LINE), example="{0.5: Text}")
            value_labels[str(control)] = {
                k: e.text(v, f"{where}.{k}", inner.get(LINE)) for k, v in inner.items()
                if k != LINE}
    return ExplorerTexts(
        id=explorer_id, title=texts["title"], caption=texts["caption"], axis=axis,
        readings={f: texts[f] for f in READING_FIELDS if f in texts},
        about_model=paragraphs["about_model"], intro=texts.get("intro", ""), question=question,
        after_guess=paragraphs.get("after_guess", ()), names=maps.get("names", {}),
        labels=maps.get("labels", {}), value_labels=value_labels, help=maps.get("help", {}),
        path=path)


def _items(e: _Entry, value: Any, where: str, line: int | None, fields: tuple[str, ...],
           problem: str, fix: str, example: str) -> list[tuple[str, dict]]:
    """A list of at least two mappings with ``fields``: (field path, mapping) for each."""
    if not isinstance(value, list) or len(value) < 2:
        e.fail(where, problem, fix, line)
    found = []
    for i, item in enumerate(value, 1):
        path = f"{where}[{i}]"
        item = e.mapping(item, path, line, example=example)
        e.fields(item, path, fields)
        found.append((path, item))
    return found


def _question(e: _Entry, raw: Any, line: int | None) -> Question:
    q = e.mapping(raw, "question", line, example="{prompt: …, options: […], cases: […]}")
    e.fields(q, "question", ("prompt", "options", "cases"))
    at = q.get(LINE)
    prompt = e.text(q["prompt"], "question.prompt", at)
    options = [
        (e.text(option["text"], f"{where}.text", option.get(LINE)),
         e.text(option["feedback"], f"{where}.feedback", option.get(LINE)))
        for where, option in _items(
            e, q["options"], "question.options", at, ("text", "feedback"),
            "frågan behöver minst två svarsalternativ i en lista.",
            "skriv varje alternativ som '- text: …' med 'feedback: …' på raden under.",
            "{text: …, feedback: …}")]
    cases = []
    for where, case in _items(
            e, q["cases"], "question.cases", at, ("label", "values"),
            "frågan behöver minst två fall att visa efter gissningen: först det som frågan "
            "gäller, sedan ett att jämföra med.",
            "skriv till exempel '- label: Låg tillit från start' och på raden under "
            "'values: {starting_trust: 0.4}', och ett andra fall på samma sätt.",
            "{label: …, values: {reglage: värde}}"):
        values = e.mapping(case["values"], f"{where}.values", case.get(LINE),
                           example="{starting_trust: 0.4}")
        values = {str(k): v for k, v in values.items() if k != LINE}
        if not values:
            e.fail(f"{where}.values", "fallet ställer inte in något reglage.",
                   "skriv till exempel 'values: {starting_trust: 0.4}'.", case.get(LINE))
        cases.append(Case(e.text(case["label"], f"{where}.label", case.get(LINE)), values))
    return Question(prompt, tuple(options), tuple(cases))


def _lines(path: Path) -> dict:
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise DataFileError(path, "filen ska vara en mappning från utforskarens id till texter.",
                            fix="börja varje post med id:t och ett kolon, till exempel "
                                "'tillitsspiralen-start:'.")
    return raw


@cache
def _load(path: str, stamp: tuple[int, int]) -> dict[str, tuple[ExplorerTexts, dict]]:
    file = Path(path)
    raw = _lines(file)
    line = raw.get(LINE)
    return {key: (_check_shape(file, key, value, line), value)
            for key, value in raw.items() if key != LINE}


def _loaded(path: Path | str) -> dict[str, tuple[ExplorerTexts, dict]]:
    path = Path(path)
    if not path.is_file():
        load_yaml(path)  # raises the usual "filen finns inte"
    stat = path.stat()
    return _load(str(path), (stat.st_mtime_ns, stat.st_size))


def load_texts(path: Path | str = TEXTS_FILE) -> dict[str, ExplorerTexts]:
    """Every entry of ``path``, checked for shape (not yet against an explorer's needs)."""
    return {key: texts for key, (texts, _) in _loaded(path).items()}


# --- against the code's needs -----------------------------------------------------------------

def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=0, abs_tol=1e-9)
    return a == b


def _shown(values: Sequence[Any]) -> str:
    return ", ".join(str(v) for v in values)


def entry(explorer_id: str, needs: Needs, path: Path | str = TEXTS_FILE) -> ExplorerTexts:
    """The texts of ``explorer_id``, checked against what its code ``needs``."""
    path = Path(path)
    loaded = _loaded(path)
    if explorer_id not in loaded:
        raise DataFileError(path, f"texter saknas för utforskaren '{explorer_id}'.",
                            item=f"utforskaren '{explorer_id}'",
                            fix=f"lägg till en post '{explorer_id}:' med title, caption, axis, "
                                "reading och about_model.")
    texts, raw = loaded[explorer_id]
    e = _Entry(path, explorer_id, raw)
    at = raw.get(LINE)

    def line_of(*keys: str) -> int | None:
        node, line = raw, at
        for key in keys:
            node = node.get(key) if isinstance(node, dict) else None
            if isinstance(node, dict) and LINE in node:
                line = node[LINE]
        return line

    # names: exactly the keys the code looks up
    for key in needs.names:
        if key not in texts.names:
            e.fail(f"names.{key}", "namnet saknas.",
                   f"lägg till '{key}: …' under 'names:'.", line_of("names"))
    for key in texts.names:
        if key not in needs.names:
            e.fail(f"names.{key}", "utforskaren använder inte det här namnet.",
                   f"ta bort raden, eller rätta stavningen. Namn som används här: "
                   f"{', '.join(sorted(needs.names)) or 'inga'}.", line_of("names"))

    # controls named in labels, help, value_labels and question.cases
    controls = needs.controls
    known = ", ".join(controls) or "inga"
    for name in ("labels", "help", "value_labels"):
        for control in getattr(texts, name):
            if control not in controls:
                e.fail(f"{name}.{control}", "utforskaren har inget reglage med det namnet.",
                       f"använd ett av reglagen: {known}.", line_of(name))
    for control, named in texts.value_labels.items():
        for value in named:
            if not any(_same(value, v) for v in controls[control]):
                e.fail(f"value_labels.{control}.{value}",
                       f"reglaget har inget värde {value}.",
                       f"använd ett av värdena {_shown(controls[control])}.",
                       line_of("value_labels", control))
    if texts.question:
        for i, case in enumerate(texts.question.cases, 1):
            case_line = raw["question"]["cases"][i - 1].get(LINE)
            for control, value in case.values.items():
                where = f"question.cases[{i}].values.{control}"
                if control not in needs.shown:
                    e.fail(where, "fallet ställer in ett reglage som utforskaren inte visar.",
                           f"använd ett av reglagen: {', '.join(needs.shown)}.", case_line)
                if not any(_same(value, v) for v in controls[control]):
                    e.fail(where, f"reglaget har inget värde {value}.",
                           f"använd ett av värdena {_shown(controls[control])}.", case_line)

    # reading templates: the ones the code fills, and their placeholders
    for name in needs.readings:
        if name not in texts.readings:
            e.fail(name, "mallen saknas.", f"lägg till '{name}: …' med texten.", at)
    for name in texts.readings:
        if name not in needs.readings:
            e.fail(name, "utforskaren använder inte den här mallen.",
                   f"ta bort fältet. Mallar som används här: {', '.join(needs.readings)}.", at)
    facts, point = set(needs.facts), set(needs.facts) | set(needs.point_values)
    for name, template in texts.readings.items():
        e.placeholders(template, name, point, at)
    if texts.intro:
        e.placeholders(texts.intro, "intro", facts, at)
    e.placeholders(texts.caption, "caption", facts, at)
    for name in ("about_model", "after_guess"):
        for i, paragraph in enumerate(getattr(texts, name), 1):
            e.placeholders(paragraph, f"{name}[{i}]", facts, at)
    return texts


def check_ids(known: Collection[str], path: Path | str = TEXTS_FILE) -> None:
    """Fail for an entry no explorer in the code uses (a typo in an id, or a removed explorer)."""
    path = Path(path)
    for key, (_, raw) in _loaded(path).items():
        if key not in known:
            raise _fail(path, key, None, "ingen utforskare i koden har det här id:t.",
                        f"rätta id:t till ett av {', '.join(sorted(known))}, eller ta bort "
                        "posten.", raw.get(LINE) if isinstance(raw, dict) else None)


def fill(texts: ExplorerTexts, template: str, values: Mapping[str, str], where: str) -> str:
    """``template`` with its placeholders filled; a missing value is a data error."""
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError) as err:
        raise _fail(texts.path, texts.id, where,
                    f"mallen kan inte fyllas i ({err}).",
                    f"använd bara {', '.join('{' + k + '}' for k in sorted(values))}.",
                    None) from None
