"""Guess-first explorers do not give their answer away in the chapter text.

The reading of an explorer's result lives in the explorer itself (``after_guess`` in
``data/utforskare.yml``), which shows it only after the learner has guessed or chosen
"Visa utan att gissa". The chapters keep no such reading: a text that is marked
``<!-- after_guess: … -->`` must be moved into the explorer, not left in the chapter."""

import json
import re

import pytest

from widgets.content.explorer_texts import load_texts
from widgets.paths import BOOK

_MARKER = re.compile(r"<!--\s*/?after_guess")
CHAPTERS = sorted(BOOK.glob("*.ipynb"))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_no_chapter_keeps_a_reading_marked_for_its_explorer(path):
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        text = "".join(cell["source"])
        assert not _MARKER.search(text), (
            f"{path.name}: texten märkt med <!-- after_guess … --> ska flyttas till fältet "
            "after_guess för utforskaren i data/utforskare.yml, så att den visas först efter "
            "gissningen.")


def test_every_guess_first_explorer_reads_its_result_after_the_guess():
    for name, texts in load_texts().items():
        if texts.question is not None:
            assert texts.after_guess, f"{name}: a question but no after_guess reading"
