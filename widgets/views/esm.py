"""Front-end modules for the course's anywidgets.

Each widget's module is ``static/common.js``, then the shared parts it needs
(:data:`SHARED_PARTS`), then the widget's own file. The combined text goes into the widget's
``_esm`` trait, so the saved widget state alone recreates the view: in JupyterLab, in
Notebook 7 and on the static site.
"""

from __future__ import annotations

from functools import cache

from widgets.paths import STATIC

#: Shared files a widget's module needs besides common.js, in the order they go in front of it.
#: ``answers.js`` is the answer store: the self-test and *Min översikt* count with it.
SHARED_PARTS: dict[str, tuple[str, ...]] = {
    "quiz": ("answers",),
    "overview": ("answers",),
}


@cache
def module(name: str) -> str:
    """The ES module for ``static/<name>.js``, with the shared helpers in front."""
    parts = ["common", *SHARED_PARTS.get(name, ()), name]
    return "\n".join((STATIC / f"{part}.js").read_text(encoding="utf-8") for part in parts)


@cache
def stylesheet(*names: str) -> str:
    """The CSS of ``static/widgets.css`` (shared) and ``static/<name>.css`` for each name."""
    parts = [(STATIC / "widgets.css").read_text(encoding="utf-8")]
    parts += [(STATIC / f"{name}.css").read_text(encoding="utf-8") for name in names]
    return "\n".join(parts)
