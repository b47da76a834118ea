"""``single`` (one right option) and ``multiple`` (every right option): choose among options."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from widgets.content.data_files import LINE, DataFileError
from widgets.content.kinds.base import (
    TEXT_SCHEMA,
    Kind,
    entries,
    gift_html,
    moodle_fraction,
    seeded_order,
    text_el,
    text_field,
    unique_ids,
)
from widgets.content.markup import to_html

_OPTION_FIELDS = {"text", "feedback", "correct"}


class _Choice(Kind):
    required = frozenset({"prompt", "options"})
    moodle_type = "multichoice"

    def _check_right_count(self, path: Path, item: str, line: int | None, right: int) -> None:
        raise NotImplementedError

    def parse(self, path: Path, raw: dict, item: str) -> dict[str, Any]:
        prompt = text_field(path, raw, "prompt", item)
        found = entries(
            path, raw, item, key="options", what="alternativ", allowed=_OPTION_FIELDS,
            too_few=("en flervalsfråga behöver minst två alternativ under 'options'.",
                     "lägg till alternativ som '- text: …' med 'feedback: …'."),
            not_mapping=("alternativet är ingen mappning.",
                         "skriv alternativet som '- text: …' med 'feedback: …' under."))
        options: list[dict[str, Any]] = []
        for where, option in found:
            text = text_field(path, option, "text", where)
            feedback = text_field(path, option, "feedback", where)
            correct = option.get("correct", False)
            if not isinstance(correct, bool):
                raise DataFileError(path, f"'correct' ska vara true eller false, inte {correct!r}.",
                                    item=where, line=option.get(LINE),
                                    fix="skriv 'correct: true' på rätt alternativ och utelämna "
                                        "det på de andra.")
            if any(o["text"] == text for o in options):
                raise DataFileError(path, f"alternativet '{text}' finns två gånger.", item=where,
                                    line=option.get(LINE), fix="ta bort eller ändra dubbletten.")
            options.append({"text": text, "feedback": feedback, "correct": correct})
        self._check_right_count(path, item, raw.get(LINE), sum(o["correct"] for o in options))
        ids = unique_ids(path, item, raw.get(LINE), [o["text"] for o in options])
        options = [{"id": i, **o} for i, o in zip(ids, options)]
        return {"prompt": prompt, "options": options}

    def schema(self) -> dict[str, Any]:
        option = {
            "type": "object",
            "properties": {"text": TEXT_SCHEMA, "feedback": TEXT_SCHEMA, "correct": {"type": "boolean"}},
            "required": ["text", "feedback"],
            "additionalProperties": False,
        }
        right = {"type": "object", "properties": {"correct": {"const": True}}, "required": ["correct"]}
        return {
            "properties": {
                "prompt": TEXT_SCHEMA,
                "options": {"type": "array", "minItems": 2, "items": option,
                            "contains": right, **self._right_bounds()},
            },
            "required": ["prompt", "options"],
        }

    def _right_bounds(self) -> dict[str, int]:
        raise NotImplementedError

    def option_count(self, data: dict[str, Any]) -> int:
        return len(data["options"])

    def choices(self, data: dict[str, Any]) -> list[str]:
        return [o["id"] for o in data["options"]]

    def fingerprint_parts(self, data: dict[str, Any]) -> Any:
        return sorted([o["id"], o["correct"]] for o in data["options"])

    def answer_key_html(self, data: dict[str, Any], t: dict[str, str]) -> str:
        raise NotImplementedError

    def moodle(self, data: dict[str, Any], el, t: dict[str, str]) -> None:
        from xml.etree.ElementTree import SubElement

        SubElement(el, "single").text = "true" if self.name == "single" else "false"
        SubElement(el, "shuffleanswers").text = "true"
        SubElement(el, "answernumbering").text = "abc"
        for option, mark in zip(data["options"], self._shares(data)):
            answer = text_el(el, "answer", to_html(option["text"]))
            answer.set("fraction", mark if self.name == "single" else moodle_fraction(mark))
            text_el(answer, "feedback", to_html(option["feedback"]))

    def gift_answers(self, data: dict[str, Any], t: dict[str, str]) -> str:
        marks = [("=" if mark == "100" else "~") if self.name == "single"
                 else f"~%{moodle_fraction(mark)}%" for mark in self._shares(data)]
        lines = [f"\t{mark}{gift_html(o['text'])}#{gift_html(o['feedback'])}"
                 for mark, o in zip(marks, data["options"])]
        return "{\n" + "\n".join(lines) + "\n}"

    def _shares(self, data: dict[str, Any]) -> list:
        raise NotImplementedError


class Single(_Choice):
    """One right option; the right option's place is spread evenly over a chapter."""

    name = "single"
    balanced = True

    def _check_right_count(self, path, item, line, right):
        if right != 1:
            problem = ("inget alternativ är markerat som rätt svar" if right == 0
                       else f"{right} alternativ är markerade som rätt")
            raise DataFileError(path, f"{problem}, men en envalsfråga har exakt ett rätt svar.",
                                item=item, line=line,
                                fix="markera precis ett alternativ med 'correct: true', eller gör "
                                    "frågan till 'kind: multiple'.")

    def _right_bounds(self):
        return {"minContains": 1, "maxContains": 1}

    def arrange(self, qid, data, slot):
        right = [o for o in data["options"] if o["correct"]]
        others = seeded_order(qid, [o for o in data["options"] if not o["correct"]])
        place = min(slot or 0, len(others))
        return {**data, "options": others[:place] + right + others[place:]}

    def key(self, data):
        return next(o["id"] for o in data["options"] if o["correct"])

    def answer_key_html(self, data, t):
        option = next(o for o in data["options"] if o["correct"])
        return f"<p><strong>{to_html(option['text'])}</strong></p><p>{to_html(option['feedback'])}</p>"

    def _shares(self, data):
        return ["100" if o["correct"] else "0" for o in data["options"]]


class Multiple(_Choice):
    """Every right option must be chosen, and no wrong one."""

    name = "multiple"

    def _check_right_count(self, path, item, line, right):
        if right == 0:
            raise DataFileError(path, "inget alternativ är markerat som rätt svar.", item=item,
                                line=line, fix="markera minst ett alternativ med 'correct: true'.")

    def _right_bounds(self):
        return {"minContains": 1}

    def arrange(self, qid, data, slot):
        return {**data, "options": seeded_order(qid, data["options"])}

    def key(self, data):
        return sorted(o["id"] for o in data["options"] if o["correct"])

    def answer_key_html(self, data, t):
        items = "".join(f"<li><strong>{to_html(o['text'])}</strong> – {to_html(o['feedback'])}</li>"
                        for o in data["options"] if o["correct"])
        return f"<ul>{items}</ul>"

    def _shares(self, data):
        right = sum(o["correct"] for o in data["options"])
        wrong = len(data["options"]) - right
        return [1 / right if o["correct"] else -1 / max(wrong, 1) for o in data["options"]]
