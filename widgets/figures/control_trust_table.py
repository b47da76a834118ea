"""The talk's table of control- and trust-based governance as chapter 4 shows it.

:func:`for_display` gives the table of :func:`widgets.content.control_trust_table.load_table`
the talk's column headings, and lets long words break on a phone (soft hyphens).
"""

from __future__ import annotations

import pandas as pd

from widgets.content.control_trust_table import HEADINGS

#: Where the table's long words may break on a narrow screen, marked with |. The display
#: puts a soft hyphen there (U+00AD): invisible, and a hyphen only where the line breaks.
SOFT_BREAKS = (
    "Nyckel|verktyg", "formali|sering", "Kontroll|behov", "kontroll|behov", "förutsätt|ningar",
    "kärn|verksam", "verksam|het", "Ansvars|områden", "besluts|linje", "organi|sation",
    "Prestations|utvärdering", "Presta|tions", "Kontroll|baserad", "Tillits|baserad",
    "Sam|skapande", "kvalita|tivt", "psyko|logisk", "gemen|samma",
)
SOFT_HYPHEN = "\u00ad"

def soft_hyphenate(text: str) -> str:
    """``text`` with soft hyphens where :data:`SOFT_BREAKS` allows a long word to break."""
    for word in SOFT_BREAKS:
        text = text.replace(word.replace("|", ""), word.replace("|", SOFT_HYPHEN))
    return text


def for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """The table as a reader sees it (for :func:`widgets.figures.tables.show_table`).

    The columns get the talk's headings, and long words may break on a phone (soft
    hyphens; the visible text is unchanged).
    """
    shown = frame.rename(columns={c: soft_hyphenate(h) for c, h in HEADINGS.items()})
    return shown.map(soft_hyphenate)
