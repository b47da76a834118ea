"""Committed outputs are what the code produces now.

The check runs on nbval's execution of each chapter (tests/notebooks/nbval_freshness.py), so a
chapter executes once in the suite; a chapter whose code, data or widgets changed without
`make notebooks` fails its last cell with the command that fixes it. These tests show the check
can fail, and cover the normalisation it compares by.
"""

import os
import subprocess
import sys

import nbformat
import pytest

from widgets.build import notebooks
from widgets.paths import ROOT

#: A cell whose output nbval itself does not compare (an image): only the freshness check can
#: notice that it changed.
IMAGE_CELL = "from IPython.display import display\ndisplay({'image/png': 'iVBORw0KGgo='}, raw=True)"


def _nbval(path):
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.notebooks.nbval_freshness", "--nbval",
         "--nbval-current-env", "-p", "no:cacheprovider", "-q", "-o", "addopts=",
         "--rootdir", str(path.parent), str(path)],
        cwd=path.parent, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_the_nbval_run_fails_a_notebook_whose_image_output_is_stale(tmp_path):
    path = tmp_path / "kapitel.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell(IMAGE_CELL)]
    nbformat.write(nb, path)
    path.write_text(notebooks.dumps(notebooks.execute(path)), encoding="utf-8")
    fresh = _nbval(path)
    assert fresh.returncode == 0, fresh.stdout[-3000:]
    path.write_text(path.read_text(encoding="utf-8").replace('"image/png": "iVBORw0KGgo="',
                                                             '"image/png": "R0lGODlh"'),
                    encoding="utf-8")
    stale = _nbval(path)
    assert stale.returncode == 1, stale.stdout[-3000:]
    assert "kapitel.ipynb har inaktuella utdata" in stale.stdout
    assert "make notebooks NB=book/kapitel.ipynb" in stale.stdout


def test_normalise_makes_widget_ids_stable():
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["widgets"] = {notebooks.WIDGET_STATE: {"state": {
        "a" * 32: {"state": {"layout": "IPY_MODEL_" + "b" * 32}},
        "b" * 32: {"state": {}},
    }}}
    out = notebooks.normalise(nb, "kapitel")
    state = out.metadata["widgets"][notebooks.WIDGET_STATE]["state"]
    first, second = list(state)
    assert "a" * 32 not in state and "b" * 32 not in state
    assert state[first]["state"]["layout"] == f"IPY_MODEL_{second}"
    assert notebooks.normalise(nb, "kapitel") == out


def test_a_failing_cell_is_reported_by_notebook_and_error(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("raise ValueError('trasig data')")]
    path = tmp_path / "trasig.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(notebooks.NotebookError, match=r"trasig\.ipynb: .*ValueError: trasig data"):
        notebooks.run([path], check=False, jobs=1)
