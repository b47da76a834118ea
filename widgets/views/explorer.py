"""The explorer widget: controls over a precomputed grid of model results, with a chart.

An :class:`Explorer` carries a *spec* (JSON): its controls, a chart description and one
*point* per combination of control values. The view (``static/explorer.js``) looks the
current point up in the spec, so every control works on the static site without a kernel.

**Live mode.** In a running kernel the explorer can compute what the grid does not have: the
view says hello (a custom message), Python answers with ``{"type": "live"}``, and from then on
the sliders take the finer steps in ``spec["live"]`` and every point is computed now, by the
model, with ``spec["live"]["runs"]`` runs instead of ``spec["runs"]`` (a smaller sampling
error). The view labels such a point as computed in Python and says what is new. On the
static page nobody answers the hello, so nothing changes there.

Spec::

    {"id", "title", "intro", "caption",
     "question": null | {"prompt", "options": [{"text", "feedback"}],
                         "cases": [{"label", "indices": {name: index}}]},   # first: asked about
     "after_guess": [paragraph, …], "about": [paragraph, …],    # the course's small markup
     "controls": [{"name", "label", "values", "labels", "kind", "initial", "help"}],  # shown
     "grid": [{"name", "values"}], "fixed": {name: index}, "order": [name, …],
     "runs": n,                                   # model runs behind each precomputed point
     "chart": {"type": "lines", "x": {label, values}, "y": {label, min, max, format},
               "series": [{"id", "label"}]}
            | {"type": "bars", "categories": [{id, label}], "measures": [{id, label, max}],
               "category_label", "y": {label, format, decimals}},
     "points": {"i,j,k": {"lines": {id: {"mean", "lo", "hi"}} | "bars": {cat: {measure: v}},
                          "reading": "…"}},
     "live": null | {"runs": n, "controls": {name: {"values", "labels"}}},
     "heading_level": optional 2–6 (else the view fits it to the page)}

Views never compute: Python builds every number and sentence (:mod:`widgets.views.explorers`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import anywidget
import traitlets

from widgets.content.ui_text import texts_for
from widgets.views import esm

#: Largest spec an explorer may embed in a page.
MAX_SPEC_KB = 200


@dataclass(frozen=True)
class Live:
    """What a live kernel computes: any of ``values`` (per shown control, finer than the grid),
    the other controls at ``fixed``, with ``runs`` model runs per point."""

    runs: int
    values: Mapping[str, Sequence[Any]]
    fixed: Mapping[str, Any]
    compute: Callable[[dict], dict]


class Explorer(anywidget.AnyWidget):
    """An explorable simulation. Build one with the functions in :mod:`widgets.views.explorers`."""

    _esm = esm.module("explorer")
    _css = esm.stylesheet("explorer")

    spec = traitlets.Dict().tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)

    def __init__(self, spec: dict, live: Live | None = None, **kwargs):
        size = spec_size_kb(spec)
        if size > MAX_SPEC_KB:
            raise ValueError(f"Utforskaren {spec['id']!r} är {size:.0f} KB; gränsen är "
                             f"{MAX_SPEC_KB} KB. Minska rutnätet eller antalet decimaler.")
        self._live = live
        super().__init__(spec=spec, texts=texts_for("common", "explorer"), **kwargs)
        self.on_msg(self._on_message)

    # --- live mode --------------------------------------------------------------------------

    def compute(self, **values) -> dict:
        """A point computed now by the model (live mode): every shown control by name, at any
        of its live values; the answer uses the live number of runs."""
        if self._live is None:
            raise ValueError(f"Utforskaren {self.spec['id']!r} har inget levande läge: den "
                             "visar bara förberäknade värden.")
        live = self._live
        if set(values) != set(live.values):
            raise ValueError(f"Ange {', '.join(sorted(live.values))}; fick "
                             f"{', '.join(sorted(values)) or 'inga'}.")
        for name, value in values.items():
            if not any(_same(value, v) for v in live.values[name]):
                raise ValueError(f"{name} = {value!r} är inget av värdena "
                                 f"{', '.join(map(str, live.values[name]))}.")
        return live.compute({**live.fixed, **values})

    def _on_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict) or self._live is None:
            return
        if content.get("type") == "hello":
            self.send({"type": "live", "runs": self._live.runs})
        elif content.get("type") == "compute":
            values = content.get("values") or {}
            try:
                point = self.compute(**values)
            except (TypeError, ValueError) as err:
                self.send({"type": "error", "id": content.get("id"), "message": str(err)})
                return
            self.send({"type": "point", "id": content.get("id"), "values": values,
                       "point": point})

    # --- precomputed points -------------------------------------------------------------------

    def point(self, **values) -> dict:
        """The precomputed point for control values given by name (for tests and teachers);
        controls not named are at their initial value."""
        indices = {**self.spec.get("fixed", {})}
        initial = {c["name"]: c["initial"] for c in self.spec["controls"]}
        for control in self.spec["grid"]:
            name = control["name"]
            if name in values:
                indices[name] = next(i for i, v in enumerate(control["values"])
                                     if _same(v, values[name]))
            else:
                indices.setdefault(name, initial.get(name, 0))
        return self.spec["points"][",".join(str(indices[n]) for n in self.spec["order"])]

    def __repr__(self) -> str:
        shown = [c["name"] for c in self.spec.get("controls", [])]
        points = len(self.spec.get("points", {}))
        return f"Explorer({self.spec.get('id')!r}, reglage={shown}, punkter={points})"


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return math.isclose(a, b, abs_tol=1e-9)
    return a == b


def spec_size_kb(spec: dict) -> float:
    return len(json.dumps(spec, ensure_ascii=False, separators=(",", ":")).encode()) / 1000
