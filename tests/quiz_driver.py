"""Drive a self-test in the browser as a learner would: by mouse, or by keyboard only.

Keyboard means real key presses (Tab, Shift+Tab, Space, Enter, arrow keys) from wherever focus
is: nothing is focused by a script. After every action the driver checks where focus went
(:func:`press` and :func:`answer`): to the question's status line after *Kontrollera* and
*Visa svaret*, to the model answer after *Visa modellsvar*, to the first input after
*Försök igen*; never to ``<body>``.

Responses have the answer store's form (``widgets/content/kinds/base.py``): single → option id;
multiple → option ids; truefalse → bool; matching → {left id: right id}; reflection → text.
Each kind has one driver class here (:data:`DRIVERS`).
"""

from __future__ import annotations

import re

from widgets.content.markup import to_text
from widgets.content.questions import Question
from widgets.content.ui_text import TEXTS

QUIZ = {**TEXTS["common"], **TEXTS["quiz"]}
REFLECTION_TEXT = "Mitt svar: tillit måste gå åt båda hållen."


def text(key: str, **values) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), QUIZ[key])


def squash(value: str) -> str:
    return " ".join(value.split())


# --- one call per question --------------------------------------------------------------------

def on_one(locator, function: str):
    """``function`` (JavaScript) applied to the one element ``locator`` finds, in one call to the
    page (``Locator.evaluate`` takes three: find, evaluate, let go). Fails unless exactly one
    element matches, like Playwright's strict locators."""
    return locator.evaluate_all(
        f"(els) => {{ if (els.length !== 1) throw new Error(`${{els.length}} elements match, not 1`);"
        f" return ({function})(els[0]); }}")


# --- focus ------------------------------------------------------------------------------------

def active(page) -> str:
    """What has focus, for messages: tag, class and text."""
    return page.evaluate("""() => { const el = document.activeElement;
        if (!el) return 'none';
        const words = (el.textContent || '').trim().slice(0, 40);
        return `${el.tagName.toLowerCase()}.${el.className} ${words}`; }""")


#: Where focus is, compared with an element, in one call: whether the element has it, whether
#: it fell to <body>, the element's focus ring, and what has focus (for messages).
FOCUS = """el => { const a = document.activeElement, s = getComputedStyle(el);
    const words = a ? (a.textContent || '').trim().slice(0, 40) : '';
    return {here: el === a, body: a === document.body, ring: [s.outlineStyle, parseFloat(s.outlineWidth)],
            on: a ? `${a.tagName.toLowerCase()}.${a.className} ${words}` : 'none'}; }"""


def assert_focus(page, locator, what: str, *, visible: bool = False) -> None:
    """Focus is on ``locator`` (never on <body>); with ``visible``, it shows a focus ring."""
    focus = on_one(locator, FOCUS)
    assert focus["here"], f"focus should be on {what}, but is on {focus['on']}"
    assert not focus["body"], "focus fell to <body>"
    if visible:
        ring = focus["ring"]
        assert ring[0] != "none" and ring[1] > 0, f"no visible focus on {what}: {ring}"


#: Where a mouse click on an element lands: its centre, scrolled into view if it is not, and
#: whether a learner could click it there (shown, enabled, and not covered by anything).
CLICK_SPOT = """el => {
    let r = el.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
        el.scrollIntoView({block: 'center', inline: 'center'});
        r = el.getBoundingClientRect();
    }
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    const label = el.labels && el.labels[0];
    return {x, y, shown: r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden',
            enabled: !el.matches(':disabled'),
            covered: !hit || !(el.contains(hit) || (label && label.contains(hit)))
                ? (hit ? hit.tagName.toLowerCase() + '.' + hit.className : 'nothing') : null};
}"""


def click(page, locator) -> None:
    """Click ``locator`` with the mouse, as a learner does: at its centre, once it is shown,
    enabled and not covered. (Playwright's own click also waits for two animation frames in
    which the element does not move; the self-tests do not animate, so the driver checks the
    same things in one call and clicks, in a quarter of the time.)"""
    if not hasattr(page, "mouse"):  # a frame (a packaged chapter in a platform): Playwright
        locator.click()              # works out where its elements are on the page
        return
    spot = on_one(locator, CLICK_SPOT)
    assert spot["shown"], f"{locator} is not shown"
    assert spot["enabled"], f"{locator} is disabled"
    assert spot["covered"] is None, f"{locator} is covered by {spot['covered']}"
    page.mouse.click(spot["x"], spot["y"])


