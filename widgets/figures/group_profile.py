"""The teacher's group profile: the combined Tillitsprofil files as a table and a chart.

    from widgets import combine_profiles, group_chart, show_group
    group = combine_profiles(["anna.csv", "bo.csv", "cecilia.csv"])
    show_group(group)      # an accessible table
    group_chart(group)     # mean and lowest–highest rating per hallmark
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import HTML

from widgets.content.hallmarks import SCALE_STEPS
from widgets.content.numbers import format_value
from widgets.content.ui_text import texts_for
from widgets.figures.plotting import PALETTE, figure
from widgets.figures.tables import html_table

#: Swedish labels of the group table and chart (in the one table of learner-facing words).
LABELS = texts_for("group_profile")


def _decimal(value: float, digits: int = 1) -> str:
    """Swedish, halves away from zero, "–" for none (as "Lägg ihop profiler" shows it)."""
    return format_value(None if pd.isna(value) else float(value), "number", digits)


def group_table_html(group: pd.DataFrame) -> str:
    """The group profile as an accessible HTML table, with Swedish decimal commas."""
    t = LABELS
    frame = pd.DataFrame({
        t["col_hallmark"]: group["kännetecken"],
        t["col_mean"]: [_decimal(v) for v in group["medel"]],
        t["col_std"]: [_decimal(v) for v in group["std"]],
        t["col_min"]: [_decimal(v, 0) for v in group["min"]],
        t["col_max"]: [_decimal(v, 0) for v in group["max"]],
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
