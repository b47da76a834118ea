"""*Klassens resultat*: a teacher's overview of the answers files the learners sent
(``static/classresults.js``). The files are read in the teacher's browser, with the same checks
as "Läs in svar från fil" (``static/answerfile.js``); nothing is sent anywhere. For the same in
Python, see :func:`widgets.content.answer_files.read_answer_files`."""

from __future__ import annotations

import anywidget
import traitlets

from widgets.content import course
from widgets.content.answer_files import SUMMARY_COLUMNS
from widgets.content.markup import to_text
from widgets.content.questions import QuestionSet, all_question_sets
from widgets.content.ui_text import texts_for
from widgets.views import esm


def _label(number: int, state: dict) -> str:
    """"3. The question's words" (plain text, at most about 80 characters)."""
    words = to_text(str(state.get("prompt") or state.get("statement") or ""))
    words = words if len(words) <= 80 else words[:79].rsplit(" ", 1)[0] + " …"
    return f"{number}. {words}"


class ClassResults(anywidget.AnyWidget):
    """The class overview: every chapter's questions, to read the learners' files against."""

    _esm = esm.module("classresults")
    _css = esm.stylesheet("classresults")

    #: Per chapter: its title and its questions' states, each with a short ``label``.
    chapters = traitlets.List(traitlets.Dict()).tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)
    #: The CSV file's header: the columns of :meth:`ClassAnswers.summary` in Python.
    csv_columns = traitlets.List(traitlets.Unicode()).tag(sync=True)

    def __init__(self, question_sets: list[QuestionSet] | None = None, **kwargs):
        order = {p.slug: i for i, p in enumerate(course.pages())}
        sets = all_question_sets() if question_sets is None else question_sets
        chapters = [{"chapter": s.chapter, "title": course.page(s.chapter).title,
                     "questions": [{**q.to_state(), "label": _label(n, q.to_state())}
                                   for n, q in enumerate(s.questions, start=1)]}
                    for s in sorted(sets, key=lambda s: order.get(s.chapter, 999))]
        super().__init__(chapters=chapters, csv_columns=list(SUMMARY_COLUMNS),
                         texts=texts_for("common", "quiz", "answer_file", "class_results"),
                         **kwargs)

    def __repr__(self) -> str:
        return f"ClassResults(kapitel={len(self.chapters)})"
