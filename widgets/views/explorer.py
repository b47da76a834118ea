"""The explorer widget: controls over a precomputed grid of model results, with a chart.

An :class:`Explorer` carries a *spec* (JSON): its controls, a chart description and one
*point* per combination of control values. The view (``static/explorer.js``) looks the
current point up in the spec, so every control works on the static site without a kernel.
In a live kernel the view also sends the chosen ``indices`` to Python, which recomputes
that point from the model and sends it back as ``live_point``.

Spec::

    {"id", "title", "intro", "caption", "question" (optional: prompt, options[text, feedback]),
     "controls": [{"name", "label", "values", "labels", "initial", "help"}],   # shown
     "fixed": {name: index},                      # grid controls that are not shown
     "order": [name, …],                          # the order of indices in a point key
     "chart": {"type": "lines", "x": {label, values}, "y": {label, min, max, format},
               "series": [{"id", "label"}]}
            | {"type": "bars", "categories": [{id, label}], "measures": [{id, label, short}],
               "category_label", "y": {label, max, format, decimals}},
     "points": {"i,j,k": {"lines": {id: {"mean", "lo", "hi"}} | "bars": {cat: {measure: v}},
                          "reading": "…"}}}

Views never compute: Python builds every number and sentence (see :mod:`widgets.views.explorers`).
"""

from __future__ import annotations

import json
from collections.abc import Callable

import anywidget
import traitlets

from widgets.content.ui_text import texts_for
from widgets.views import esm

#: Largest spec an explorer may embed in a page.
MAX_SPEC_KB = 200


class Explorer(anywidget.AnyWidget):
    """An explorable simulation. Build one with the functions in :mod:`widgets.views.explorers`."""

    _esm = esm.module("explorer")
    _css = esm.stylesheet("explorer")

    spec = traitlets.Dict().tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)
    #: Written by the view: the index of each control's current value.
    indices = traitlets.Dict().tag(sync=True)
    #: Written by Python in a live kernel: {"key": "i,j,k", "point": {…}}.
    live_point = traitlets.Dict().tag(sync=True)

    def __init__(self, spec: dict, compute: Callable[[dict], dict] | None = None, **kwargs):
        size = spec_size_kb(spec)
        if size > MAX_SPEC_KB:
            raise ValueError(f"Utforskaren {spec['id']!r} är {size:.0f} KB; gränsen är "
                             f"{MAX_SPEC_KB} KB. Minska rutnätet eller antalet decimaler.")
        self._compute = compute
        super().__init__(spec=spec, texts=texts_for("common", "explorer"), **kwargs)

    @traitlets.observe("indices")
    def _recompute(self, change) -> None:
        if self._compute is None or not change["new"]:
            return
        order = self.spec["order"]
        indices = {**self.spec.get("fixed", {}), **change["new"]}
        values = {name: self._value(name, indices[name]) for name in order}
        key = ",".join(str(indices[name]) for name in order)
        self.live_point = {"key": key, "point": self._compute(values)}

    def _value(self, name: str, index: int):
        for control in self.spec["grid"]:
            if control["name"] == name:
                return control["values"][index]
        raise KeyError(name)

    def point(self, **values) -> dict:
        """The precomputed point for control values given by name (for tests and teachers)."""
        indices = {**self.spec.get("fixed", {})}
        for control in self.spec["grid"]:
            if control["name"] in values:
                indices[control["name"]] = control["values"].index(values[control["name"]])
            else:
                indices.setdefault(control["name"], control.get("initial", 0))
        return self.spec["points"][",".join(str(indices[n]) for n in self.spec["order"])]

    def __repr__(self) -> str:
        shown = [c["name"] for c in self.spec.get("controls", [])]
        points = len(self.spec.get("points", {}))
        return f"Explorer({self.spec.get('id')!r}, reglage={shown}, punkter={points})"


def spec_size_kb(spec: dict) -> float:
    return len(json.dumps(spec, ensure_ascii=False, separators=(",", ":")).encode()) / 1000
