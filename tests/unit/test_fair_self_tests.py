"""Fair self-tests: no answer can be found by a pattern instead of by knowing it.

The figures are taken from the questions in the order learners see them (the web page, the PDF,
the answer key and the exports all use :func:`widgets.content.questions.load_questions`'s
order). Each test reports every chapter and the whole course, and fails on a clear pattern
where there are at least :data:`MIN_QUESTIONS` questions to judge by:

- the right option of *single* questions in one place (1st, 2nd, …) more than 40 % of the time;
- the right option being the longest one more than 40 % of the time;
- the right options of *multiple* questions being the first ones (a block at the top) more
  than 40 % of the time;
- *truefalse* statements with one answer more than 65 % of the time (the fair share is 50 %:
  the same 15-point margin over the fair share as 40 % is over the 25 % of four places).

The order of options is fixed by code (balanced, seeded by the question's id); which option is
longest and which statements are true is the content's, so those tests fail until the question
files are rebalanced.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pytest

from widgets.content.markup import to_text
from widgets.content.questions import all_question_sets

MIN_QUESTIONS = 5
LIMIT = 0.40
TRUE_FALSE_LIMIT = 0.65
COURSE = "hela kursen"


@dataclass
class Figures:
    positions: Counter = field(default_factory=Counter)
    singles: int = 0
    longest_right: int = 0
    true: int = 0
    false: int = 0
    multiples: int = 0
    top_block: int = 0

    def add(self, other: Figures) -> None:
        self.positions.update(other.positions)
        for name in ("singles", "longest_right", "true", "false", "multiples", "top_block"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _length(option) -> int:
    return len(" ".join(to_text(option["text"]).split()))


def figures_of(question_set) -> Figures:
    found = Figures()
    for q in question_set.questions:
        options = q.data.get("options", [])
        if q.kind == "single":
            found.singles += 1
            right = next(i for i, o in enumerate(options) if o["correct"])
            found.positions[right + 1] += 1
            lengths = [_length(o) for o in options]
            if all(lengths[right] > n for i, n in enumerate(lengths) if i != right):
                found.longest_right += 1
        elif q.kind == "multiple":
            found.multiples += 1
            flags = [o["correct"] for o in options]
            if flags == sorted(flags, reverse=True):
                found.top_block += 1
        elif q.kind == "truefalse":
            found.true += q.data["answer"] is True
            found.false += q.data["answer"] is False
    return found


def all_figures() -> dict[str, Figures]:
    per_chapter = {s.chapter: figures_of(s) for s in all_question_sets()}
    course = Figures()
    for figures in per_chapter.values():
        course.add(figures)
    return {**per_chapter, COURSE: course}


FIGURES = all_figures()


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "–"


def report(title: str, rows: list[tuple[str, str, bool]]) -> str:
    """A table with one line per chapter and the course; '!!' marks a clear pattern."""
    width = max(len(name) for name, _, _ in rows)
    lines = [title] + [f"  {'!!' if bad else '  '} {name:<{width}}  {text}" for name, text, bad in rows]
    return "\n".join(lines)


def check(title: str, rows: list[tuple[str, str, bool]]) -> None:
    """Print the figures (``pytest -s`` shows them when all is well) and fail on a pattern."""
    text = report(title, rows)
    print(text)
    assert [name for name, _, bad in rows if bad] == [], text


def test_the_right_option_is_not_in_one_place():
    rows = []
    for name, f in FIGURES.items():
        top, count = max(f.positions.items(), key=lambda kv: kv[1]) if f.positions else (0, 0)
        places = ", ".join(f"{place}.: {f.positions[place]}" for place in sorted(f.positions))
        bad = f.singles >= MIN_QUESTIONS and count / f.singles > LIMIT
        rows.append((name, f"rätt svar per plats {places or '–'}; oftast plats {top}: "
                           f"{_share(count, f.singles)}", bad))
    check("Det rätta alternativets plats (envalsfrågor):", rows)


def test_the_right_option_is_not_the_longest():
    rows = [(name, f"det längsta alternativet är rätt i {_share(f.longest_right, f.singles)}",
             f.singles >= MIN_QUESTIONS and f.longest_right / f.singles > LIMIT)
            for name, f in FIGURES.items()]
    check("Det längsta alternativet är det rätta (envalsfrågor):", rows)


def test_true_and_false_are_both_common():
    rows = []
    for name, f in FIGURES.items():
        total = f.true + f.false
        bad = total >= MIN_QUESTIONS and max(f.true, f.false) / total > TRUE_FALSE_LIMIT
        rows.append((name, f"sant {_share(f.true, total)}, falskt {_share(f.false, total)}", bad))
    check("Sant och falskt (påståenden):", rows)


def test_the_right_options_are_not_the_top_ones():
    rows = [(name, f"de rätta alternativen står först i {_share(f.top_block, f.multiples)}",
             f.multiples >= MIN_QUESTIONS and f.top_block / f.multiples > LIMIT)
            for name, f in FIGURES.items()]
    check("De rätta alternativen står överst (flervalsfrågor):", rows)


@pytest.mark.parametrize("places, expected", [([1, 1, 1, 2, 3], True), ([1, 2, 3, 4, 1], False),
                                              ([1, 1, 2, 2], False)])
def test_the_rule_itself(places, expected):
    """The rule flags a clear pattern and lets an even spread pass (it can fail and pass)."""
    count = Counter(places).most_common(1)[0][1]
    assert (len(places) >= MIN_QUESTIONS and count / len(places) > LIMIT) is expected
