"""``matching``: pair each left-hand item with its right-hand item."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree.ElementTree import SubElement

from widgets.content.data_files import LINE, DataFileError
from widgets.content.kinds.base import (
    TEXT_SCHEMA,
    Kind,
    entries,
    gift_escape,
    seeded_order,
    text_el,
    text_field,
    unique_ids,
)
from widgets.content.markup import to_html, to_text

_PAIR_FIELDS = {"left", "right", "feedback"}


def letter(index: int) -> str:
    """The letter of the ``index``-th right-hand choice (0 → A, 25 → Z, 26 → AA), as CSS's
    ``upper-alpha`` numbers the printed list of choices (``print`` in ``quiz.js``)."""
    if index < 0:
        raise ValueError(index)
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


class Matching(Kind):
    name = "matching"
    required = frozenset({"prompt", "pairs"})
    moodle_type = "matching"

    def parse(self, path: Path, raw: dict, item: str) -> dict[str, Any]:
        prompt = text_field(path, raw, "prompt", item)
        found = entries(
            path, raw, item, key="pairs", what="par", allowed=_PAIR_FIELDS,
            too_few=("en parningsfråga behöver minst två par under 'pairs'.",
                     "lägg till par som '- left: …', 'right: …', 'feedback: …'."),
            not_mapping=("paret är ingen mappning.",
                         "skriv paret som '- left: …' med 'right: …' och 'feedback: …'."))
        pairs: list[dict[str, Any]] = []
        for where, pair in found:
            left, right = text_field(path, pair, "left", where), text_field(path, pair, "right", where)
            feedback = text_field(path, pair, "feedback", where)
            if any(p["left"] == left or p["right"] == right for p in pairs):
                raise DataFileError(path, "två par har samma vänster- eller högerled.", item=where,
                                    line=pair.get(LINE), fix="varje led får bara förekomma en gång.")
            pairs.append({"left": left, "right": right, "feedback": feedback})
        lefts = unique_ids(path, item, raw.get(LINE), [p["left"] for p in pairs])
        rights = unique_ids(path, item, raw.get(LINE), [p["right"] for p in pairs])
        pairs = [{"id": left, **p, "right_id": right} for left, right, p in zip(lefts, rights, pairs)]
        return {"prompt": prompt, "pairs": pairs}

    def schema(self) -> dict[str, Any]:
        pair = {"type": "object",
                "properties": {"left": TEXT_SCHEMA, "right": TEXT_SCHEMA, "feedback": TEXT_SCHEMA},
                "required": ["left", "right", "feedback"], "additionalProperties": False}
        return {"properties": {"prompt": TEXT_SCHEMA,
                               "pairs": {"type": "array", "minItems": 2, "items": pair}},
                "required": ["prompt", "pairs"]}

    def arrange(self, qid, data, slot):
        """Rows in the file's order; the right-hand choices in a fixed order of their own."""
        order = seeded_order(qid, data["pairs"], key="right_id")
        return {**data, "choices": [{"id": p["right_id"], "text": p["right"]} for p in order]}

    def key(self, data):
        return {p["id"]: p["right_id"] for p in data["pairs"]}

    def choices(self, data):
        return [c["id"] for c in data["choices"]]

    def fingerprint_parts(self, data):
        return sorted([p["id"], p["right_id"]] for p in data["pairs"])

    def answer_key_html(self, data, t):
        """Each row (numbered as printed) with the letter of its choice and the choice's text:
        the printed self-test lists the choices as A, B, C … in ``data["choices"]`` order."""
        letters = {c["id"]: letter(i) for i, c in enumerate(data["choices"])}
        items = "".join(f"<li>{to_html(p['left'])} → <strong>{letters[p['right_id']]}</strong>"
                        f" ({to_html(p['right'])})</li>" for p in data["pairs"])
        return f'<ol class="tk-key-pairs">{items}</ol>'

    def moodle(self, data, el, t):
        SubElement(el, "shuffleanswers").text = "true"
        for pair in data["pairs"]:
            sub = text_el(el, "subquestion", to_html(pair["left"]))
            SubElement(SubElement(sub, "answer"), "text").text = to_text(pair["right"])
        # Moodle has no feedback per pair: every pair's explanation goes into the general one.
        explanations = "".join(f"<li>{to_html(p['left'])} → {to_html(p['right'])}: "
                               f"{to_html(p['feedback'])}</li>" for p in data["pairs"])
        text_el(el, "generalfeedback", f"<ul>{explanations}</ul>")

    def gift_answers(self, data, t):
        pairs = "\n".join(f"\t={gift_escape(to_text(p['left']))} -> {gift_escape(to_text(p['right']))}"
                          for p in data["pairs"])
        general = " ".join(f"{to_text(p['left'])} → {to_text(p['right'])}: {to_text(p['feedback'])}"
                           for p in data["pairs"])
        return f"{{\n{pairs}\n\t####{gift_escape(general)}\n}}"
