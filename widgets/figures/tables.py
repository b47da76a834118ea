"""Accessible HTML tables for chapters: a caption, header cells with scope, no layout attributes.

``pandas.DataFrame.to_html`` writes an obsolete ``border`` attribute and no caption, and
``Styler`` writes random ids (unstable outputs). Use :func:`show_table` in chapters::

    from widgets.figures.tables import show_table
    show_table(frame, caption="Kontroll- och tillitsbaserad styrning", row_headers=True)
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML


def html_table(frame: pd.DataFrame, caption: str, *, row_headers: bool = False,
               css_class: str = "tk-table") -> str:
    """The frame as an HTML table. With ``row_headers`` the first column is a row header."""
    esc = html.escape
    head = "".join(f'<th scope="col">{esc(str(c))}</th>' for c in frame.columns)
    rows = []
    for values in frame.itertuples(index=False):
        cells = []
        for i, value in enumerate(values):
            text = "" if pd.isna(value) else esc(str(value))
            cells.append(f'<th scope="row">{text}</th>' if row_headers and i == 0 else f"<td>{text}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div class="tk-table-wrap"><table class="{esc(css_class)}">'
            f"<caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def show_table(frame: pd.DataFrame, caption: str, *, row_headers: bool = False) -> HTML:
    """Display ``frame`` as an accessible table (the value of a notebook cell)."""
    return HTML(html_table(frame, caption, row_headers=row_headers))
