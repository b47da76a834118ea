"""``reflection``: the learner writes freely and compares with a model answer (not graded)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree.ElementTree import SubElement

from widgets.content.kinds.base import TEXT_SCHEMA, Kind, gift_html, text_el, text_field
from widgets.content.markup import to_html


class Reflection(Kind):
    name = "reflection"
    graded = False
    required = frozenset({"prompt", "model_answer"})
    moodle_type = "essay"

    def parse(self, path: Path, raw: dict, item: str) -> dict[str, Any]:
        return {"prompt": text_field(path, raw, "prompt", item),
                "model_answer": text_field(path, raw, "model_answer", item)}

    def schema(self) -> dict[str, Any]:
        return {"properties": {"prompt": TEXT_SCHEMA, "model_answer": TEXT_SCHEMA},
                "required": ["prompt", "model_answer"]}

    def answer_key_html(self, data, t):
        return f"<p><em>{t['model_answer']}:</em> {to_html(data['model_answer'])}</p>"

    def moodle(self, data, el, t):
        SubElement(el, "responseformat").text = "editor"
        SubElement(el, "responserequired").text = "0"
        SubElement(el, "responsefieldlines").text = "10"
        text_el(el, "graderinfo", to_html(data["model_answer"]))
        text_el(el, "generalfeedback", self.answer_key_html(data, t))

    def gift_answers(self, data, t):
        return f"{{\n\t####{gift_html(data['model_answer'])}\n}}"
