"""Committed outputs are what the code produces now, and re-running changes nothing.

A chapter whose code, data or widgets changed without `make notebooks` fails here,
so the published site always shows what nbval verified.
"""

import pytest

from widgets.build import notebooks

NOTEBOOKS = notebooks.chapter_notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_outputs_are_current(path):
    _, difference = notebooks.run([path], check=True, jobs=1).popitem()
    assert difference is None, (
        f"{path.name} har inaktuella utdata. Kör 'make notebooks NB=book/{path.name}'.\n"
        f"{difference}"
    )


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
