"""``truefalse``: does a statement hold? The view says the verdict ("Påståendet är falskt.")
before the explanation, so it is never said twice: an explanation that opens with the verdict
as a sentence of its own ("Falskt. Under LOV …") loses that sentence everywhere
(:func:`explanation`); one that opens with a qualified verdict ("Falskt, eller i alla fall inte
säkert. …") keeps it, and then the view, the answer key and the exports leave out their own
verdict sentence (``opens_with_verdict``). The validator warns about both, so new files begin
with the reason."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import SubElement

from widgets.content.data_files import LINE, DataFileError
from widgets.content.kinds.base import TEXT_SCHEMA, Kind, gift_html, text_el, text_field
from widgets.content.markup import to_html

VERDICTS = {True: "Sant", False: "Falskt"}
#: A feedback that opens with a verdict word, as a sentence of its own ("Falskt. …").
_VERDICT_SENTENCE = re.compile(r"^(Sant|Falskt)\s*[.!]\s*")
#: Any opening verdict word ("Falskt, eller …" too): worth a warning.
_VERDICT_WORD = re.compile(r"^(Sant|Falskt)\b")


def explanation(answer: bool, feedback: str) -> str:
    """``feedback`` without an opening verdict sentence that repeats the right verdict."""
    match = _VERDICT_SENTENCE.match(feedback)
    if not match or match.group(1) != VERDICTS[answer]:
        return feedback
    rest = feedback[match.end():]
    return rest[:1].upper() + rest[1:] if rest else feedback


class TrueFalse(Kind):
    name = "truefalse"
    required = frozenset({"statement", "answer", "feedback"})
    optional = frozenset({"prompt"})
    moodle_type = "truefalse"

    def parse(self, path: Path, raw: dict, item: str) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if "prompt" in raw:
            data["prompt"] = text_field(path, raw, "prompt", item)
        data["statement"] = text_field(path, raw, "statement", item)
        answer = raw["answer"]
        if not isinstance(answer, bool):
            raise DataFileError(path, f"'answer' ska vara true eller false, inte {answer!r}.",
                                item=item, line=raw.get(LINE),
                                fix="skriv 'answer: true' om påståendet stämmer, annars "
                                    "'answer: false'.")
        feedback = text_field(path, raw, "feedback", item)
        opening = _VERDICT_SENTENCE.match(feedback)
        if opening and opening.group(1) != VERDICTS[answer]:
            raise DataFileError(path, f"'feedback' börjar med '{opening.group(1)}.', men 'answer' "
                                      f"är {str(answer).lower()}.", item=item, line=raw.get(LINE),
                                fix="rätta 'answer', eller skriv om förklaringen.")
        data["answer"] = answer
        data["feedback"] = explanation(answer, feedback)
        data["opens_with_verdict"] = _VERDICT_WORD.match(data["feedback"]) is not None
        return data

    def warnings(self, raw: dict) -> list[tuple[str, str]]:
        feedback = " ".join(str(raw.get("feedback", "")).split())
        word = _VERDICT_WORD.match(feedback)
        if not word:
            return []
        verdict = "sant" if raw.get("answer") else "falskt"
        return [(f"'feedback' börjar med '{word.group(1)}', men självtestet säger redan "
                 f"'Påståendet är {verdict}.' före förklaringen.",
                 f"ta bort '{word.group(1)}' och börja med skälet.")]

    def schema(self) -> dict[str, Any]:
        return {
            "properties": {"prompt": TEXT_SCHEMA, "statement": TEXT_SCHEMA,
                           "answer": {"type": "boolean"}, "feedback": TEXT_SCHEMA},
            "required": ["statement", "answer", "feedback"],
        }

    def key(self, data):
        return data["answer"]

    def fingerprint_parts(self, data):
        return [" ".join(data["statement"].split()), data["answer"]]

    def question_text(self, data):
        return data["statement"]

    def question_paragraphs(self, data):
        return [data["prompt"], data["statement"]] if data.get("prompt") else [data["statement"]]

    def _verdict(self, data, t) -> str:
        """The verdict sentence, unless the explanation already opens with the verdict."""
        if data["opens_with_verdict"]:
            return ""
        return t["statement_is_true" if data["answer"] else "statement_is_false"] + " "

    def answer_key_html(self, data, t):
        if data["opens_with_verdict"]:
            return f"<p>{to_html(data['feedback'])}</p>"
        verdict = t["true" if data["answer"] else "false"]
        return f"<p><strong>{verdict}.</strong> {to_html(data['feedback'])}</p>"

    def moodle(self, data, el, t):
        for value, word in ((True, "true"), (False, "false")):
            right = data["answer"] is value
            answer = SubElement(el, "answer", {"fraction": "100" if right else "0",
                                               "format": "moodle_auto_format"})
            SubElement(answer, "text").text = word
            said = t["tf_right" if right else "tf_wrong"]
            text_el(answer, "feedback", f"{said} {self._verdict(data, t)}{to_html(data['feedback'])}")

    def gift_answers(self, data, t):
        verdict = "TRUE" if data["answer"] else "FALSE"
        why = f"{self._verdict(data, t)}{gift_html(data['feedback'])}"
        # {TRUE#feedback when answered wrongly#feedback when answered rightly}
        return f"{{{verdict}#{t['tf_wrong']} {why}#{t['tf_right']} {why}}}"