def tab_to(page, locator, *, backwards: bool = False, limit: int = 80) -> None:
    """Press Tab (or Shift+Tab) until ``locator`` (an element, or any of several) has focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if locator.evaluate_all("els => els.includes(document.activeElement)"):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{limit} × {key} never reached {locator}; focus is on {active(page)}")


def press(page, button, *, keyboard: bool) -> None:
    """Activate ``button``: Tab to it and press Enter, or click it."""
    if keyboard:
        tab_to(page, button)
        page.keyboard.press("Enter")
    else:
        click(page, button)


# --- one driver per kind ----------------------------------------------------------------------

class _Driver:
    def right(self, q: Question):
        return q.key

    def wrong(self, q: Question):
        raise NotImplementedError

    def give(self, page, fieldset, q: Question, response, *, keyboard: bool) -> None:
        raise NotImplementedError

    def feedback(self, q: Question) -> list[str]:
        """The explanation texts (markup removed) a settled question shows."""
        raise NotImplementedError

    def wrong_status(self, q: Question, response) -> str:
        return text("wrong")

    def wrong_feedback(self, q: Question, response) -> list[str]:
        """Texts a wrong answer must show (labels and reasons)."""
        return []


class _Choice(_Driver):
    def _inputs(self, fieldset):
        return fieldset.locator(".tk-options input")

    def feedback(self, q):
        return [to_text(o["feedback"]) for o in q.data["options"]]


class SingleDriver(_Choice):
    def wrong(self, q):
        return next(o["id"] for o in q.data["options"] if not o["correct"])

    def give(self, page, fieldset, q, response, *, keyboard):
        ids = [o["id"] for o in q.data["options"]]
        radios = self._inputs(fieldset)
        target = ids.index(response)
        if not keyboard:
            click(page, radios.nth(target))
            return
        tab_to(page, radios)  # the group's tab stop: the checked radio, or the first
        current = radios.evaluate_all("els => els.indexOf(document.activeElement)")
        page.keyboard.press("Space")
        for _ in range((target - current) % len(ids)):
            page.keyboard.press("ArrowDown")
        assert radios.nth(target).is_checked()

    def wrong_feedback(self, q, response):
        option = next(o for o in q.data["options"] if o["id"] == response)
        return [text("option_wrong"), to_text(option["feedback"])]


class MultipleDriver(_Choice):
    def wrong(self, q):
        options = q.data["options"]
        right = [o["id"] for o in options if o["correct"]]
        wrong = [o["id"] for o in options if not o["correct"]]
        # one right and one wrong: the partial credit counts what was chosen
        return sorted(right[:1] + wrong[:1]) if wrong else right[:-1]

    def give(self, page, fieldset, q, response, *, keyboard):
        boxes = self._inputs(fieldset)
        ids = [o["id"] for o in q.data["options"]]
        if keyboard:
            tab_to(page, boxes.first)
        for i, option_id in enumerate(ids):
            box = boxes.nth(i)
            if keyboard and i:
                page.keyboard.press("Tab")
                assert_focus(page, box, f"option {i + 1}")
            if box.is_checked() != (option_id in response):
                if keyboard:
                    page.keyboard.press("Space")
                else:
                    click(page, box)

    def wrong_status(self, q, response):
        right = {o["id"] for o in q.data["options"] if o["correct"]}
        agree = len(set(response) & right)
        if agree == 0:
            return text("wrong")
        if agree == len(response):
            return text("partly_missing")
        return text("partly_some", chosen=len(response), right=agree)


class TrueFalseDriver(_Driver):
    def wrong(self, q):
        return not q.key

    def give(self, page, fieldset, q, response, *, keyboard):
        radios = fieldset.locator(".tk-options input")
        target = 0 if response else 1  # Sant, Falskt
        if not keyboard:
            click(page, radios.nth(target))
            return
        tab_to(page, radios)
        current = radios.evaluate_all("els => els.indexOf(document.activeElement)")
        page.keyboard.press("Space")
        if current != target:
            page.keyboard.press("ArrowDown")
        assert radios.nth(target).is_checked()

    def feedback(self, q):
        return [to_text(q.data["feedback"])]

    def wrong_feedback(self, q, response):
        verdict = "" if q.data["opens_with_verdict"] else \
            " " + text("statement_is_true" if q.key else "statement_is_false")
        return [f"{text('tf_wrong')}{verdict} {to_text(q.data['feedback'])}"]


class MatchingDriver(_Driver):
    def wrong(self, q):
        rights = [p["right_id"] for p in q.data["pairs"]]
        return {p["id"]: rights[(i + 1) % len(rights)] for i, p in enumerate(q.data["pairs"])}

    def give(self, page, fieldset, q, response, *, keyboard):
        selects = fieldset.locator("select")
        for i, pair in enumerate(q.data["pairs"]):
            select = selects.nth(i)
            if not keyboard:
                select.select_option(value=response[pair["id"]])
                continue
            if i == 0:
                tab_to(page, select)
            else:
                page.keyboard.press("Tab")
                assert_focus(page, select, f"row {i + 1}")
            values = select.evaluate("s => [...s.options].map(o => o.value)")
            current = values.index(select.input_value())
            target = values.index(response[pair["id"]])
            key = "ArrowDown" if target > current else "ArrowUp"
            for _ in range(abs(target - current)):
                page.keyboard.press(key)
            assert select.input_value() == response[pair["id"]]

    def feedback(self, q):
        return [to_text(p["feedback"]) for p in q.data["pairs"]]

    def wrong_status(self, q, response):
        agree = sum(response[p["id"]] == p["right_id"] for p in q.data["pairs"])
        return text("wrong") if agree == 0 else text("partly_pairs", right=agree,
                                                      total=len(q.data["pairs"]))

    def wrong_feedback(self, q, response):
        # every wrong pair says so and gives its reason
        return [f"{text('pair_wrong_short')} {to_text(p['feedback'])}"
                for p in q.data["pairs"] if response[p["id"]] != p["right_id"]]


class ReflectionDriver(_Driver):
    def right(self, q):
        return REFLECTION_TEXT

    def wrong(self, q):
        return None

    def give(self, page, fieldset, q, response, *, keyboard):
        area = fieldset.locator("textarea")
        if keyboard:
            tab_to(page, area)
            page.keyboard.type(response)
        else:
            area.fill(response)

    def feedback(self, q):
        return [to_text(q.data["model_answer"])]


DRIVERS: dict[str, _Driver] = {"single": SingleDriver(), "multiple": MultipleDriver(),
                               "truefalse": TrueFalseDriver(), "matching": MatchingDriver(),
                               "reflection": ReflectionDriver()}


def right_response(q: Question):
    return DRIVERS[q.kind].right(q)


def wrong_response(q: Question):
    return DRIVERS[q.kind].wrong(q)


def expected_feedback(q: Question) -> list[str]:
    return DRIVERS[q.kind].feedback(q)


def answer(page, fieldset, q: Question, response, *, keyboard: bool = False) -> None:
    """Give ``response`` to ``q``, press its check button, and check where focus went."""
    DRIVERS[q.kind].give(page, fieldset, q, response, keyboard=keyboard)
    check = fieldset.locator(".tk-check")
    press(page, check, keyboard=keyboard)
    if q.graded:
        assert_focus(page, fieldset.locator(".tk-status"), f"the status of {q.id}", visible=keyboard)
    else:
        assert_focus(page, fieldset.locator(".tk-model-answer"), f"the model answer of {q.id}",
                     visible=keyboard)


def retry(page, fieldset, q: Question, *, keyboard: bool) -> None:
    press(page, fieldset.locator(".tk-retry"), keyboard=keyboard)
    first = fieldset.locator("input, select, textarea").first
    assert_focus(page, first, f"the first input of {q.id}", visible=keyboard)


def reveal(page, fieldset, q: Question, *, keyboard: bool) -> None:
    press(page, fieldset.locator(".tk-reveal"), keyboard=keyboard)
    assert_focus(page, fieldset.locator(".tk-status"), f"the status of {q.id}", visible=keyboard)


#: What a question shows, read in one call: its status (attribute and the line a screen reader
#: hears), the feedback and model answer shown, and the buttons shown ("shown" as Playwright's
#: ``:visible``: a box of some size, not ``visibility: hidden``).
SHOWN = """fs => {
    const shown = el => { const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
    const texts = sel => [...fs.querySelectorAll(sel)].filter(shown).map(el => el.innerText);
    const status = fs.querySelector('.tk-status');
    return {status: fs.getAttribute('data-status'), line: status ? status.innerText : '',
            feedback: texts('.tk-feedback, .tk-model-answer').join(' '),
            buttons: texts('.tk-actions button')};
}"""


def shown(fieldset) -> dict:
    """The question's status, status line, feedback and buttons, as a learner sees them."""
    state = on_one(fieldset, SHOWN)
    state["line"] = squash(state["line"])
    state["feedback"] = squash(state["feedback"])
    return state


def work_through(page, quiz, question_set, *, keyboard: bool, reveal_first: bool) -> int:
    """Answer every question wrong first, then right (or reveal the first); the number revealed."""
    revealed = 0
    for q in question_set.questions:
        fieldset = quiz.locator(f'fieldset[data-question="{q.id}"]')
        if not q.graded:
            answer(page, fieldset, q, right_response(q), keyboard=keyboard)
            state = shown(fieldset)
            assert state["status"] == "reflected"
            assert state["line"].endswith(text("reflection_done"))
            assert squash(expected_feedback(q)[0]) in state["feedback"]
            continue

        wrong = wrong_response(q)
        answer(page, fieldset, q, wrong, keyboard=keyboard)
        state = shown(fieldset)
        assert state["status"] == "wrong", q.id
        assert state["line"].endswith(DRIVERS[q.kind].wrong_status(q, wrong)), q.id
        for reason in DRIVERS[q.kind].wrong_feedback(q, wrong):
            assert squash(reason) in state["feedback"], f"{q.id}: {reason!r} not in {state['feedback']!r}"
        assert state["buttons"] == [text("try_again"), text("reveal")], q.id
        assert not re.search(r"(?i)\b(sant|falskt)\W+(sant|falskt)\b", state["feedback"]), \
            f"{q.id}: {state['feedback']}"

        if reveal_first and not revealed:
            reveal(page, fieldset, q, keyboard=keyboard)
            revealed += 1
            state = shown(fieldset)
            assert state["status"] == "revealed"
            assert state["line"].endswith(text("revealed"))
            for explanation in expected_feedback(q):
                assert squash(explanation) in state["feedback"], q.id
            assert state["buttons"] == []
            continue
        retry(page, fieldset, q, keyboard=keyboard)
        state = shown(fieldset)
        assert state["status"] == "open"
        assert state["feedback"] == ""

        answer(page, fieldset, q, right_response(q), keyboard=keyboard)
        state = shown(fieldset)
        assert state["status"] == "right", q.id
        assert state["line"].endswith(text("right")), q.id
        assert state["buttons"] == [], f"{q.id}: no Försök igen after a right answer"
        for explanation in expected_feedback(q):
            assert squash(explanation) in state["feedback"], f"{q.id}: missing feedback {explanation!r}"
    return revealed


def stored_all_right(question_set) -> str:
    """One chapter's answers, every question right on the first try, in the answer store's
    documented format (widgets/README.md) and written without the JavaScript."""
    rows = {}
    for q in question_set.questions:
        if q.graded:
            rows[q.id] = [q.fp, "r", "r", 1, 1_700_000_000, q.key]
        else:
            rows[q.id] = [q.fp, "x", "", 1, 1_700_000_000, REFLECTION_TEXT]
    import json

    return json.dumps({"v": 1, "c": question_set.chapter, "q": rows}, ensure_ascii=False)
