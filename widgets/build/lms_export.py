"""Export every chapter's self-test for a learning platform: Moodle XML and GIFT.

``python -m widgets.build.lms_export [--out DIR]`` writes ``tillitskursen-moodle.xml`` and
``tillitskursen-gift.txt`` (all chapters, one category per chapter) and one pair of files per
chapter. ``make book`` puts them in the site under ``fragebank/``.

Question kinds map to Moodle's: single → multichoice (one answer), multiple → multichoice
(several answers; right options share +100 %, wrong ones share −100 %), truefalse →
truefalse, matching → matching, reflection → essay (the model answer as grader information
and general feedback). Every option keeps its feedback; matching pairs' explanations go into
the general feedback, since Moodle has no feedback per pair.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

from widgets.content import course
from widgets.content.markup import to_html, to_text
from widgets.content.questions import Question, QuestionSet, all_question_sets
from widgets.paths import ROOT

#: Moodle accepts only these answer fractions (percent).
MOODLE_FRACTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                    16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0)
CATEGORY_ROOT = "Tillitskursen"


def moodle_fraction(share: float) -> str:
    """The Moodle fraction nearest to ``share`` × 100 (sign kept), as Moodle writes it."""
    value = min(MOODLE_FRACTIONS, key=lambda f: abs(f - abs(share) * 100))
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return f"-{text}" if share < 0 and value else text


def _title(chapter: str) -> str:
    try:
        return course.page(chapter).title
    except KeyError:
        return chapter


def _text_el(parent: ET.Element, tag: str, html: str, fmt: str = "html") -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(el, "text").text = html
    return el


def _moodle_question(q: Question, number: int, chapter: str) -> ET.Element:
    d = q.data
    kind = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse",
            "matching": "matching", "reflection": "essay"}[q.kind]
    el = ET.Element("question", {"type": kind})
    name = ET.SubElement(el, "name")
    ET.SubElement(name, "text").text = f"{chapter} {number:02d} {q.id}"
    prompt = d["statement"] if q.kind == "truefalse" else d["prompt"]
    if q.kind == "truefalse" and d.get("prompt"):
        prompt = f"{d['prompt']}\n\n{d['statement']}"
    _text_el(el, "questiontext", "".join(f"<p>{to_html(part)}</p>" for part in prompt.split("\n\n")))
    ET.SubElement(el, "idnumber").text = f"{chapter}:{q.id}"
    ET.SubElement(el, "defaultgrade").text = "0" if q.kind == "reflection" else "1"
    if q.kind in ("single", "multiple"):
        ET.SubElement(el, "single").text = "true" if q.kind == "single" else "false"
        ET.SubElement(el, "shuffleanswers").text = "true"
        ET.SubElement(el, "answernumbering").text = "abc"
        right = sum(o["correct"] for o in d["options"])
        wrong = len(d["options"]) - right
        for option in d["options"]:
            if q.kind == "single":
                fraction = "100" if option["correct"] else "0"
            else:
                fraction = moodle_fraction(1 / right if option["correct"] else -1 / max(wrong, 1))
            answer = _text_el(el, "answer", to_html(option["text"]))
            answer.set("fraction", fraction)
            _text_el(answer, "feedback", to_html(option["feedback"]))
    elif q.kind == "truefalse":
        for value, word in ((True, "true"), (False, "false")):
            answer = ET.SubElement(el, "answer", {"fraction": "100" if d["answer"] is value else "0",
                                                  "format": "moodle_auto_format"})
            ET.SubElement(answer, "text").text = word
            verdict = "Rätt." if d["answer"] is value else "Fel."
            _text_el(answer, "feedback", f"{verdict} {to_html(d['feedback'])}")
    elif q.kind == "matching":
        ET.SubElement(el, "shuffleanswers").text = "true"
        for pair in d["pairs"]:
            sub = _text_el(el, "subquestion", to_html(pair["left"]))
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = to_text(pair["right"])
        explanations = "".join(f"<li>{to_html(p['left'])} → {to_html(p['right'])}: "
                               f"{to_html(p['feedback'])}</li>" for p in d["pairs"])
        _text_el(el, "generalfeedback", f"<ul>{explanations}</ul>")
    else:
        ET.SubElement(el, "responseformat").text = "editor"
        ET.SubElement(el, "responserequired").text = "0"
        ET.SubElement(el, "responsefieldlines").text = "10"
        _text_el(el, "graderinfo", to_html(d["model_answer"]))
        _text_el(el, "generalfeedback", f"<p><em>Modellsvar:</em> {to_html(d['model_answer'])}</p>")
    return el


def moodle_xml(question_sets: list[QuestionSet]) -> str:
    quiz = ET.Element("quiz")
    for question_set in question_sets:
        category = ET.SubElement(quiz, "question", {"type": "category"})
        cat = ET.SubElement(category, "category")
        ET.SubElement(cat, "text").text = f"$course$/top/{CATEGORY_ROOT}/{_title(question_set.chapter)}"
        for number, q in enumerate(question_set.questions, start=1):
            quiz.append(_moodle_question(q, number, question_set.chapter))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


# --- GIFT ------------------------------------------------------------------------------------

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters; keep the text on one line."""
    return _GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _gift_html(text: str) -> str:
    return gift_escape(to_html(text))


