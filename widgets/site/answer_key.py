"""The answer key (*facit*) to every self-test, as HTML: for the teacher's guide and the PDF.

The ``{facit}`` directive (:mod:`widgets.site.directives`) renders one section per chapter
(``id="facit-<chapter>"``), in the order of ``_toc.yml``, with the right answer and its
explanation for every question, in the order the chapter shows them. Each kind writes its own
answer (:meth:`widgets.content.kinds.base.Kind.answer_key_html`).
"""

from __future__ import annotations

import html

from widgets.content import course
from widgets.content.markup import to_html
from widgets.content.questions import QuestionSet, all_question_sets
from widgets.content.ui_text import texts_for


def chapter_html(question_set: QuestionSet, title: str) -> str:
    t = texts_for("quiz")
    items = "".join(
        f'<li class="tk-key-item"><p class="tk-key-q">{to_html(q.kind_of.question_text(q.data))}</p>'
        f"{q.kind_of.answer_key_html(q.data, t)}</li>"
        for q in question_set.questions)
    return (f'<section class="tk-key" id="facit-{html.escape(question_set.chapter)}">'
            f"<h2>{html.escape(title)}</h2><ol>{items}</ol></section>")


def course_html() -> str:
    sets = {s.chapter: s for s in all_question_sets()}
    parts = [chapter_html(sets[p.slug], p.title) for p in course.pages()
             if p.slug in sets and any(q.graded for q in sets[p.slug].questions)]
    return "\n".join(parts)
