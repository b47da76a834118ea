"""Shared parameter validation (and small helpers for explorer grids) for the course's models.

Every model keeps its parameters in a small frozen dataclass and one mapping ``SPECS`` from
field name to :class:`Spec`. The spec holds the Swedish label a learner sees on a slider, the
allowed range and whether the value must be a whole number, so the explorers can build their
sliders from the same table that validates the values.

An impossible value raises :class:`ParameterError`, whose message is in Swedish and names the
parameter (its Swedish label and the Python name), the value and the allowed range, e.g.::

    Brus (noise) = -0.1 är utanför det tillåtna intervallet 0–1.

Numbers in messages use a decimal point, as in the code that the message is about.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import numbers
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

#: Default seed of every model, so that a re-executed page gives the same numbers.
DEFAULT_SEED = 20240607

#: Largest number of runs a caller may ask for in one evaluation.
MAX_RUNS = 100_000


@dataclass(frozen=True)
class Spec:
    """How one parameter is shown and checked.

    ``label`` is the Swedish text of the slider; ``low``/``high`` the closed allowed range;
    ``integer`` whether only whole numbers are allowed; ``step`` a suggested slider step.
    """

    label: str
    low: float
    high: float
    integer: bool = False
    step: float | None = None


class ParameterError(ValueError):
    """An impossible parameter value; the message (in Swedish) says which, what and why.

    Attributes: ``name`` (Python name, or names joined by ", " for a rule between several
    parameters), ``label`` (Swedish label), ``value`` (the value given).
    """

    def __init__(self, message: str, *, name: str, label: str, value: Any = None):
        self.name = name
        self.label = label
        self.value = value
        super().__init__(message)


def format_number(value: Any) -> str:
    """Show a number the way it was given: ``-0.1``, ``2.5``, ``nan``, ``10``; ``1.0`` as ``1``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return repr(value)
    value = value.item() if isinstance(value, np.generic) else value
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value)


def format_range(spec: Spec) -> str:
    """``0–1`` (with an en dash)."""
    return f"{format_number(spec.low)}–{format_number(spec.high)}"


def _who(name: str, spec: Spec) -> str:
    return f"{spec.label} ({name})"


def check_value(name: str, spec: Spec, value: Any) -> int | float:
    """Return ``value`` as a plain int or float, or raise :class:`ParameterError`."""
    shown = format_number(value)
    kind = "ett heltal" if spec.integer else "ett tal"
    hint = f"Ange {kind} i intervallet {format_range(spec)}."
    if isinstance(value, (bool, np.bool_)):
        raise ParameterError(
            f"{_who(name, spec)} = {shown} är ett sant/falskt-värde, inte {kind}. {hint}",
            name=name, label=spec.label, value=value)
    if not isinstance(value, numbers.Real):
        raise ParameterError(f"{_who(name, spec)} = {shown} är inte {kind}. {hint}",
                             name=name, label=spec.label, value=value)
    number = float(value)
    if math.isnan(number):
        raise ParameterError(f"{_who(name, spec)} = nan är inte ett tal. {hint}",
                             name=name, label=spec.label, value=value)
    if spec.integer and not number.is_integer():
        raise ParameterError(
            f"{_who(name, spec)} = {shown} är inte ett heltal. {hint}",
            name=name, label=spec.label, value=value)
    if not spec.low <= number <= spec.high:
        raise ParameterError(
            f"{_who(name, spec)} = {shown} är utanför det tillåtna intervallet "
            f"{format_range(spec)}.",
            name=name, label=spec.label, value=value)
    return int(number) if spec.integer else number


def validate(instance: Any, specs: Mapping[str, Spec]) -> None:
    """Check (and normalise to int/float) every field of a frozen dataclass named in ``specs``.

    Call it from ``__post_init__``. Fields are checked in the order of ``specs``.
    """
    for name, spec in specs.items():
        value = check_value(name, spec, getattr(instance, name))
        object.__setattr__(instance, name, value)


