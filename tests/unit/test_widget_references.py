"""Notebooks keep a one-line reference to each widget's module, not the module itself; a
live widget still carries the real code."""

import copy
import json

import nbformat
import pytest

from widgets.build import notebooks
from widgets.build.notebooks import WIDGET_STATE, chapter_notebooks
from widgets.content.ui_text import TEXTS
from widgets.views import esm
from widgets.views.quiz import SelfTest


def saved_states(nb) -> list[dict]:
    return [m["state"] for m in nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {}).values()
            if m.get("model_module") == "anywidget"]


def test_a_live_widget_carries_its_real_code():
    quiz = SelfTest.for_chapter("vad-ar-tillit")
    assert quiz._esm == esm.module("quiz") and "function renderMarkup" in quiz._esm
    assert esm.parse_reference(quiz._esm) is None


@pytest.mark.parametrize("name", esm.module_names())
def test_references_name_the_module_and_its_hash(name):
    module_ref = esm.reference_for("_esm", esm.module(name))
    style_ref = esm.reference_for("_css", esm.stylesheet(name))
    assert module_ref.count("\n") == 2 and len(module_ref) < 250
    module_hash, style_hash = esm.content_hash(esm.module(name)), esm.content_hash(esm.stylesheet(name))
    assert esm.parse_reference(module_ref) == esm.Reference("module", name, module_hash)
    assert esm.parse_reference(style_ref) == esm.Reference("style", name, style_hash)
    assert esm.module_file_name(name) == f"{name}.{esm.content_hash(esm.module(name))}.js"
    # opened in Jupyter before the cell has run, the reference says what to do (in Swedish)
    assert "export default" in module_ref and TEXTS["notebook"]["run_cell"] in module_ref


def test_code_that_is_not_a_current_module_stays_as_it_is():
    old = esm.module("quiz") + "\n// an older version"
    assert esm.reference_for("_esm", old) == old
    assert esm.reference_for("_esm", None) is None
    assert esm.parse_reference(old) is None and esm.parse_reference(42) is None


def test_normalising_replaces_code_by_references_once():
    path = next(p for p in chapter_notebooks() if p.stem == "vad-ar-tillit")
    nb = nbformat.read(path, as_version=4)
    live = copy.deepcopy(nb)
    for state in saved_states(live):  # as nbclient stores it from a live kernel
        ref = esm.parse_reference(state["_esm"])
        state["_esm"], state["_css"] = esm.module(ref.name), esm.stylesheet(ref.name)
    once = notebooks.normalise(live, path.stem)
    assert notebooks.dumps(once) == notebooks.dumps(notebooks.normalise(once, path.stem))
    assert [s["_esm"] for s in saved_states(once)] == [s["_esm"] for s in saved_states(nb)]


@pytest.mark.parametrize("path", chapter_notebooks(), ids=lambda p: p.stem)
def test_committed_notebooks_keep_only_references(path):
    nb = nbformat.read(path, as_version=4)
    for state in saved_states(nb):
        for trait in ("_esm", "_css"):
            assert esm.parse_reference(state[trait]), f"{path.name}: {trait} holds code, not a reference"
    text = json.dumps(nb.metadata.get("widgets", {}))
    assert "function renderMarkup" not in text and ".tk-button" not in text
