"""*Mina nästa steg*: the learner's personal plan at the end of the course (chapter 10).

In a chapter notebook::

    from widgets.views.plan import PersonalPlan
    PersonalPlan.from_data()

The prompts come from ``data/mina-nasta-steg.yml`` (see :func:`load_prompts`): text prompts
(a text box each) and choice prompts (check boxes, for example the seven hallmarks). The
view keeps the learner's answers in the browser as they type, prints the plan on its own
(*Skriv ut planen*), downloads it as a UTF-8 text file and clears it after a confirmation.
Nothing is sent anywhere. In a live kernel the view writes ``answers`` back, so
``plan.answers`` and :meth:`PersonalPlan.to_text` show the plan in Python.

Answers are a mapping from prompt id to a string (text prompts) or to a list of the chosen
option texts, in the order the prompt lists them (choice prompts). Prompts the learner has
not filled in are left out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import anywidget
import traitlets

from widgets.content.plan import MAX_LENGTH, PLAN_FILE, Prompt, answer_text, check_answers, load_prompts
from widgets.content.ui_text import texts_for
from widgets.views import esm


class PersonalPlan(anywidget.AnyWidget):
    """*Mina nästa steg*. Create it with :meth:`from_data`."""

    _esm = esm.module("plan")
    _css = esm.stylesheet("plan")

    #: The prompts in order: id, kind, label, help, and rows (text) or options (choices).
    prompts = traitlets.List(traitlets.Dict()).tag(sync=True)
    texts = traitlets.Dict().tag(sync=True)
    #: The longest answer a text box takes.
    max_length = traitlets.Int(MAX_LENGTH).tag(sync=True)
    #: Written by the view: prompt id → text, or → list of chosen options (filled-in only).
    answers = traitlets.Dict().tag(sync=True)

    def __init__(self, prompts: tuple[Prompt, ...], **kwargs):
        self._prompts = tuple(prompts)
        super().__init__(
            prompts=[p.to_state() for p in self._prompts],
            texts=texts_for("common", "plan"),
            **kwargs,
        )

    @classmethod
    def from_data(cls, path: Path | str = PLAN_FILE, **kwargs) -> PersonalPlan:
        """The plan with the prompts in ``data/mina-nasta-steg.yml`` (or ``path``)."""
        return cls(load_prompts(path), **kwargs)

    @traitlets.validate("answers")
    def _validate_answers(self, proposal):
        try:
            return check_answers(proposal["value"], self._prompts)
        except ValueError as err:
            raise traitlets.TraitError(f"Mina nästa steg: {err}") from err

    def to_text(self, date: dt.date | str | None = None) -> str:
        """The plan as the text file that *Ladda ner som text* gives (dated ``date``, or today)."""
        t = texts_for("plan")
        if date is None:
            date = dt.date.today()
        stamp = date.isoformat() if isinstance(date, dt.date) else str(date)
        lines = [t["heading"], t["source"], t["date"].format(date=stamp), ""]
        for prompt in self._prompts:
            lines.append(prompt.label)
            lines.append(answer_text(prompt, self.answers.get(prompt.id)) or t["not_filled"])
            lines.append("")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"PersonalPlan(frågor={len(self.prompts)}, ifyllda={len(self.answers)})"
