"""One look for the course's static charts (matplotlib): readable, colour-blind safe, stable.

Use :func:`figure` instead of ``plt.subplots`` in chapters so every chart has the same
fonts, sizes and palette, and so the PNG bytes are the same on every run. Meaning is
never carried by colour alone: pair colours with labels, markers or line styles.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt

#: Okabe–Ito palette (colour-blind safe), dark enough for text on white.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
LINE_STYLES = ["-", "--", ":", "-."]
MARKERS = ["o", "s", "^", "D", "v", "P", "X"]

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "svg.hashsalt": "tillitskursen",
    "figure.autolayout": True,
}


def figure(width: float = 8.0, height: float = 4.5, **subplot_kw):
    """A new figure and axes in the course style: ``fig, ax = figure()``."""
    plt.rcParams.update(STYLE)
    return plt.subplots(figsize=(width, height), **subplot_kw)
