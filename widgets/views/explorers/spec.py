"""What every explorer shares: Swedish numbers, controls, and assembling the spec a view reads.

An explorer is described by a :class:`Recipe` (made by a model's module in this package):
its controls and their precomputed values, the chart, and ``point(values, runs)``, which calls
the model for one combination of control values and returns the chart's data plus the
numbers its reading needs. :meth:`Recipe.build` reads the texts (``data/utforskare.yml``,
checked against :meth:`Recipe.needs`), computes every point of the grid and returns the
:class:`~widgets.views.explorer.Explorer`.

Numbers are formatted in Swedish by :func:`widgets.content.numbers.format_value`; ``static/numbers.js``
has the same function (``formatNumber``) and one table of cases (``tests/tables/number_format.json``)
checks both.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from widgets.content import explorer_texts
from widgets.content.explorer_texts import TEXTS_FILE, ExplorerTexts, Needs
from widgets.content.numbers import MINUS, NBSP, NNBSP, format_value  # noqa: F401 (shared API)
from widgets.views.explorer import Explorer, Live

# --- Swedish numbers --------------------------------------------------------------------------

def number(value: float, decimals: int = 2) -> str:
    """0.5 → "0,50"; 1000 → "1 000"."""
    return format_value(value, "number", decimals)


def percent(share: float) -> str:
    """0.25 → "25 %" (whole percent)."""
    return format_value(share, "percent")


def setting(value: float) -> str:
    """A control's value as short as it is exact (up to two decimals): 0.2 → "0,2",
    0.45 → "0,45", 1 → "1,0"."""
    return number(value, 1 if math.isclose(round(value, 1), value, abs_tol=1e-9) else 2)


def of_100(share: float) -> str:
    """A share as a whole number of 100: 0.574 → "57"."""
    return number(share * 100, 0)


def steps_between(values: Sequence[float], step: float) -> tuple[float, ...]:
    """Every ``step`` from the smallest to the largest of ``values`` (which must be among them):
    the finer steps a live kernel offers between the precomputed values."""
    low, high = min(values), max(values)
    count = round((high - low) / step)
    fine = tuple(round(low + i * step, 6) for i in range(count + 1))
    missing = [v for v in values if not any(math.isclose(v, f, abs_tol=1e-9) for f in fine)]
    if missing or not math.isclose(fine[-1], high, abs_tol=1e-9):
        raise ValueError(f"steg {step} från {low} når inte värdena {missing or [high]}")
    return fine


def nice_ceiling(value: float) -> float:
    """The next of 1, 2, 2.5, 5 × 10^k at or above ``value`` (a chart axis's end)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value * (1 - 1e-12))


# --- recipes ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Control:
    """A control over the grid: a slider, or ``kind="choice"`` (radio buttons).

    ``label`` is the default (the model's own); ``data/utforskare.yml`` may rename it
    (``labels``) or name single values (``value_labels``). ``live``: the finer values a live
    kernel computes (they include ``values``); empty when there is nothing finer.
    """

    name: str
    label: str
    values: tuple
    fmt: Callable[[Any], str]
    kind: str = "range"
    live: tuple = ()
    #: label each value by ``names`` in ``data/utforskare.yml`` (the values are name keys)
    named: bool = False


@dataclass(frozen=True)
class Point:
    """What one combination of control values shows: the chart's ``data`` (``lines`` or
    ``bars``) and the formatted numbers of its reading (template ``field``)."""

    data: dict
    reading: Mapping[str, str]
    field: str = "reading"


@dataclass(frozen=True)
class Recipe:
    """Everything an explorer is, except its texts and computed points."""

    id: str
    controls: tuple[Control, ...]
    shown: tuple[str, ...]
    chart: Callable[[ExplorerTexts], dict]
    point: Callable[[dict, int], Point]
    runs: int
    initial: Mapping[str, Any] = field(default_factory=dict)
    live_runs: int | None = None
    names: tuple[str, ...] = ()
    readings: tuple[str, ...] = ("reading",)
    point_values: tuple[str, ...] = ()
    facts: Mapping[str, str] = field(default_factory=dict)

    def needs(self) -> Needs:
        return Needs(controls={c.name: c.values for c in self.controls}, shown=self.shown,
                     names=self.names, readings=self.readings, facts=tuple(self.facts),
                     point_values=self.point_values)

    def texts(self, path=TEXTS_FILE) -> ExplorerTexts:
        return explorer_texts.entry(self.id, self.needs(), path)

    def build(self, path=TEXTS_FILE) -> Explorer:
        return _assemble(self, self.texts(path))


def index_of(values: Sequence[Any], value: Any) -> int:
    """The index of ``value`` in a control's ``values`` (floats compared to 1e-9)."""
    for i, v in enumerate(values):
        if v == value or (isinstance(v, float | int) and isinstance(value, float | int)
                          and math.isclose(v, value, abs_tol=1e-9)):
            return i
    raise ValueError(f"{value!r} finns inte bland {list(values)}")


# --- assembling the spec ----------------------------------------------------------------------

def _labels(control: Control, values: Sequence[Any], texts: ExplorerTexts) -> list[str]:
    if control.named:
        return [texts.names[str(v)] for v in values]
    named = texts.value_labels.get(control.name, {})

    def label(value):
        for key, text in named.items():
            if math.isclose(float(key), float(value), abs_tol=1e-9):
                return text
        return control.fmt(value)

    return [label(v) for v in values]


def _finisher(recipe: Recipe, texts: ExplorerTexts) -> Callable[[Point], dict]:
    expected = set(recipe.point_values)

    def finish(point: Point) -> dict:
        if set(point.reading) != expected:  # a programming error, not a data error
            raise AssertionError(f"{recipe.id}: the reading has {sorted(point.reading)}, "
                                 f"the recipe declares {sorted(expected)}")
        values = {**recipe.facts, **point.reading}
        reading = explorer_texts.fill(texts, texts.readings[point.field], values, point.field)
        return {**point.data, "reading": reading}

    return finish


#: Points already computed in this process, by (point function, control values, runs): two
#: explorers that show the same simulation with other texts (a chapter's variant) compute it
#: once. Models are deterministic (fixed seeds), so a cached point is the same point.
_COMPUTED: dict[tuple, Point] = {}


def _computed(recipe: Recipe, values: dict, runs: int) -> Point:
    key = (recipe.point, tuple(sorted(values.items())), runs)
    if key not in _COMPUTED:
        _COMPUTED[key] = recipe.point(values, runs)
    return _COMPUTED[key]


def _assemble(recipe: Recipe, texts: ExplorerTexts) -> Explorer:
    controls = recipe.controls
    order = [c.name for c in controls]
    initial = {c.name: index_of(c.values, recipe.initial.get(c.name, c.values[0]))
               for c in controls}
    fixed = {c.name: initial[c.name] for c in controls if c.name not in recipe.shown}
    finish = _finisher(recipe, texts)
    points = {}
    for indices in itertools.product(*(range(len(c.values)) if c.name in recipe.shown
                                       else [fixed[c.name]] for c in controls)):
        values = {c.name: c.values[i] for c, i in zip(controls, indices)}
        points[",".join(map(str, indices))] = finish(_computed(recipe, values, recipe.runs))

    def fill(template: str, where: str) -> str:
        return explorer_texts.fill(texts, template, recipe.facts, where)

    chart = recipe.chart(texts)
    chart["x"] = {**chart.get("x", {}), "label": texts.axis["x"]}
    chart["y"] = {**chart.get("y", {}), "label": texts.axis["y"]}
    if chart["type"] == "bars":
        chart["category_label"] = texts.axis["x"]
        for measure in chart["measures"]:
            measure["max"] = nice_ceiling(max(p["bars"][c][measure["id"]]
                                              for p in points.values() for c in p["bars"]))
    shown = [c for c in controls if c.name in recipe.shown]
    spec = {
        "id": recipe.id,
        "title": texts.title,
        "intro": fill(texts.intro, "intro") if texts.intro else "",
        "caption": fill(texts.caption, "caption"),
        "question": _question(texts, controls, recipe.shown, initial),
        "after_guess": [fill(p, f"after_guess[{i}]") for i, p in enumerate(texts.after_guess, 1)],
        "about": [fill(p, f"about_model[{i}]") for i, p in enumerate(texts.about_model, 1)],
        "controls": [{"name": c.name, "label": texts.labels.get(c.name, c.label),
                      "values": list(c.values), "labels": _labels(c, c.values, texts),
                      "kind": c.kind, "initial": initial[c.name],
                      "help": texts.help.get(c.name)} for c in shown],
        "grid": [{"name": c.name, "values": list(c.values)} for c in controls],
        "fixed": fixed,
        "order": order,
        "runs": recipe.runs,
        "chart": chart,
        "points": points,
        "live": None,
    }
    live = None
    if recipe.live_runs:
        fine = {c.name: c.live or c.values for c in shown}
        spec["live"] = {"runs": recipe.live_runs,
                        "controls": {c.name: {"values": list(fine[c.name]),
                                              "labels": _labels(c, fine[c.name], texts)}
                                     for c in shown if c.kind == "range"}}
        fixed_values = {c.name: c.values[fixed[c.name]] for c in controls if c.name in fixed}
        live = Live(runs=recipe.live_runs, values=fine, fixed=fixed_values,
                    compute=lambda values: finish(recipe.point(values, recipe.live_runs)))
    return Explorer(spec, live)


def _question(texts: ExplorerTexts, controls: Sequence[Control], shown: Sequence[str],
              initial: Mapping[str, int]) -> dict | None:
    question = texts.question
    if question is None:
        return None
    by_name = {c.name: c for c in controls}
    cases = []
    for case in question.cases:
        indices = {name: initial[name] for name in shown}
        indices.update({name: index_of(by_name[name].values, value)
                        for name, value in case.values.items()})
        cases.append({"label": case.label, "indices": indices})
    return {"prompt": question.prompt,
            "options": [{"text": t, "feedback": f} for t, f in question.options],
            "cases": cases}
