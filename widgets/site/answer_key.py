"""The answer key (*facit*) to every self-test, as HTML: for the teacher's guide and the PDF.

The ``{facit}`` directive (:mod:`widgets.site.directives`) renders one section per chapter
(``id="facit-<chapter>"``), in the order of ``_toc.yml``, with the right answer and its
explanation for every question.
"""

from __future__ import annotations

import html

from widgets.content import course
from widgets.content.markup import to_html
from widgets.content.questions import QuestionSet, all_question_sets


def _answer(question) -> str:
    d = question.data
    if question.kind == "single":
        option = next(o for o in d["options"] if o["correct"])
        return f"<p><strong>{to_html(option['text'])}</strong></p><p>{to_html(option['feedback'])}</p>"
    if question.kind == "multiple":
        items = "".join(f"<li><strong>{to_html(o['text'])}</strong> – {to_html(o['feedback'])}</li>"
                        for o in d["options"] if o["correct"])
        return f"<ul>{items}</ul>"
    if question.kind == "truefalse":
        verdict = "Sant" if d["answer"] else "Falskt"
        return f"<p><strong>{verdict}.</strong> {to_html(d['feedback'])}</p>"
    if question.kind == "matching":
        items = "".join(f"<li>{to_html(p['left'])} → <strong>{to_html(p['right'])}</strong></li>"
                        for p in d["pairs"])
        return f"<ul>{items}</ul>"
    return f"<p><em>Modellsvar:</em> {to_html(d['model_answer'])}</p>"


def _prompt(question) -> str:
    d = question.data
    return to_html(d["statement"] if question.kind == "truefalse" else d["prompt"])


def chapter_html(question_set: QuestionSet, title: str) -> str:
    items = "".join(f'<li class="tk-key-item"><p class="tk-key-q">{_prompt(q)}</p>{_answer(q)}</li>'
                    for q in question_set.questions)
    return (f'<section class="tk-key" id="facit-{html.escape(question_set.chapter)}">'
            f"<h2>{html.escape(title)}</h2><ol>{items}</ol></section>")


def course_html() -> str:
    sets = {s.chapter: s for s in all_question_sets()}
    parts = [chapter_html(sets[p.slug], p.title) for p in course.pages()
             if p.slug in sets and any(q.graded for q in sets[p.slug].questions)]
    return "\n".join(parts)
