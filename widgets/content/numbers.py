"""Numbers as Swedish text, for the explorers and the group profile.

``static/numbers.js`` has the same function (``formatNumber``); one table of cases
(``tests/tables/number_format.json``) checks both.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

NBSP, NNBSP, MINUS = "\u00a0", "\u202f", "\u2212"


def _auto_decimals(value: float) -> int:
    size = abs(value)
    return 0 if size >= 10 else 1 if size >= 1 else 2


def format_value(value: Any, kind: str = "number", decimals: int | None = None) -> str:
    """A number as Swedish text: ``0.5`` → ``0,50``; ``1234`` → ``1 234``; ``0.25`` with
    ``kind="percent"`` → ``25 %``.

    Decimal comma; a narrow no-break space groups thousands; a no-break space before ``%``;
    a minus sign (U+2212) for negatives; halves round away from zero. ``decimals=None``: 0
    from 10 up, 1 from 1 up, else 2 (percent: 0). Missing values show as an en dash.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    suffix = ""
    if kind == "percent":
        value, suffix = value * 100, f"{NBSP}%"
        decimals = 0 if decimals is None else decimals
    elif decimals is None:
        decimals = _auto_decimals(value)
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    text = NNBSP.join([whole, *groups]) + ("," + fraction if fraction else "")
    sign = MINUS if rounded < 0 else ""  # "-0,00" is shown as "0,00"
    return sign + text + suffix