def _gift_question(q: Question, number: int, chapter: str) -> str:
    d = q.data
    title = gift_escape(f"{chapter} {number:02d} {q.id}")
    if q.kind == "truefalse":
        prompt = (d.get("prompt", "") + " " + d["statement"]).strip()
        verdict = "TRUE" if d["answer"] else "FALSE"
        feedback = _gift_html(d["feedback"])
        # {TRUE#feedback when answered wrongly#feedback when answered rightly}
        return f"::{title}::[html]{_gift_html(prompt)} {{{verdict}#Fel. {feedback}#Rätt. {feedback}}}"
    if q.kind in ("single", "multiple"):
        right = sum(o["correct"] for o in d["options"])
        wrong = len(d["options"]) - right
        lines = []
        for o in d["options"]:
            if q.kind == "single":
                mark = "=" if o["correct"] else "~"
            else:
                share = 1 / right if o["correct"] else -1 / max(wrong, 1)
                mark = f"~%{moodle_fraction(share)}%"
            lines.append(f"\t{mark}{_gift_html(o['text'])}#{_gift_html(o['feedback'])}")
        return f"::{title}::[html]{_gift_html(d['prompt'])} {{\n" + "\n".join(lines) + "\n}"
    if q.kind == "matching":
        pairs = "\n".join(f"\t={gift_escape(to_text(p['left']))} -> {gift_escape(to_text(p['right']))}"
                          for p in d["pairs"])
        general = " ".join(f"{to_text(p['left'])} → {to_text(p['right'])}: {to_text(p['feedback'])}"
                           for p in d["pairs"])
        return (f"::{title}::[html]{_gift_html(d['prompt'])} {{\n{pairs}\n"
                f"\t####{gift_escape(general)}\n}}")
    return f"::{title}::[html]{_gift_html(d['prompt'])} {{\n\t####{_gift_html(d['model_answer'])}\n}}"


def gift(question_sets: list[QuestionSet]) -> str:
    blocks = []
    for question_set in question_sets:
        blocks.append(f"$CATEGORY: $course$/top/{CATEGORY_ROOT}/{_title(question_set.chapter)}")
        blocks += [_gift_question(q, n, question_set.chapter)
                   for n, q in enumerate(question_set.questions, start=1)]
    return "\n\n".join(blocks) + "\n"


def export(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    order = {p.slug: i for i, p in enumerate(course.pages())}
    sets = sorted((s for s in all_question_sets() if s.chapter != "intro"),
                  key=lambda s: order.get(s.chapter, 999))
    written = []
    for name, content in (("tillitskursen-moodle.xml", moodle_xml(sets)),
                          ("tillitskursen-gift.txt", gift(sets))):
        (out / name).write_text(content, encoding="utf-8")
        written.append(out / name)
    for question_set in sets:
        for suffix, content in (("moodle.xml", moodle_xml([question_set])),
                                ("gift.txt", gift([question_set]))):
            path = out / f"{question_set.chapter}-{suffix}"
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "html" / "fragebank")
    args = parser.parse_args(argv)
    written = export(args.out)
    print(f"Skrev {len(written)} filer med frågor för lärplattformar i {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
