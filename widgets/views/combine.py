"""*Lägg ihop profiler*: the teacher's group profile, computed in the browser.

On a Markdown page of the teacher guide (``book/lararhandledning/lagg-ihop-profiler.md``)::

    :::{widget} ProfileCombiner
    :::

The teacher picks (or drops) the group's Tillitsprofil CSV files and answers files; the view
reads them with the rules of :mod:`widgets.content.profiles` (``static/combine.js``, checked
against Python by ``tests/tables/profiles.json``) and shows the same table and chart as
:mod:`widgets.figures.group_profile`, a reading in words, and CSV, SVG and PNG downloads.
Nothing is uploaded: the files are read by the browser and forgotten when the page closes.
"""

from __future__ import annotations

import anywidget
import traitlets

from widgets.content.hallmarks import load_hallmarks
from widgets.content.profiles import ANSWERS_MAX_BYTES, CSV_COLUMNS, GROUP_COLUMNS, PROFILE_MAX_BYTES
from widgets.content.ui_text import texts_for
from widgets.views import esm


class ProfileCombiner(anywidget.AnyWidget):
    """Lägg ihop profiler. ``ProfileCombiner()`` reads the hallmarks from ``data/``."""

    _esm = esm.module("combine")
    _css = esm.stylesheet("combine")

    hallmarks = traitlets.List(traitlets.Dict()).tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)
    #: The header of a profile file (:data:`CSV_COLUMNS`).
    csv_columns = traitlets.List(traitlets.Unicode()).tag(sync=True)
    #: The columns of the downloaded group table (:data:`GROUP_COLUMNS`, after ``id``).
    group_columns = traitlets.List(traitlets.Unicode()).tag(sync=True)
    #: The largest file read, in bytes: {"csv": …, "json": …}.
    limits = traitlets.Dict().tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(
            hallmarks=[h.to_state() for h in load_hallmarks()],
            texts=texts_for("common", "group_profile", "combine"),
            csv_columns=list(CSV_COLUMNS),
            group_columns=list(GROUP_COLUMNS),
            limits={"csv": PROFILE_MAX_BYTES, "json": ANSWERS_MAX_BYTES},
            **kwargs,
        )

    def __repr__(self) -> str:
        return f"ProfileCombiner(kännetecken={len(self.hallmarks)})"
