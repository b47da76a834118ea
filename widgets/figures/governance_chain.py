"""The chain of governance (*styrkedjan*) and the talk's six relations for trust (chapter 2).

``draw_chain()`` draws the chain from the citizens who vote, through the political
principal and the organisation, to the citizens who meet the staff, with the auditors and
the related organisations at the side. Each of the six relations in the talk is a
connector with its own line style, a numbered circle and a text label, so the meaning
never rests on colour alone. The layout is vertical so that it stays readable when the
picture is scaled down to a phone's width.

All words in the chart are in :data:`LEVELS`, :data:`SIDES`, :data:`GROUP_LABEL` and
``data/relationer.yml``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

from widgets.content.relations import Relation, relations
from widgets.figures.plotting import PALETTE, figure

#: Line style and colour of each relation, by number: meaning never rests on colour alone.
STYLES: dict[int, tuple[str | tuple, str]] = {
    1: ("-", PALETTE[0]),
    2: ("--", PALETTE[1]),
    3: (":", PALETTE[2]),
    4: ("-.", PALETTE[3]),
    5: ((0, (8, 3)), PALETTE[6]),
    6: ((0, (1, 2, 5, 2)), PALETTE[4]),
}


#: The levels of the chain, top to bottom: (key, text in the box).
LEVELS: tuple[tuple[str, str], ...] = (
    ("valjare", "Medborgare\nsom väljare"),
    ("huvudman", "Politisk huvudman\n(fullmäktige, nämnd)"),
    ("ledning", "Förvaltningsledning"),
    ("chefer", "Chefer"),
    ("medarbetare", "Medarbetare"),
    ("brukare", "Medborgare\nsom brukare"),
)

#: The boxes at the side of the chain: (key, text in the box).
SIDES: tuple[tuple[str, str], ...] = (
    ("granskare", "Granskare\n(revision,\ntillsyn)"),
    ("relaterade", "Andra\nverksamheter\n(t.ex. vården)"),
)

#: The frame around the levels that do the work.
GROUP_LABEL = "Utförare (egen regi\neller privat)"

# Layout in data units: x 0–10, y from BOTTOM to TOP.
BOTTOM, TOP = 0.55, 18.0
_CENTRE = (0.52, 5.38)  # left and right edge of the chain's boxes
_FRAME = (0.28, 5.62, 3.8, 11.0)  # left, right, bottom, top of the frame round the utförare
_SIDE = (7.0, 9.98)  # left and right edge of the side boxes
_LOOP_X = 0.06  # where the line that closes the loop runs
_ARROW_X = 1.5  # where the vertical connectors run
_BOX_HEIGHT = {"valjare": 1.5, "huvudman": 1.5, "ledning": 1.0, "chefer": 1.0,
               "medarbetare": 1.0, "brukare": 1.5}
_BOX_Y = {"valjare": 17.0, "huvudman": 13.8, "ledning": 9.3, "chefer": 7.0,
          "medarbetare": 4.7, "brukare": 1.6}  # centre of each box
_SIDE_Y = {"granskare": _BOX_Y["ledning"], "relaterade": _BOX_Y["medarbetare"]}
_SIDE_HEIGHT = {"granskare": 2.0, "relaterade": 2.0}
_BOX_FONT = 15
_SIDE_FONT = 14
_LABEL_FONT = 15
_EDGE = "#1a1a1a"
_FILL = "#f2f4f7"


def relation(number: int) -> Relation:
    """The relation with this number, from ``data/relationer.yml``."""
    found = relations()
    if not 1 <= number <= len(found):
        raise ValueError(f"Relation {number} finns inte: numret ska vara 1–{len(found)}.")
    if len(found) != len(STYLES):
        raise ValueError(f"data/relationer.yml har {len(found)} relationer, men diagrammet i "
                         f"kapitel 2 ritar {len(STYLES)}. Ändra STYLES och ritningen i "
                         "widgets/figures/governance_chain.py om föredragets relationer ändras.")
    return found[number - 1]


def _style(rel: Relation) -> tuple[str | tuple, str]:
    return STYLES[rel.number]


def _box(ax, x0: float, x1: float, y: float, height: float, text: str, *,
         weight: str = "bold", fill: str = _FILL, size: float = _BOX_FONT) -> None:
    ax.add_patch(FancyBboxPatch((x0, y - height / 2), x1 - x0, height,
                                boxstyle="round,pad=0,rounding_size=0.25",
                                facecolor=fill, edgecolor=_EDGE, linewidth=1.6, zorder=2))
    ax.text((x0 + x1) / 2, y, text, ha="center", va="center", fontsize=size,
            fontweight=weight, linespacing=1.15, zorder=3)


def _top(key: str) -> float:
    return _BOX_Y[key] + _BOX_HEIGHT[key] / 2


def _bottom(key: str) -> float:
    return _BOX_Y[key] - _BOX_HEIGHT[key] / 2


def _connector(ax, points: list[tuple[float, float]], rel: Relation,
               heads: tuple[str, str]) -> None:
    """A line through ``points`` in the relation's style, with an arrowhead at each end
    (trust runs both ways)."""
    xs, ys = zip(*points, strict=True)
    ax.plot(xs, ys, linestyle=_style(rel)[0], color=_style(rel)[1], linewidth=3,
            solid_capstyle="butt", dash_capstyle="butt", zorder=1)
    for (x, y), marker in zip((points[0], points[-1]), heads, strict=True):
        ax.plot([x], [y], marker=marker, markersize=10, color=_style(rel)[1],
                markeredgecolor=_style(rel)[1], linestyle="none", zorder=1)


def _badge(ax, x: float, y: float, rel: Relation) -> None:
    """The relation's number in a circle, on its connector."""
    ax.plot([x], [y], marker="o", markersize=28, markerfacecolor="white",
            markeredgecolor=_style(rel)[1], markeredgewidth=2.5, linestyle="none", zorder=4)
    ax.text(x, y, str(rel.number), ha="center", va="center", fontsize=_LABEL_FONT + 1,
            fontweight="bold", zorder=5)


