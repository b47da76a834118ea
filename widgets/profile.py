"""Tillitsprofilen: a self-assessment on the seven hallmarks, and a teacher's group profile.

In a chapter notebook::

    from widgets.profile import Profile
    Profile.from_data()

The learner rates their own organisation from 1 to 5 on each hallmark of
``data/kannetecken.yml`` (see :mod:`widgets.hallmarks`). The view draws the profile,
says in words which hallmarks are strongest and weakest, keeps the ratings in the
browser and downloads them as a small CSV file. Nothing is sent anywhere. In a live
kernel the view writes ``ratings`` back, so ``profile.ratings`` and
:meth:`Profile.to_frame` show them in Python.

A teacher combines the group's downloaded files::

    from widgets.profile import combine_profiles, group_chart, show_group
    group = combine_profiles(["anna.csv", "bo.csv", "cecilia.csv"])
    show_group(group)      # an accessible table
    group_chart(group)     # mean and lowest–highest rating per hallmark

A profile file is UTF-8 text with the header ``kannetecken,betyg`` and one row per
hallmark: its id and a whole number from 1 to 5. Lines starting with ``#`` are
comments. A comma, a semicolon (Excel with Swedish settings) or a tab separates the
two values.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import anywidget
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import traitlets
from IPython.display import HTML

from widgets import esm
from widgets.data_files import DataFileError
from widgets.hallmarks import HALLMARKS_FILE, SCALE_STEPS, Hallmarks, load_hallmarks
from widgets.plotting import PALETTE, figure
from widgets.tables import html_table
from widgets.ui_text import texts_for

#: The header of a profile file, shared with the view (``csv_columns``).
CSV_COLUMNS = ("kannetecken", "betyg")
#: The columns of :func:`combine_profiles`, in order (an API: code may use them).
GROUP_COLUMNS = ("kännetecken", "medel", "std", "min", "max", "antal")
#: Swedish labels of the teacher's group table and chart (static output, not widget text:
#: the words the widget shows live in widgets/ui_text.py).
LABELS = {
    "group_caption": "Gruppens tillitsprofil ({n} profiler)",
    "col_hallmark": "Kännetecken",
    "col_mean": "Medel",
    "col_std": "Standardavvikelse",
    "col_min": "Lägst",
    "col_max": "Högst",
    "col_count": "Antal",
    "chart_axis": "Betyg (1 = svagast, 5 = starkast)",
    "legend_mean": "Medelvärde",
    "legend_range": "Lägsta till högsta betyg",
}
_DELIMITERS = (",", ";", "\t")
_INTEGER = re.compile(r"^[+]?\d+$")


def _ids_text(hallmarks: Hallmarks) -> str:
    return ", ".join(hallmarks.ids)


def _check_ratings(ratings: Mapping, hallmarks: Hallmarks) -> dict[str, int]:
    """Ratings as {id: int}; a ``ValueError`` in Swedish for an unknown id or a bad value."""
    checked: dict[str, int] = {}
    for key, value in ratings.items():
        if key not in hallmarks.ids:
            raise ValueError(f"okänt kännetecken {key!r}. Giltiga id:n: {_ids_text(hallmarks)}.")
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
            raise ValueError(f"betyget för {key!r} ska vara ett heltal från 1 till "
                             f"{SCALE_STEPS}, inte {value!r}.")
        if not 1 <= int(value) <= SCALE_STEPS:
            raise ValueError(f"betyget för {key!r} ska vara från 1 till {SCALE_STEPS}, "
                             f"inte {value}.")
        checked[key] = int(value)
    return checked


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
            return _check_ratings(proposal["value"], self._hallmarks)
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


# --- Reading and combining the group's files ----------------------------------------------

_FIX_EXPORT = ("ladda ner profilen igen med knappen Ladda ner som CSV i kapitel 3, "
               "och skicka filen som den är.")


def _decode(path: Path) -> str:
    if not path.is_file():
        raise DataFileError(path, "filen finns inte.",
                            fix="kontrollera sökvägen och filnamnet.")
    if path.suffix.lower() != ".csv":
        raise DataFileError(path, f"filen är ingen CSV-fil (filändelsen är "
                                  f"'{path.suffix or 'ingen'}').",
                            fix=_FIX_EXPORT + " Har du öppnat den i ett kalkylprogram: spara "
                                              "den som CSV.")
    data = path.read_bytes()
    if not data.strip():
        raise DataFileError(path, "filen är tom.", fix=_FIX_EXPORT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataFileError(path, "filen är ingen text i UTF-8 (den kan vara ett kalkylark "
                                  "eller något annat än en profil).", fix=_FIX_EXPORT) from err


def read_profile(path: Path | str, hallmarks: Hallmarks | None = None) -> pd.Series:
    """One downloaded profile: a Series of ratings (int) by hallmark id, in the talk's order.

    The Series is named after the file (without ``.csv``). A file that is not a complete
    profile raises :class:`DataFileError` naming the file, the line and the fix.
    """
    path = Path(path)
    hallmarks = hallmarks or load_hallmarks()
    text = _decode(path)
    header_line: int | None = None
    delimiter = ","
    ratings: dict[str, int] = {}
    seen: dict[str, int] = {}
    expected_header = ",".join(CSV_COLUMNS)
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        if header_line is None:
            delimiter = next((d for d in _DELIMITERS if d in line), ",")
            cells = [c.strip().lower() for c in next(csv.reader([line], delimiter=delimiter))]
            if tuple(cells) != CSV_COLUMNS:
                raise DataFileError(path, f"filen har fel rubrikrad: '{line[:60]}'.",
                                    line=number,
                                    fix=f"första raden ska vara '{expected_header}'. Är det "
                                        "ingen profil från Tillitsprofilen: ta bort den ur "
                                        "listan.")
            header_line = number
            continue
        cells = [c.strip() for c in next(csv.reader([line], delimiter=delimiter))]
        if len(cells) != 2:
            raise DataFileError(path, f"raden har {len(cells)} värden, men ska ha två: "
                                      "kännetecken och betyg.", line=number,
                                fix="skriv till exempel 'tillit,4'.")
        hid, value = cells[0].lower(), cells[1]
        item = f"kännetecken '{cells[0]}'"
        if hid not in hallmarks.ids:
            raise DataFileError(path, f"'{cells[0]}' är inget känt kännetecken.", line=number,
                                item=item, fix=f"använd ett av id:na {_ids_text(hallmarks)}.")
        if hid in seen:
            raise DataFileError(path, f"kännetecknet finns redan på rad {seen[hid]}.",
                                line=number, item=item,
                                fix="ta bort den ena raden, så att varje kännetecken står en "
                                    "gång.")
        if not value:
            raise DataFileError(path, "betyget saknas.", line=number, item=item,
                                fix=f"skriv ett heltal från 1 till {SCALE_STEPS} efter kommat.")
        if not _INTEGER.match(value):
            raise DataFileError(path, f"betyget '{value}' är inget heltal.", line=number,
                                item=item, fix=f"skriv ett heltal från 1 till {SCALE_STEPS}.")
        rating = int(value)
        if not 1 <= rating <= SCALE_STEPS:
            raise DataFileError(path, f"betyget {rating} ligger utanför skalan 1–{SCALE_STEPS}.",
                                line=number, item=item,
                                fix=f"skriv ett heltal från 1 till {SCALE_STEPS}.")
        seen[hid] = number
        ratings[hid] = rating
    if header_line is None:
        raise DataFileError(path, "filen har bara kommentarer och tomma rader.", fix=_FIX_EXPORT)
    missing = [h.name for h in hallmarks if h.id not in ratings]
    if missing:
        problem = ("filen har en rubrikrad men inga betyg." if not ratings
                   else f"betyg saknas för {', '.join(missing)}.")
        raise DataFileError(path, problem, line=header_line,
                            fix="bedöm alla sju kännetecken i Tillitsprofilen och "
                                + _FIX_EXPORT)
    return pd.Series([ratings[i] for i in hallmarks.ids], index=pd.Index(hallmarks.ids, name="id"),
                     name=path.stem, dtype="int64")


def combine_profiles(paths: Iterable[Path | str],
                     hallmarks: Hallmarks | None = None) -> pd.DataFrame:
    """The group profile: per hallmark, the mean, spread (std, min, max) and count.

    One row per hallmark in the talk's order, indexed by id, with the columns
    :data:`GROUP_COLUMNS`. ``std`` is the sample standard deviation (empty for one file).
    """
    hallmarks = hallmarks or load_hallmarks()
    paths = [Path(p) for p in paths]
    if not paths:
        raise ValueError("combine_profiles behöver minst en profilfil, till exempel "
                         "combine_profiles(['anna.csv', 'bo.csv']).")
    seen: set[Path] = set()
    for path in paths:
        if path.resolve() in seen:
            raise DataFileError(path, "filen finns två gånger i listan.",
                                fix="ta med varje fil en gång.")
        seen.add(path.resolve())
    ratings = pd.concat([read_profile(p, hallmarks) for p in paths], axis=1)
    group = pd.DataFrame({
        "kännetecken": [h.name for h in hallmarks],
        "medel": ratings.mean(axis=1).to_numpy(),
        "std": ratings.std(axis=1, ddof=1).to_numpy(),
        "min": ratings.min(axis=1).to_numpy(),
        "max": ratings.max(axis=1).to_numpy(),
        "antal": ratings.count(axis=1).to_numpy(),
    }, index=pd.Index(hallmarks.ids, name="id"))
    return group[list(GROUP_COLUMNS)]


def _decimal(value: float, digits: int = 1) -> str:
    if pd.isna(value):
        return "–"
    return f"{value:.{digits}f}".replace(".", ",")


def group_table_html(group: pd.DataFrame) -> str:
    """The group profile as an accessible HTML table, with Swedish decimal commas."""
    t = LABELS
    frame = pd.DataFrame({
        t["col_hallmark"]: group["kännetecken"],
        t["col_mean"]: [_decimal(v) for v in group["medel"]],
        t["col_std"]: [_decimal(v) for v in group["std"]],
        t["col_min"]: group["min"].astype(int),
        t["col_max"]: group["max"].astype(int),
        t["col_count"]: group["antal"].astype(int),
    })
    caption = t["group_caption"].format(n=int(group["antal"].max()))
    return html_table(frame, caption, row_headers=True)


def show_group(group: pd.DataFrame) -> HTML:
    """Display :func:`group_table_html` (the value of a notebook cell)."""
    return HTML(group_table_html(group))


def group_chart(group: pd.DataFrame):
    """The group profile as a chart: the mean (a dot with its value) and the range from the
    lowest to the highest rating (a line with end marks), one row per hallmark, the first
    at the top. Meaning is carried by shape and text, not by colour alone."""
    t = LABELS
    fig, ax = figure(8.0, 0.55 * len(group) + 1.6)
    y = np.arange(len(group))[::-1]
    low, high, mean = (group[c].to_numpy(dtype=float) for c in ("min", "max", "medel"))
    ax.hlines(y, low, high, color=PALETTE[0], linewidth=3, label=t["legend_range"], zorder=2)
    ax.plot(np.concatenate([low, high]), np.concatenate([y, y]), linestyle="none", marker="|",
            markersize=16, markeredgewidth=3, color=PALETTE[0], zorder=2)
    ax.plot(mean, y, linestyle="none", marker="o", markersize=10, color=PALETTE[1],
            markeredgecolor="black", label=t["legend_mean"], zorder=3)
    for yi, value in zip(y, mean, strict=True):
        ax.annotate(_decimal(value), (value, yi), xytext=(0, 9), textcoords="offset points",
                    ha="center", va="bottom", fontsize=11)
    ax.set_yticks(y, list(group["kännetecken"]))
    ax.set_ylim(-0.6, len(group) - 0.2)
    ax.set_xlim(0.5, SCALE_STEPS + 0.5)
    ax.set_xticks(range(1, SCALE_STEPS + 1))
    ax.set_xlabel(t["chart_axis"])
    ax.grid(axis="x", color="#c9ced6", linewidth=0.8, zorder=0)
    ax.tick_params(axis="y", length=0)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
    plt.close(fig)
    return fig
