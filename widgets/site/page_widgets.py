"""``{widget}``: one of the course's widgets on a Markdown page, as a notebook would show it.

    :::{widget} ProfileCombiner
    :::

The directive saves the widget's state in the page (with module references, as
:mod:`widgets.build.notebooks` saves a chapter's) and puts a widget view where it stands, so the
page's widget host draws it exactly as in a chapter: no kernel, no request to another host.
Only the widgets in :data:`PAGE_WIDGETS` can be placed, each made without arguments.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from myst_nb.sphinx_ import NbMetadataCollector
from sphinx.application import Sphinx

from widgets.paths import ROOT
from widgets.views import esm

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: The host script that notebooks get through ``nb_ipywidgets_js`` (``_config.yml``).
HOST_SCRIPT = "widget-host.js"


def _combiner():
    from widgets.views.combine import ProfileCombiner

    return ProfileCombiner()


def _certificate():
    from widgets.views.certificate import Certificate

    return Certificate()


#: What a page widget's saved state is made from: when one changes, the page is read again.
SOURCES = ("widgets/views/static/*", "widgets/content/*.py", "data/*.yml", "data/quiz/*.yml",
           "book/lararhandledning/index.md", "_toc.yml")


def _sources() -> list[Path]:
    return sorted(p for pattern in SOURCES for p in ROOT.glob(pattern) if p.is_file())


#: The widgets a Markdown page may hold, by the name the directive takes.
PAGE_WIDGETS: dict[str, Callable[[], object]] = {
    "ProfileCombiner": _combiner,
    "Certificate": _certificate,
}


def saved_state(widget) -> dict:
    """The widget's saved model, as a notebook keeps it (module code as references)."""
    state = {key: value for key, value in widget.get_state().items() if key != "layout"}
    for trait in ("_esm", "_css"):
        if trait in state:
            state[trait] = esm.reference_for(trait, state[trait])
    return {"model_name": state["_model_name"], "model_module": state["_model_module"],
            "model_module_version": state["_model_module_version"], "state": state}


class WidgetDirective(Directive):
    """``{widget} Name``: the widget ``Name`` of :data:`PAGE_WIDGETS` on this page."""

    required_arguments = 1
    has_content = False

    def run(self):
        name = self.arguments[0]
        if name not in PAGE_WIDGETS:
            raise self.error(f"{{widget}}: okänd widget '{name}'. Välj en av "
                             f"{', '.join(PAGE_WIDGETS)}.")
        env = self.state.document.settings.env
        for source in _sources():
            env.note_dependency(str(source))
        model_id = hashlib.sha256(f"{env.docname}:{name}".encode()).hexdigest()[:32]
        state = {"state": {model_id: saved_state(PAGE_WIDGETS[name]())},
                 "version_major": 2, "version_minor": 0}
        body = json.dumps(state, ensure_ascii=False).replace("</", "<\\/")
        NbMetadataCollector.add_js_file(env, env.docname, "ipywidgets_state", None,
                                        {"type": WIDGET_STATE, "body": body})
        NbMetadataCollector.add_js_file(env, env.docname, "ipywidgets_0", HOST_SCRIPT, {})
        view = json.dumps({"model_id": model_id, "version_major": 2, "version_minor": 1})
        return [nodes.raw("", f'<script type="{WIDGET_VIEW}">{html.escape(view, quote=False)}'
                              "</script>", format="html")]


def setup(app: Sphinx) -> dict:
    app.add_directive("widget", WidgetDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