def _label(ax, x: float, y: float, rel: Relation, *, ha: str = "left") -> None:
    ax.text(x, y, rel.label, ha=ha, va="center", fontsize=_LABEL_FONT, linespacing=1.1,
            zorder=5)


def _vertical(ax, y0: float, y1: float, rel: Relation, *, label: bool = True) -> None:
    """A connector from ``y0`` down to ``y1`` along the chain, with its number and label."""
    _connector(ax, [(_ARROW_X, y0), (_ARROW_X, y1)], rel, ("^", "v"))
    middle = (y0 + y1) / 2
    _badge(ax, _ARROW_X, middle, rel)
    if label:
        _label(ax, _ARROW_X + 0.6, middle, rel)


def _horizontal(ax, side: str, rel: Relation) -> None:
    """A connector from the frame round the utförare to a side box, labelled below the box."""
    y = _SIDE_Y[side]
    x0, x1 = _FRAME[1] + 0.1, _SIDE[0] - 0.1
    _connector(ax, [(x0, y), (x1, y)], rel, ("<", ">"))
    _badge(ax, (x0 + x1) / 2, y, rel)
    label_y = y - _SIDE_HEIGHT[side] / 2 - 0.7
    _label(ax, (_SIDE[0] + _SIDE[1]) / 2, label_y, rel, ha="center")


def draw_chain():
    """The chain of governance with the six relations for trust. Returns the figure."""
    fig, ax = figure(5.6, 9.9)
    ax.set_xlim(0, 10)
    ax.set_ylim(BOTTOM, TOP)
    ax.axis("off")

    left, right, bottom, top = _FRAME
    ax.add_patch(FancyBboxPatch((left, bottom), right - left, top - bottom,
                                boxstyle="round,pad=0,rounding_size=0.3", facecolor="none",
                                edgecolor=_EDGE, linewidth=1.5, linestyle=(0, (2, 2)),
                                zorder=1))
    ax.text(_CENTRE[0], top - 0.2, GROUP_LABEL, ha="left", va="top",
            fontsize=_LABEL_FONT - 1, fontstyle="italic", linespacing=1.1, zorder=3)
    for key, text in LEVELS:
        _box(ax, *_CENTRE, _BOX_Y[key], _BOX_HEIGHT[key], text)
    for key, text in SIDES:
        _box(ax, *_SIDE, _SIDE_Y[key], _SIDE_HEIGHT[key], text, weight="normal",
             fill="white", size=_SIDE_FONT)

    gap = 0.12  # between an arrowhead and the box it points at
    _vertical(ax, _bottom("valjare") - gap, _top("huvudman") + gap, relation(6))
    _vertical(ax, _bottom("huvudman") - gap, top + gap, relation(1))
    _vertical(ax, _bottom("ledning") - gap, _top("chefer") + gap, relation(2))
    _vertical(ax, _bottom("chefer") - gap, _top("medarbetare") + gap, relation(2),
              label=False)
    _vertical(ax, bottom - gap, _top("brukare") + gap, relation(5))
    _horizontal(ax, "granskare", relation(4))
    _horizontal(ax, "relaterade", relation(3))

    # Relation 6 also closes the loop: the citizens who meet the services are the
    # citizens who vote. A line in the same style runs up the left edge.
    rel = relation(6)
    end = _CENTRE[0] - 0.1
    _connector(ax, [(end, _BOX_Y["brukare"]), (_LOOP_X, _BOX_Y["brukare"]),
                    (_LOOP_X, _BOX_Y["valjare"]), (end, _BOX_Y["valjare"])], rel, ("<", ">"))

    plt.close(fig)
    return fig
