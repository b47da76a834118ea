"""Self-test widgets: one per chapter (``SelfTest``) and the learner's overview (``ProgressOverview``).

In a chapter notebook::

    from widgets.views.quiz import SelfTest
    SelfTest.for_chapter("vad-ar-tillit")

The questions come from ``data/quiz/<chapter>.yml`` (see :mod:`widgets.content.questions`).
Grading runs in the browser, so the self-test works on the static site. In a live
kernel, the view writes the learner's answers back: ``quiz.answers``, ``quiz.score``,
``quiz.first_right`` and ``quiz.answered`` can be read from Python, and
:meth:`SelfTest.results` tabulates them. The view keeps answers with the answer store
(``static/answers.js``), which re-grades them against the current questions on every load,
so a chapter's score and *Min översikt* always agree.
"""

from __future__ import annotations

import anywidget
import pandas as pd
import traitlets

from widgets.content import course
from widgets.content.questions import QuestionSet, all_question_sets, load_chapter
from widgets.content.ui_text import texts_for
from widgets.views import esm


class SelfTest(anywidget.AnyWidget):
    """A chapter's self-test. Create it with :meth:`for_chapter`."""

    _esm = esm.module("quiz")
    _css = esm.stylesheet("quiz")

    chapter = traitlets.Unicode().tag(sync=True)
    questions = traitlets.List(traitlets.Dict()).tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)
    #: Written by the view: question id → {"response", "status" ("right" | "wrong" |
    #: "revealed" | "reflected" | "open"), "first" (the first check's result), "tries"}.
    answers = traitlets.Dict().tag(sync=True)
    #: Written by the view: graded questions answered right (in the end).
    score = traitlets.Int(0).tag(sync=True)
    #: Written by the view: graded questions answered right on the first try.
    first_right = traitlets.Int(0).tag(sync=True)
    #: Written by the view: questions answered (any status).
    answered = traitlets.Int(0).tag(sync=True)

    def __init__(self, question_set: QuestionSet, **kwargs):
        self._question_set = question_set
        super().__init__(
            chapter=question_set.chapter,
            questions=[q.to_state() for q in question_set.questions],
            texts=texts_for("common", "quiz"),
            **kwargs,
        )

    @classmethod
    def for_chapter(cls, chapter: str) -> SelfTest:
        """The self-test of ``chapter`` (its file name in ``book/`` without ``.ipynb``)."""
        return cls(load_chapter(chapter))

    @property
    def graded_count(self) -> int:
        return self._question_set.graded_count

    def results(self) -> pd.DataFrame:
        """The learner's answers so far, one row per question (for a teacher in a notebook)."""
        rows = []
        for number, question in enumerate(self._question_set.questions, start=1):
            record = self.answers.get(question.id) or {}
            rows.append({
                "nr": number,
                "fråga": question.id,
                "typ": question.kind,
                "status": record.get("status", "obesvarad"),
                "första försöket": record.get("first") or "",
            })
        return pd.DataFrame(rows).set_index("nr")

    def __repr__(self) -> str:
        return (f"SelfTest(kapitel={self.chapter!r}, frågor={len(self.questions)}, "
                f"rättade={self.graded_count})")


def chapter_entries(question_sets: list[QuestionSet] | None = None) -> list[dict]:
    """Per chapter with a self-test, in reading order: its id, title, page, notebook and one
    card per question (what *Min översikt* and the certificate count answers with)."""
    order = {p.slug: i for i, p in enumerate(course.pages())}
    sets = all_question_sets() if question_sets is None else question_sets
    chapters = []
    for question_set in sorted(sets, key=lambda s: order.get(s.chapter, 999)):
        page = course.page(question_set.chapter)
        chapters.append({
            "chapter": question_set.chapter,
            "title": page.title,
            "page": f"{page.slug}.html",
            "notebook": f"{page.slug}.ipynb",
            "cards": [q.card() for q in question_set.questions],
        })
    return chapters


class ProgressOverview(anywidget.AnyWidget):
    """*Min översikt*: per chapter, how many questions the learner has answered and got right."""

    _esm = esm.module("overview")
    _css = esm.stylesheet("overview")

    #: Per chapter: its page, its notebook and one card per question (the answer store
    #: re-grades saved answers with them, as the chapter's self-test does).
    chapters = traitlets.List(traitlets.Dict()).tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)

    def __init__(self, question_sets: list[QuestionSet] | None = None, **kwargs):
        super().__init__(chapters=chapter_entries(question_sets),
                         texts=texts_for("common", "quiz", "overview", "answer_file",
                                         "answer_transfer", "review"), **kwargs)

    def __repr__(self) -> str:
        return f"ProgressOverview(kapitel={len(self.chapters)})"
