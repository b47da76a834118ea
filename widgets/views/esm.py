"""Front-end modules for the course's anywidgets.

Each widget's module is ``static/common.js`` followed by the widget's own file. The
combined text goes into the widget's ``_esm`` trait, so the saved widget state alone
recreates the view: in JupyterLab, in Notebook 7 and on the static site.
"""

from __future__ import annotations

from functools import cache

from widgets.paths import STATIC


@cache
def module(name: str) -> str:
    """The ES module for ``static/<name>.js``, with the shared helpers in front."""
    common = (STATIC / "common.js").read_text(encoding="utf-8")
    own = (STATIC / f"{name}.js").read_text(encoding="utf-8")
    return f"{common}\n{own}"


@cache
def stylesheet(*names: str) -> str:
    """The CSS of ``static/widgets.css`` (shared) and ``static/<name>.css`` for each name."""
    parts = [(STATIC / "widgets.css").read_text(encoding="utf-8")]
    parts += [(STATIC / f"{name}.css").read_text(encoding="utf-8") for name in names]
    return "\n".join(parts)
