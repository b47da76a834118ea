"""Guess-first explorers do not give their answer away in the chapter text.

Every explorer that asks a question before it shows its result (``question`` in
``data/utforskare.yml``) is followed in its chapter by the text that reads the result,
marked ``<!-- after_guess: <explorer id> -->`` … ``<!-- /after_guess -->``, so that it can move
into the explorer and appear only after the guess. The text before the explorer only sets up
the question. When the marked texts have moved into the explorers, change the second test to
require that no marker is left."""

import json
import re

import pytest
import yaml

from widgets.paths import BOOK, DATA

_OPEN = re.compile(r"<!--\s*after_guess:\s*([\w-]+)\s*-->")
_CLOSE = re.compile(r"<!--\s*/after_guess\s*-->")
_EXPLORER = re.compile(r"Explorer\('([\w-]+)'")
CHAPTERS = sorted(BOOK.glob("*.ipynb"))


def guess_first() -> set[str]:
    texts = yaml.safe_load((DATA / "utforskare.yml").read_text(encoding="utf-8"))
    return {name for name, entry in texts.items() if isinstance(entry, dict) and "question" in entry}


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def explorer_id(cell) -> str | None:
    for output in cell.get("outputs", []):
        found = _EXPLORER.search("".join(output.get("data", {}).get("text/plain", "")))
        if found:
            return found.group(1)
    return None


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_markers_are_balanced_and_name_a_guess_first_explorer(path):
    known = guess_first()
    for cell in cells(path):
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        opens, closes = _OPEN.findall(text), _CLOSE.findall(text)
        assert len(opens) == len(closes), (path.name, opens)
        assert set(opens) <= known, (path.name, set(opens) - known)
        for block in re.findall(r"<!--\s*after_guess.*?/after_guess\s*-->", text, re.DOTALL):
            assert len(_OPEN.findall(block)) == 1, (path.name, "nested or unclosed marker")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_every_guess_first_explorer_is_followed_by_its_marked_reading(path):
    known = guess_first()
    nb = cells(path)
    for index, cell in enumerate(nb):
        name = explorer_id(cell) if cell["cell_type"] == "code" else None
        if name not in known:
            continue
        following = "".join(nb[index + 1]["source"]).lstrip()
        opened = _OPEN.match(following)
        assert opened and opened.group(1) == name, (
            f"{path.name}: texten efter utforskaren '{name}' ska börja med "
            f"<!-- after_guess: {name} -->, så att läsningen av resultatet visas först efter "
            f"gissningen.")
