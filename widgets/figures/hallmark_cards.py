"""The seven hallmarks as chapter 3 shows them: an overview table and one card per hallmark.

Static HTML built from ``data/kannetecken.yml`` (:mod:`widgets.content.hallmarks`)::

    from widgets import show_overview, show_hallmark
    show_overview()              # a table: name and the talk's description
    show_hallmark("tillit")      # the talk's wording, what it asks of each level, …
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from widgets.content.hallmarks import Hallmarks, load_hallmarks
from widgets.content.ui_text import texts_for
from widgets.figures.tables import html_table

#: Swedish labels of the chapter's tables (in the one table of learner-facing words).
LABELS = texts_for("hallmark_cards")

def overview_html(hallmarks: Hallmarks | None = None) -> str:
    """A table of the seven hallmarks: name and the talk's description."""
    hallmarks = hallmarks or load_hallmarks()
    t = LABELS
    frame = pd.DataFrame({t["col_hallmark"]: [h.name for h in hallmarks],
                          t["col_description"]: [h.description for h in hallmarks]})
    return html_table(frame, t["overview_caption"], row_headers=True)


def hallmark_html(hallmark_id: str, hallmarks: Hallmarks | None = None) -> str:
    """One hallmark: the talk's wording, what it asks of each level, an example, a warning sign."""
    hallmarks = hallmarks or load_hallmarks()
    hallmark = hallmarks.get(hallmark_id)
    t = LABELS
    esc = html.escape
    frame = pd.DataFrame({
        t["col_level"]: [level.name for level in hallmarks.levels],
        t["col_asks"]: [hallmark.asks[level.id] for level in hallmarks.levels],
    })
    table = html_table(frame, t["asks_caption"].format(name=hallmark.name), row_headers=True)
    return (
        f'<div class="tk-hallmark" data-hallmark="{esc(hallmark.id)}">'
        f'<blockquote class="tk-hallmark-quote"><p>{esc(hallmark.description)}</p></blockquote>'
        f"{table}"
        f'<p class="tk-hallmark-example"><strong>{esc(t["card_example"])}</strong> '
        f"{esc(hallmark.example)}</p>"
        f'<p class="tk-hallmark-warning"><span aria-hidden="true">{esc(t["card_warning_icon"])}'
        f'</span> <strong>{esc(t["card_warning"])}</strong> {esc(hallmark.warning_sign)}</p>'
        "</div>"
    )


def show_overview() -> HTML:
    """Display :func:`overview_html` (the value of a notebook cell)."""
    return HTML(overview_html())


def show_hallmark(hallmark_id: str) -> HTML:
    """Display :func:`hallmark_html` for one hallmark (the value of a notebook cell)."""
    return HTML(hallmark_html(hallmark_id))
