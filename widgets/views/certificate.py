"""*Kursintyg*: a one-page certificate the learner prints after the final test.

On the page ``book/kursintyg.md``::

    :::{widget} Certificate
    :::

The learner types their name (kept only in this browser); the view reads the saved
self-test answers with the answer store (``static/answers.js``, as *Min översikt* does) and
shows the date, each chapter's results, the course's learning goals
(:func:`widgets.content.course.course_goals`) and that the results come from self-tests the
learner took alone. Printing gives exactly one A4 page (``static/certificate.css``).
"""

from __future__ import annotations

import anywidget
import traitlets

from widgets.content.course import course_goals
from widgets.content.questions import QuestionSet
from widgets.content.ui_text import texts_for
from widgets.views import esm
from widgets.views.quiz import chapter_entries


class Certificate(anywidget.AnyWidget):
    """Kursintyg. ``Certificate()`` reads the questions and the goals from the course."""

    _esm = esm.module("certificate")
    _css = esm.stylesheet("certificate")

    #: Per chapter: as :class:`~widgets.views.quiz.ProgressOverview`'s ``chapters``.
    chapters = traitlets.List(traitlets.Dict()).tag(sync=True)
    #: {"lead": "Efter kursen kan deltagaren", "goals": [...]}.
    goals = traitlets.Dict().tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)
    #: The longest name the certificate takes (it must still print on one page).
    name_max = traitlets.Int(80).tag(sync=True)

    def __init__(self, question_sets: list[QuestionSet] | None = None, **kwargs):
        goals = course_goals()
        super().__init__(chapters=chapter_entries(question_sets),
                         goals={"lead": goals.lead, "goals": list(goals.goals)},
                         texts=texts_for("common", "certificate"), **kwargs)

    def __repr__(self) -> str:
        return f"Certificate(kapitel={len(self.chapters)}, mål={len(self.goals['goals'])})"
