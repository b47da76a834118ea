"""The teacher guide lists every explorer from the registry (the ``utforskare`` directive), not
from a list kept by hand."""

import html
import re

from widgets.content.explorer_texts import load_texts
from widgets.views.explorers import EXPLORERS


def test_the_teacher_guide_lists_every_registered_explorer(site):
    page = (site / "book" / "lararhandledning" / "med-och-utan-python.html").read_text(
        encoding="utf-8")
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
    titles = {key: texts.title for key, texts in load_texts().items()}
    for explorer_id, entry in EXPLORERS.items():
        assert f"{entry.call}: {titles[explorer_id]}" in text, entry.call
