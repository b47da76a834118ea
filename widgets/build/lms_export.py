"""Export every chapter's self-test for a learning platform: Moodle XML and GIFT.

``python -m widgets.build.lms_export [--out DIR]`` writes ``tillitskursen-moodle.xml`` and
``tillitskursen-gift.txt`` (all chapters, one category per chapter) and one pair of files per
chapter. ``make book`` puts them in the site under ``fragebank/``.

Question kinds map to Moodle's: single → multichoice (one answer), multiple → multichoice
(several answers; right options share +100 %, wrong ones share −100 %), truefalse →
truefalse, matching → matching, reflection → essay (the model answer as grader information
and general feedback). Every option keeps its feedback; matching pairs' explanations go into
the general feedback, since Moodle has no feedback per pair. Each kind writes its own part
(:mod:`widgets.content.kinds`); options are in the order the web page and the PDF show them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

from widgets.content import course
from widgets.content.kinds.base import gift_escape, gift_html, moodle_fraction, text_el
from widgets.content.markup import to_html
from widgets.content.questions import Question, QuestionSet, all_question_sets
from widgets.content.ui_text import texts_for
from widgets.paths import ROOT

__all__ = ["export", "gift", "gift_escape", "moodle_fraction", "moodle_xml"]

CATEGORY_ROOT = "Tillitskursen"


def _title(chapter: str) -> str:
    try:
        return course.page(chapter).title
    except KeyError:
        return chapter


def _moodle_question(q: Question, number: int, chapter: str) -> ET.Element:
    kind = q.kind_of
    el = ET.Element("question", {"type": kind.moodle_type})
    name = ET.SubElement(el, "name")
    ET.SubElement(name, "text").text = f"{chapter} {number:02d} {q.id}"
    paragraphs = kind.question_paragraphs(q.data)
    text_el(el, "questiontext", "".join(f"<p>{to_html(part)}</p>" for part in paragraphs))
    ET.SubElement(el, "idnumber").text = f"{chapter}:{q.id}"
    ET.SubElement(el, "defaultgrade").text = "1" if q.graded else "0"
    kind.moodle(q.data, el, texts_for("quiz"))
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


def _gift_question(q: Question, number: int, chapter: str) -> str:
    title = gift_escape(f"{chapter} {number:02d} {q.id}")
    prompt = " ".join(q.kind_of.question_paragraphs(q.data))
    return f"::{title}::[html]{gift_html(prompt)} {q.kind_of.gift_answers(q.data, texts_for('quiz'))}"


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
