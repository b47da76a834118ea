"""Repetera: a short session of self-test questions from every chapter (``static/review.js``).

Questions the learner answered wrong come first, then right answers that are due again
(Leitner boxes of 1, 3, 7, 16 and 35 days, ``static/leitner.js``). Each question is shown and
checked exactly as in its chapter (``static/selftest.js``) and the result goes into the
learner's saved answers, so the chapter and *Min översikt* count it too. In a notebook::

    from widgets import Review
    Review()
"""

from __future__ import annotations

import anywidget
import traitlets

from widgets.content import course
from widgets.content.questions import QuestionSet, all_question_sets
from widgets.content.ui_text import texts_for
from widgets.views import esm


class Review(anywidget.AnyWidget):
    """Repetera: every chapter's questions; the view picks the ones that are due."""

    _esm = esm.module("review")
    #: the self-test's stylesheet first (esm.SHARED_STYLES): the questions look as in a chapter
    _css = esm.stylesheet("review")

    #: Per chapter: its title and its questions' states (cards included).
    chapters = traitlets.List(traitlets.Dict()).tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)

    def __init__(self, question_sets: list[QuestionSet] | None = None, **kwargs):
        order = {p.slug: i for i, p in enumerate(course.pages())}
        sets = all_question_sets() if question_sets is None else question_sets
        chapters = [{"chapter": s.chapter, "title": course.page(s.chapter).title,
                     "questions": [q.to_state() for q in s.questions]}
                    for s in sorted(sets, key=lambda s: order.get(s.chapter, 999))]
        super().__init__(chapters=chapters, texts=texts_for("common", "quiz", "review"), **kwargs)

    def __repr__(self) -> str:
        questions = sum(len(c["questions"]) for c in self.chapters)
        return f"Review(kapitel={len(self.chapters)}, frågor={questions})"
