"""Drive a self-test in the browser as a learner would: by mouse or by keyboard only.

Responses use the same shapes as ``widgets.content.questions.grade``: single → option index;
multiple → list of indexes; truefalse → bool; matching → list of right-hand texts;
reflection → text.
"""

from __future__ import annotations

import re

from widgets.content.markup import to_text
from widgets.content.questions import Question
from widgets.content.ui_text import TEXTS

QUIZ = {**TEXTS["common"], **TEXTS["quiz"]}


def text(key: str, **values) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), QUIZ[key])


def right_response(q: Question):
    d = q.data
    if q.kind == "single":
        return next(i for i, o in enumerate(d["options"]) if o["correct"])
    if q.kind == "multiple":
        return [i for i, o in enumerate(d["options"]) if o["correct"]]
    if q.kind == "truefalse":
        return d["answer"]
    if q.kind == "matching":
        return [p["right"] for p in d["pairs"]]
    return "Mitt svar: tillit måste gå åt båda hållen."


def wrong_response(q: Question):
    d = q.data
    if q.kind == "single":
        return next(i for i, o in enumerate(d["options"]) if not o["correct"])
    if q.kind == "multiple":
        wrong = [i for i, o in enumerate(d["options"]) if not o["correct"]]
        return wrong[:1] if wrong else right_response(q)[:-1] or [0]
    if q.kind == "truefalse":
        return not d["answer"]
    if q.kind == "matching":
        rights = [p["right"] for p in d["pairs"]]
        return rights[1:] + rights[:1]
    return None


def _choice_inputs(fieldset):
    return fieldset.locator(".tk-options input")


def answer(page, fieldset, q: Question, response, *, keyboard: bool = False) -> None:
    """Give ``response`` to question ``q`` and press its check button."""
    if q.kind in ("single", "truefalse"):
        index = response if q.kind == "single" else (0 if response else 1)
        inputs = _choice_inputs(fieldset)
        if keyboard:
            inputs.nth(0).focus()
            page.keyboard.press("Space")  # select the first option
            for _ in range(index):
                page.keyboard.press("ArrowDown")
        else:
            inputs.nth(index).click()
    elif q.kind == "multiple":
        inputs = _choice_inputs(fieldset)
        for i in range(inputs.count()):
            wanted = i in response
            if inputs.nth(i).is_checked() == wanted:
                continue
            if keyboard:
                inputs.nth(i).focus()
                page.keyboard.press("Space")
            else:
                inputs.nth(i).click()
    elif q.kind == "matching":
        selects = fieldset.locator("select")
        for i, value in enumerate(response):
            select = selects.nth(i)
            if keyboard:
                options = select.locator("option").all_inner_texts()
                select.focus()
                current = options.index(select.evaluate("s => s.options[s.selectedIndex].text"))
                target = options.index(value)
                key = "ArrowDown" if target > current else "ArrowUp"
                for _ in range(abs(target - current)):
                    page.keyboard.press(key)
            else:
                select.select_option(label=value)
    else:
        area = fieldset.locator("textarea")
        if keyboard:
            area.focus()
            page.keyboard.type(response)
        else:
            area.fill(response)
    check = fieldset.locator(".tk-actions button").first
    if keyboard:
        check.focus()
        page.keyboard.press("Enter")
    else:
        check.click()


def press(page, button, *, keyboard: bool) -> None:
    if keyboard:
        button.focus()
        page.keyboard.press("Enter")
    else:
        button.click()


def expected_feedback(q: Question) -> list[str]:
    """The explanation texts (markup removed) a fully answered question shows."""
    d = q.data
    if q.kind in ("single", "multiple"):
        return [to_text(o["feedback"]) for o in d["options"]]
    if q.kind == "truefalse":
        return [to_text(d["feedback"])]
    if q.kind == "matching":
        return [to_text(p["feedback"]) for p in d["pairs"]]
    return [to_text(d["model_answer"])]


def squash(value: str) -> str:
    return " ".join(value.split())