def check_sum_at_most(instance: Any, specs: Mapping[str, Spec], names: Sequence[str],
                      limit: float = 1.0) -> None:
    """Raise if the named (already validated) fields add up to more than ``limit``."""
    values = [getattr(instance, n) for n in names]
    total = sum(values)
    if total > limit + 1e-9:
        parts = [f"{_who(n, specs[n])} = {format_number(v)}" for n, v in zip(names, values)]
        listed = ", ".join(parts[:-1]) + " och " + parts[-1]
        raise ParameterError(
            f"{listed} blir tillsammans {format_number(round(total, 10))}, men summan får "
            f"vara högst {format_number(limit)}.",
            name=", ".join(names), label=", ".join(specs[n].label for n in names),
            value=tuple(values))


def check_at_most_field(instance: Any, specs: Mapping[str, Spec], name: str,
                        other: str) -> None:
    """Raise if field ``name`` is larger than field ``other`` (both already validated)."""
    value, limit = getattr(instance, name), getattr(instance, other)
    if value > limit:
        raise ParameterError(
            f"{_who(name, specs[name])} = {format_number(value)} är utanför det tillåtna "
            f"intervallet {format_number(specs[name].low)}–{format_number(limit)} "
            f"(högst {_who(other, specs[other])}).",
            name=name, label=specs[name].label, value=value)


RUNS_SPEC = Spec("Antal körningar", 1, MAX_RUNS, integer=True)
SEED_SPEC = Spec("Slumpfrö", 0, 2**63 - 1, integer=True)


def check_runs(runs: Any) -> int:
    """Validate the number of simulated runs (repetitions)."""
    return int(check_value("runs", RUNS_SPEC, runs))


def check_seed(seed: Any) -> int:
    """Validate a seed (a whole number ≥ 0)."""
    return int(check_value("seed", SEED_SPEC, seed))


def rng_for(seed: Any) -> np.random.Generator:
    """``np.random.default_rng(seed)`` after checking the seed."""
    return np.random.default_rng(check_seed(seed))


def labels(specs: Mapping[str, Spec]) -> dict[str, str]:
    """Field name → Swedish label."""
    return {name: spec.label for name, spec in specs.items()}


def replace(params: Any, **changes: Any) -> Any:
    """``dataclasses.replace`` (validates again)."""
    return dataclasses.replace(params, **changes)


# ---------------------------------------------------------------------------------------------
# Helpers for the explorers' precomputed grids
# ---------------------------------------------------------------------------------------------

def _plain(value: Any) -> int | float:
    """A JSON-friendly number: integral floats become ints (shorter JSON)."""
    value = value.item() if isinstance(value, np.generic) else value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def compact(values: Any, decimals: int = 2) -> list[int | float]:
    """A rounded, JSON-short list (``1.0`` → ``1``, ``-0.0`` → ``0``)."""
    array = np.round(np.asarray(values, dtype=float), decimals) + 0.0
    return [_plain(v) for v in array.tolist()]


def rounded(value: Any, decimals: int = 3) -> int | float:
    """One rounded, JSON-short number."""
    return _plain(round(float(value), decimals) + 0.0)


def band(samples: np.ndarray, decimals: int = 2, axis: int = 0) -> dict[str, list]:
    """Mean and 10–90 % band of ``samples`` along ``axis`` (the runs), compact."""
    samples = np.asarray(samples, dtype=float)
    p10, p90 = np.percentile(samples, [10, 90], axis=axis)
    return {"mean": compact(samples.mean(axis=axis), decimals),
            "p10": compact(p10, decimals), "p90": compact(p90, decimals)}


def grid_keys(controls: Sequence[Sequence[Any]]) -> Iterator[tuple[str, tuple[int, ...], tuple]]:
    """Every combination of control values as (key, indices, values), row-major.

    The key is the indices joined by commas (``"0,2,1"``): language-neutral, so a JavaScript
    view can look a point up without formatting floats the way Python does.
    """
    for indices in itertools.product(*(range(len(values)) for values in controls)):
        values = tuple(controls[i][j] for i, j in enumerate(indices))
        yield ",".join(str(i) for i in indices), indices, values
