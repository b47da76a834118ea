"""The freshness check rides on nbval's run: each chapter notebook executes once.

nbval executes every code cell of a chapter in one kernel and compares the text outputs with the
committed ones. This plugin records every message that kernel sends, rebuilds the executed
notebook from them with nbclient's own output and widget-state handling (exactly what
``make notebooks`` writes), and after the last cell compares it, normalised, with the committed
file: widget state, images and metadata included. A stale chapter fails its last cell with the
command that fixes it.

A pytest plugin (named in the repository's conftest.py; ``-p tests.notebooks.nbval_freshness``
elsewhere); it does something only when nbval is on (``--nbval``).
"""

from __future__ import annotations

import contextlib
import copy
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete
from nbval.plugin import IPyNbCell, IPyNbFile

from widgets.build import notebooks

_original_get_message = IPyNbFile.get_kernel_message
_original_runtest = IPyNbCell.runtest


class StaleOutputs(AssertionError):
    """The committed outputs are not what the chapter produces now."""


def _recording_get_message(self, timeout=None, stream="iopub"):
    message = _original_get_message(self, timeout=timeout, stream=stream)
    cell = getattr(self, "_tk_cell", None)
    if stream == "iopub" and cell is not None:
        self._tk_messages.append((cell, message))
    return message


def executed_notebook(committed: nbformat.NotebookNode,
                      messages: list[tuple[int, dict]]) -> nbformat.NotebookNode:
    """``committed`` with its code cells' outputs rebuilt from the kernel's ``messages``
    (pairs of code-cell number and iopub message), as nbclient builds them."""
    nb = copy.deepcopy(committed)
    code = [(index, cell) for index, cell in enumerate(nb.cells) if cell.cell_type == "code"]
    for _, cell in code:
        cell.outputs = []
        cell.execution_count = None
    nb.metadata.pop("widgets", None)
    client = NotebookClient(nb, store_widget_state=True, record_timing=False)
    client.reset_execution_trackers()
    current = None
    for number, message in messages:
        index, cell = code[number]
        if number != current:  # what nbclient does before it runs a cell
            current = number
            client.clear_before_next_output = False
        with contextlib.suppress(CellExecutionComplete):  # the cell's "idle": nothing to keep
            client.process_message(message, cell, index)
    client.set_widgets_metadata()
    # nbval runs cells without storing history (the kernel counts 0); a fresh kernel that
    # stores history, as nbclient's, numbers the cells it runs 1, 2, 3 …
    for count, number in enumerate(sorted({number for number, _ in messages}), start=1):
        cell = code[number][1]
        cell.execution_count = count
        for output in cell.outputs:
            if output.output_type == "execute_result":
                output.execution_count = count
    return nb


def _check_freshness(notebook_file) -> None:
    path = Path(str(notebook_file.fspath))
    fresh = notebooks.dumps(notebooks.normalise(
        executed_notebook(notebook_file.nb, notebook_file._tk_messages), path.stem))
    difference = notebooks.difference(path.read_text(encoding="utf-8"), fresh)
    if difference is not None:
        raise StaleOutputs(f"{path.name} har inaktuella utdata. Kör 'make notebooks NB=book/"
                           f"{path.name}'.\n{difference}")


def _runtest_then_check(self):
    notebook_file = self.parent
    if not hasattr(notebook_file, "_tk_messages"):
        notebook_file._tk_messages = []
    notebook_file._tk_cell = self.cell_num
    try:
        _original_runtest(self)
    finally:
        notebook_file._tk_cell = None
    last = sum(cell.cell_type == "code" for cell in notebook_file.nb.cells) - 1
    if self.cell_num == last:
        _check_freshness(notebook_file)


def install() -> None:
    """Record the kernel's messages and check freshness after each chapter's last cell."""
    IPyNbFile.get_kernel_message = _recording_get_message
    IPyNbCell.runtest = _runtest_then_check


def pytest_configure(config):
    if config.getoption("nbval", default=False):
        install()
