"""Tillitsprofilen: a self-assessment on the seven hallmarks (chapter 3).

In a chapter notebook::

    from widgets import Profile
    Profile.from_data()

The learner rates their own organisation from 1 to 5 on each hallmark of
``data/kannetecken.yml`` (see :mod:`widgets.content.hallmarks`). The view draws the profile,
says in words which hallmarks are strongest and weakest, keeps the ratings in the
browser and downloads them as a small CSV file. Nothing is sent anywhere. In a live
kernel the view writes ``ratings`` back, so ``profile.ratings`` and
:meth:`Profile.to_frame` show them in Python. The file format and the group profile are
in :mod:`widgets.content.profiles` and :mod:`widgets.figures.group_profile`.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import pandas as pd
import traitlets

from widgets.content.hallmarks import HALLMARKS_FILE, Hallmarks, load_hallmarks
from widgets.content.profiles import CSV_COLUMNS, check_ratings
from widgets.content.ui_text import texts_for
from widgets.views import esm


class Profile(anywidget.AnyWidget):
    """Tillitsprofilen. Create it with :meth:`from_data`."""

    _esm = esm.module("profile")
    _css = esm.stylesheet("profile")

    #: The hallmarks in the talk's order: id, name, description and the five-step scale.
    hallmarks = traitlets.List(traitlets.Dict()).tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)
    #: The header of the downloaded CSV file (the same as :data:`CSV_COLUMNS`).
    csv_columns = traitlets.List(traitlets.Unicode()).tag(sync=True)
    #: Written by the view: hallmark id → rating 1–5 (rated hallmarks only).
    ratings = traitlets.Dict().tag(sync=True)

    def __init__(self, hallmarks: Hallmarks, **kwargs):
        self._hallmarks = hallmarks
        super().__init__(
            hallmarks=[h.to_state() for h in hallmarks],
            texts=texts_for("common", "profile"),
            csv_columns=list(CSV_COLUMNS),
            **kwargs,
        )

    @classmethod
    def from_data(cls, path: Path | str = HALLMARKS_FILE, **kwargs) -> Profile:
        """Tillitsprofilen for the hallmarks in ``data/kannetecken.yml`` (or ``path``)."""
        return cls(load_hallmarks(path), **kwargs)

    @traitlets.validate("ratings")
    def _validate_ratings(self, proposal):
        try:
            return check_ratings(proposal["value"], self._hallmarks)
        except ValueError as err:
            raise traitlets.TraitError(f"Tillitsprofilen: {err}") from err

    def to_frame(self) -> pd.DataFrame:
        """The learner's ratings, one row per hallmark in the talk's order (unrated: <NA>)."""
        frame = pd.DataFrame({
            "id": list(self._hallmarks.ids),
            "kännetecken": [h.name for h in self._hallmarks],
            "betyg": pd.array([self.ratings.get(i) for i in self._hallmarks.ids], dtype="Int64"),
        })
        return frame.set_index("id")

    def __repr__(self) -> str:
        return f"Profile(kännetecken={len(self.hallmarks)}, bedömda={len(self.ratings)})"
