"""How fair the self-tests are: patterns a learner could pass them by, per chapter.

For every question file in ``data/quiz/`` this measures

- the share of true/false statements that are true (a test where almost every statement
  is false can be passed by always answering *Falskt*);
- the share of single-choice questions whose right option is the longest one (ties count
  as longest: a learner who picks the longest option gets it right), and, so that the cure
  does not become the next pattern, the shares whose right option is the shortest, or
  neither the longest nor the shortest;
- the share of graded questions marked ``situation: true``, i.e. set in a situation from
  public-sector work rather than asking who wrote what;
- feedback that opens with a verdict word (``Sant.``, ``Falskt.``, ``Rätt.``, ``Fel.``, ``Ja.``,
  ``Nej.``): the widget already says whether the answer was right, so the word is doubled.

``python -m widgets.build.quiz_balance`` prints the figures per chapter and for the whole
course, lists what breaks a rule, and exits 1 if anything does. The rules are the
constants below; ``tests/unit/test_quiz_balance.py`` runs the same check.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from fractions import Fraction

from widgets.content.markup import to_text
from widgets.content.questions import QuestionSet, all_question_sets

#: Course-wide share of true statements among true/false questions.
TRUE_SHARE_RANGE = (Fraction(2, 5), Fraction(3, 5))
#: A chapter with at least this many true/false questions must have both kinds.
MIXED_FROM = 3
#: Course-wide and per-chapter ceilings for "the longest option is the right one".
LONGEST_RIGHT_COURSE = Fraction(2, 5)
LONGEST_RIGHT_CHAPTER = Fraction(1, 2)
#: Course-wide ceiling for "the shortest option is the right one".
SHORTEST_RIGHT_COURSE = Fraction(2, 5)
#: Course-wide ceiling for "the right option is neither the longest nor the shortest".
MIDDLE_RIGHT_COURSE = Fraction(3, 5)
#: Per chapter: at least this share of graded questions are situations from public-sector work.
SITUATION_SHARE = Fraction(2, 3)

_VERDICT = re.compile(r"^\s*(Sant|Falskt|Rätt|Fel|Ja|Nej)\s*[.,!:]", re.IGNORECASE)


@dataclass
class Balance:
    """The figures for one chapter (or, summed, for the course)."""

    name: str
    truefalse: int = 0
    true: int = 0
    single: int = 0
    longest_right: int = 0
    shortest_right: int = 0
    graded: int = 0
    situations: int = 0
    verdict_openings: list[str] = field(default_factory=list)

    def __add__(self, other: Balance) -> Balance:
        return Balance("hela kursen", self.truefalse + other.truefalse, self.true + other.true,
                       self.single + other.single, self.longest_right + other.longest_right,
                       self.shortest_right + other.shortest_right,
                       self.graded + other.graded, self.situations + other.situations,
                       self.verdict_openings + other.verdict_openings)

    @staticmethod
    def share(part: int, whole: int) -> Fraction | None:
        return Fraction(part, whole) if whole else None


def _right_and_others(options: list[dict]) -> tuple[int, list[int]]:
    lengths = [len(to_text(o["text"])) for o in options]
    right = next(i for i, o in enumerate(options) if o["correct"])
    return lengths[right], lengths[:right] + lengths[right + 1:]


def longest_is_right(options: list[dict]) -> bool:
    """Whether the right option is at least as long as every other (markup stripped)."""
    right, others = _right_and_others(options)
    return right >= max(others)


def shortest_is_right(options: list[dict]) -> bool:
    """Whether the right option is at most as long as every other (markup stripped)."""
    right, others = _right_and_others(options)
    return right <= min(others)


def measure(question_set: QuestionSet) -> Balance:
    result = Balance(question_set.chapter)
    for q in question_set.questions:
        if q.graded:
            result.graded += 1
            result.situations += q.situation
        if q.kind == "truefalse":
            result.truefalse += 1
            result.true += q.data["answer"]
            # the loader takes an opening "Sant."/"Falskt." away (the view says the verdict)
            # and warns about it: count those warnings
            feedbacks = []
            if any(f"fråga '{q.id}'" in warning for warning in question_set.warnings):
                result.verdict_openings.append(f"{question_set.chapter}: {q.id}")
        else:
            feedbacks = [(f", alternativ {n}", o["feedback"])
                         for n, o in enumerate(q.data.get("options", []), start=1)]
        if q.kind == "single":
            result.single += 1
            result.longest_right += longest_is_right(q.data["options"])
            result.shortest_right += shortest_is_right(q.data["options"])
        result.verdict_openings += [f"{question_set.chapter}: {q.id}{where}"
                                    for where, text in feedbacks if _VERDICT.match(text)]
    return result


def problems(chapters: list[Balance]) -> list[str]:
    """Every broken rule, in Swedish, naming the chapter."""
    found: list[str] = []
    course = sum(chapters, Balance("hela kursen"))
    for b in chapters:
        if b.truefalse >= MIXED_FROM and b.true in (0, b.truefalse):
            kind = "sanna" if b.true else "falska"
            found.append(f"{b.name}: alla {b.truefalse} sant/falskt-påståenden är {kind}.")
        longest = Balance.share(b.longest_right, b.single)
        if longest is not None and longest > LONGEST_RIGHT_CHAPTER:
            found.append(f"{b.name}: det längsta alternativet är rätt i {b.longest_right} av "
                         f"{b.single} envalsfrågor (högst {_percent(LONGEST_RIGHT_CHAPTER)}).")
        situations = Balance.share(b.situations, b.graded)
        if situations is not None and situations < SITUATION_SHARE:
            found.append(f"{b.name}: {b.situations} av {b.graded} frågor som rättas är situationer "
                         f"från offentlig verksamhet (minst två tredjedelar).")
    true_share = Balance.share(course.true, course.truefalse)
    low, high = TRUE_SHARE_RANGE
    if true_share is not None and not low <= true_share <= high:
        found.append(f"Hela kursen: {course.true} av {course.truefalse} sant/falskt-påståenden är "
                     f"sanna ({_percent(true_share)}); det ska vara {_percent(low)}–{_percent(high)}.")
    longest = Balance.share(course.longest_right, course.single)
    if longest is not None and longest > LONGEST_RIGHT_COURSE:
        found.append(f"Hela kursen: det längsta alternativet är rätt i {course.longest_right} av "
                     f"{course.single} envalsfrågor (högst {_percent(LONGEST_RIGHT_COURSE)}).")
    shortest = Balance.share(course.shortest_right, course.single)
    if shortest is not None and shortest > SHORTEST_RIGHT_COURSE:
        found.append(f"Hela kursen: det kortaste alternativet är rätt i {course.shortest_right} av "
                     f"{course.single} envalsfrågor (högst {_percent(SHORTEST_RIGHT_COURSE)}).")
    middle = Balance.share(course.single - course.longest_right - course.shortest_right,
                           course.single)
    if middle is not None and middle > MIDDLE_RIGHT_COURSE:
        found.append(f"Hela kursen: det rätta alternativet är varken längst eller kortast i "
                     f"{_percent(middle)} av envalsfrågorna (högst {_percent(MIDDLE_RIGHT_COURSE)}).")
    found += [f"{where}: återkopplingen börjar med ett omdöme (Sant/Falskt/Rätt/Fel/Ja/Nej), "
              f"som widgeten redan visar. Börja med skälet." for where in course.verdict_openings]
    return found


def _percent(value: Fraction | None) -> str:
    return "–" if value is None else f"{round(100 * value)} %"


def table(chapters: list[Balance]) -> str:
    rows = [f"{'kapitel':<32} {'sant':>9} {'längst=rätt':>12} {'kortast=rätt':>12} "
            f"{'situation':>10}"]
    for b in [*chapters, sum(chapters, Balance("hela kursen"))]:
        rows.append(
            f"{b.name:<32} "
            f"{f'{b.true}/{b.truefalse}':>5} {_percent(Balance.share(b.true, b.truefalse)):>4}"
            f"{f'{b.longest_right}/{b.single}':>7} "
            f"{_percent(Balance.share(b.longest_right, b.single)):>4}"
            f"{f'{b.shortest_right}/{b.single}':>7} "
            f"{_percent(Balance.share(b.shortest_right, b.single)):>4}"
            f"{f'{b.situations}/{b.graded}':>6} "
            f"{_percent(Balance.share(b.situations, b.graded)):>4}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    chapters = [measure(s) for s in all_question_sets()]
    print(table(chapters))
    found = problems(chapters)
    for problem in found:
        print(f"FEL  {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
