"""Front-end modules for the course's anywidgets, and the short references that stand for them.

Each widget's module is ``static/common.js``, then the shared parts it needs
(:data:`SHARED_PARTS`), then the widget's own file; its style is ``static/widgets.css``
followed by the widget's own CSS. In a live kernel (JupyterLab, Notebook 7) the widget classes
carry this real code in their ``_esm`` and ``_css`` traits.

A notebook saved with its outputs keeps only a *reference* in place of that code (see
:func:`reference_for`, used when :mod:`widgets.build.notebooks` normalises a notebook): one
short line naming the module and a hash of its text, such as
``// tk-module:quiz@1a2b3c4d5e6f``. The site's build writes each module once, as the static
file :func:`module_file_name` (``quiz.1a2b3c4d5e6f.js``), and its widget host loads that file
by URL, so every chapter shares one cached copy. A JavaScript edit changes one line per
widget in the notebooks, not the whole module. A reference is also a valid module and a valid
stylesheet: opened in Jupyter before the cell has run, the saved view says to run the cell.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache

from widgets.content.ui_text import texts_for
from widgets.paths import STATIC

#: What a saved view says in Jupyter before its cell has run.
t = texts_for("notebook")

#: Shared files a widget's module needs besides common.js, in the order they go in front of it.
#: ``answers.js`` is the answer store: the self-test, *Min översikt* and the certificate count
#: with it, and ``results.js`` draws their table of results; ``scorm.js`` lets the self-test
#: report to a learning platform (SCORM 1.2 packages); ``answerfile.js`` writes and reads the
#: answers file (Min översikt, the class overview); ``selftest.js`` is the question view (the
#: self-test and Repetera); ``leitner.js`` is Repetera's schedule (Repetera, and the count of
#: questions due on Min översikt). ``numbers.js`` formats Swedish numbers for the explorers and
#: *Lägg ihop profiler*.
SHARED_PARTS: dict[str, tuple[str, ...]] = {
    "quiz": ("answers", "scorm", "selftest"),
    "overview": ("answers", "results", "answerfile", "leitner"),
    "certificate": ("answers", "results"),
    "review": ("answers", "selftest", "leitner"),
    "classresults": ("answers", "answerfile"),
    "explorer": ("numbers",),
    "combine": ("numbers",),
}

#: Stylesheets a widget's stylesheet needs besides widgets.css, in front of its own: Repetera
#: shows its questions exactly as the self-test does.
SHARED_STYLES: dict[str, tuple[str, ...]] = {
    "review": ("quiz",),
}

#: The shared helpers and the shared stylesheet, which are not modules of their own.
SHARED_SCRIPT, SHARED_STYLE = "common", "widgets"
#: Length of the content hash in references and file names (hex digits of SHA-256).
HASH_LENGTH = 12

MODULE_REFERENCE = re.compile(r"^// tk-module:(?P<name>[a-z][a-z0-9-]*)@(?P<hash>[0-9a-f]{12})\n")
STYLE_REFERENCE = re.compile(r"^/\* tk-style:(?P<name>[a-z][a-z0-9-]*)@(?P<hash>[0-9a-f]{12}) \*/$")


@cache
def module(name: str) -> str:
    """The ES module for ``static/<name>.js``, with the shared helpers in front."""
    parts = ["common", *SHARED_PARTS.get(name, ()), name]
    return "\n".join((STATIC / f"{part}.js").read_text(encoding="utf-8") for part in parts)


@cache
def stylesheet(*names: str) -> str:
    """The CSS of ``static/widgets.css`` (shared) and, for each name, the stylesheets it needs
    (:data:`SHARED_STYLES`) and ``static/<name>.css``."""
    parts = [(STATIC / f"{SHARED_STYLE}.css").read_text(encoding="utf-8")]
    for name in names:
        parts += [(STATIC / f"{part}.css").read_text(encoding="utf-8")
                  for part in (*SHARED_STYLES.get(name, ()), name)]
    return "\n".join(parts)


def module_names() -> list[str]:
    """Every widget module in ``static/`` (a ``.js`` file other than the shared helpers and parts)."""
    shared = {SHARED_SCRIPT, *(part for parts in SHARED_PARTS.values() for part in parts)}
    return sorted(p.stem for p in STATIC.glob("*.js") if p.stem not in shared)


def own_stylesheets() -> list[str]:
    """Every widget's own stylesheet in ``static/`` (not the shared one)."""
    return sorted(p.stem for p in STATIC.glob("*.css") if p.stem != SHARED_STYLE)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def module_file_name(name: str) -> str:
    """The static file the site serves the module ``name`` as (its name carries its hash)."""
    return f"{name}.{content_hash(module(name))}.js"


def _stub(name: str, digest: str) -> str:
    """A module that only says the cell has to run (what Jupyter shows before it has)."""
    notice = json.dumps(t["run_cell"], ensure_ascii=False)
    return (f"// tk-module:{name}@{digest}\n"
            f"export default {{ render({{ el }}) {{ el.textContent = {notice}; }} }};\n")


@dataclass(frozen=True)
class Reference:
    """What a reference in saved widget state points to."""

    kind: str  # "module" or "style"
    name: str
    hash: str


def parse_reference(text: object) -> Reference | None:
    """The module or style a saved ``_esm`` / ``_css`` value refers to (None for real code)."""
    if not isinstance(text, str):
        return None
    found = MODULE_REFERENCE.match(text)
    if found:
        return Reference("module", found["name"], found["hash"])
    found = STYLE_REFERENCE.match(text.strip())
    if found:
        return Reference("style", found["name"], found["hash"])
    return None


@cache
def _known() -> tuple[dict[str, str], dict[str, str]]:
    """Current module and style texts → their references."""
    modules = {}
    for name in module_names():
        text = module(name)
        modules[text] = _stub(name, content_hash(text))
    styles = {}
    for name in own_stylesheets():
        text = stylesheet(name)
        styles[text] = f"/* tk-style:{name}@{content_hash(text)} */"
    return modules, styles


def reference_for(trait: str, text: object) -> object:
    """The reference that stands for ``text`` in saved state (``trait`` is ``_esm`` or ``_css``);
    ``text`` itself if it is not one of the current modules (then the page carries the code)."""
    modules, styles = _known()
    table = modules if trait == "_esm" else styles if trait == "_css" else {}
    return table.get(text, text) if isinstance(text, str) else text
