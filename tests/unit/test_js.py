"""The front-end modules' pure functions in Node's built-in test runner (``tests/js/*.test.mjs``),
loaded exactly as the widgets ship them (``widgets.views.esm.module``). The tests read the same
JSON tables as the Python tests in ``tests/tables/``, and the question states Python makes:
this test writes both into the folder ``$TK_BUNDLES`` that ``tests/js/bundle.mjs`` reads.

Run alone: ``node --test tests/js/`` (then ``bundle.mjs`` asks ``.venv/bin/python`` itself).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.test_parity_tables import GRADING, table_question
from widgets.content.questions import all_question_sets
from widgets.views import esm
from widgets.views.combine import ProfileCombiner

JS_TESTS = Path(__file__).parents[1] / "js"
MODULES = ("quiz", "overview", "plan", "profile", "explorer", "combine", "certificate")


def write_inputs(folder: Path, tmp_path: Path) -> None:
    """The modules, the grading table's question states and every chapter's question states."""
    for name in MODULES:
        (folder / f"{name}.js").write_text(esm.module(name), encoding="utf-8")
    states = {}
    for number, case in enumerate(GRADING["cases"]):
        place = tmp_path / f"q{number}"
        place.mkdir()
        states[case["name"]] = table_question(place, case["question"]).to_state()
    chapters = {s.chapter: [q.to_state() for q in s.questions] for s in all_question_sets()}
    (folder / "grading-states.json").write_text(json.dumps(states, ensure_ascii=False), encoding="utf-8")
    (folder / "chapter-states.json").write_text(json.dumps(chapters, ensure_ascii=False), encoding="utf-8")
    combiner = ProfileCombiner()
    (folder / "hallmark-states.json").write_text(json.dumps(combiner.hallmarks, ensure_ascii=False),
                                                  encoding="utf-8")
    (folder / "combine-limits.json").write_text(json.dumps(combiner.limits), encoding="utf-8")


def test_node_tests_pass(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js saknas: installera nodejs (README), testerna i tests/js behöver det.")
    folder = tmp_path / "bundles"
    folder.mkdir()
    write_inputs(folder, tmp_path)
    files = sorted(str(p) for p in JS_TESTS.glob("*.test.mjs"))
    assert len(files) >= 5, files
    result = subprocess.run([node, "--test", "--test-reporter=dot", *files], capture_output=True,
                            text=True, timeout=300, env={**os.environ, "TK_BUNDLES": str(folder)})
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
