"""Self-test questions: the YAML format in ``data/quiz/``, its validation, and grading.

One file per chapter, ``data/quiz/<chapter>.yml``::

    chapter: vad-ar-tillit          # the chapter's file name in book/, without .ipynb
    questions:
      - id: mayer-definition        # unique in the file: a-z, 0-9 and -
        kind: single                # single | multiple | truefalse | matching | reflection
        situation: true             # optional, graded kinds: set in a situation from public-sector work
        prompt: Vilken definition …?
        options:                    # single and multiple
          - text: Viljan att göra sig sårbar …
            correct: true
            feedback: Det är Mayer med fleras definition …
          - text: …
            feedback: …             # every option explains why it is right or wrong
      - id: foljer-upp
        kind: truefalse
        statement: Tillit innebär att man slutar följa upp.
        answer: false
        feedback: Tillit innebär att följa upp mer selektivt …
      - id: kannetecken-par
        kind: matching
        prompt: Para ihop kännetecknet med beskrivningen.
        pairs:
          - left: Öppenhet
            right: Dela information och välkomna kritik.
            feedback: …
      - id: egen-erfarenhet
        kind: reflection
        prompt: Tänk på …
        model_answer: Ett bra svar tar upp …

Text may use the small markup in :mod:`widgets.content.markup`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from widgets.content.data_files import LINE, DataFileError, check_fields, entry_id, load_yaml
from widgets.paths import DATA

QUIZ_DIR = DATA / "quiz"
KINDS = ("single", "multiple", "truefalse", "matching", "reflection")
GRADED_KINDS = ("single", "multiple", "truefalse", "matching")

#: Fields each kind requires and allows (besides ``id`` and ``kind``).
_FIELDS: dict[str, tuple[set[str], set[str]]] = {
    "single": ({"prompt", "options"}, set()),
    "multiple": ({"prompt", "options"}, set()),
    "truefalse": ({"statement", "answer", "feedback"}, {"prompt"}),
    "matching": ({"prompt", "pairs"}, set()),
    "reflection": ({"prompt", "model_answer"}, set()),
}
_OPTION_FIELDS = {"text", "feedback", "correct"}
_PAIR_FIELDS = {"left", "right", "feedback"}


@dataclass(frozen=True)
class Question:
    """A validated question, as the front-end receives it (see :meth:`to_state`)."""

    id: str
    kind: str
    data: dict[str, Any] = field(compare=False)
    situation: bool = field(default=False, compare=False)

    @property
    def graded(self) -> bool:
        return self.kind in GRADED_KINDS

    def to_state(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, **self.data}


@dataclass(frozen=True)
class QuestionSet:
    chapter: str
    questions: tuple[Question, ...]
    path: Path

    @property
    def graded_count(self) -> int:
        return sum(q.graded for q in self.questions)

    def __len__(self) -> int:
        return len(self.questions)


def quiz_path(chapter: str) -> Path:
    return QUIZ_DIR / f"{chapter}.yml"


def _text(path: Path, entry: dict, key: str, item: str) -> str:
    value = entry.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(path, f"fältet '{key}' saknas eller är tomt.", item=item,
                            line=entry.get(LINE), fix=f"skriv en text efter '{key}:'.")
    return value.strip()


def _options(path: Path, question: dict, item: str, kind: str) -> list[dict]:
    options = question.get("options")
    line = question.get(LINE)
    if not isinstance(options, list) or len(options) < 2:
        raise DataFileError(path, "en flervalsfråga behöver minst två alternativ under 'options'.",
                            item=item, line=line,
                            fix="lägg till alternativ som '- text: …' med 'feedback: …'.")
    result = []
    texts: set[str] = set()
    for number, option in enumerate(options, start=1):
        where = f"{item}, alternativ {number}"
        if not isinstance(option, dict):
            raise DataFileError(path, "alternativet är ingen mappning.", item=where, line=line,
                                fix="skriv alternativet som '- text: …' med 'feedback: …' under.")
        check_fields(path, option, _OPTION_FIELDS, where)
        text = _text(path, option, "text", where)
        feedback = _text(path, option, "feedback", where)
        correct = option.get("correct", False)
        if not isinstance(correct, bool):
            raise DataFileError(path, f"'correct' ska vara true eller false, inte {correct!r}.",
                                item=where, line=option.get(LINE),
                                fix="skriv 'correct: true' på rätt alternativ och utelämna det på "
                                    "de andra.")
        if text in texts:
            raise DataFileError(path, f"alternativet '{text}' finns två gånger.", item=where,
                                line=option.get(LINE), fix="ta bort eller ändra dubbletten.")
        texts.add(text)
        result.append({"text": text, "feedback": feedback, "correct": correct})
    n_correct = sum(o["correct"] for o in result)
    if kind == "single" and n_correct != 1:
        problem = ("inget alternativ är markerat som rätt svar" if n_correct == 0
                   else f"{n_correct} alternativ är markerade som rätt")
        raise DataFileError(path, f"{problem}, men en envalsfråga har exakt ett rätt svar.",
                            item=item, line=line,
                            fix="markera precis ett alternativ med 'correct: true', eller gör "
                                "frågan till 'kind: multiple'.")
    if kind == "multiple" and n_correct == 0:
        raise DataFileError(path, "inget alternativ är markerat som rätt svar.", item=item,
                            line=line, fix="markera minst ett alternativ med 'correct: true'.")
    return result


def _pairs(path: Path, question: dict, item: str) -> list[dict]:
    pairs = question.get("pairs")
    line = question.get(LINE)
    if not isinstance(pairs, list) or len(pairs) < 2:
        raise DataFileError(path, "en parningsfråga behöver minst två par under 'pairs'.",
                            item=item, line=line,
                            fix="lägg till par som '- left: …', 'right: …', 'feedback: …'.")
    result = []
    lefts: set[str] = set()
    rights: set[str] = set()
    for number, pair in enumerate(pairs, start=1):
        where = f"{item}, par {number}"
        if not isinstance(pair, dict):
            raise DataFileError(path, "paret är ingen mappning.", item=where, line=line,
                                fix="skriv paret som '- left: …' med 'right: …' och 'feedback: …'.")
        check_fields(path, pair, _PAIR_FIELDS, where)
        left, right = _text(path, pair, "left", where), _text(path, pair, "right", where)
        feedback = _text(path, pair, "feedback", where)
        if left in lefts or right in rights:
            raise DataFileError(path, "två par har samma vänster- eller högerled.", item=where,
                                line=pair.get(LINE), fix="varje led får bara förekomma en gång.")
        lefts.add(left)
        rights.add(right)
        result.append({"left": left, "right": right, "feedback": feedback})
    return result


def _question(path: Path, raw: Any, number: int, seen: dict[str, int | None]) -> Question:
    qid = entry_id(path, raw, number, seen, example="tillit-och-kontroll")
    item = f"fråga '{qid}'"
    line = raw.get(LINE)
    kind = raw.get("kind")
    if kind not in KINDS:
        raise DataFileError(path, f"okänd frågetyp {kind!r}.", item=item, line=line,
                            fix=f"använd en av: {', '.join(KINDS)}.")
    required, optional = _FIELDS[kind]
    check_fields(path, raw, required | optional | {"id", "kind", "situation"}, item)
    situation = raw.get("situation", False)
    if not isinstance(situation, bool) or situation and kind not in GRADED_KINDS:
        raise DataFileError(path, f"'situation' ska vara true eller false på en fråga som rättas, "
                                  f"inte {situation!r} på kind: {kind}.", item=item, line=line,
                            fix="skriv 'situation: true' på en fråga som utspelar sig i offentlig "
                                "verksamhet, och ta annars bort raden.")
    for key in sorted(required):
        if key not in raw:
            raise DataFileError(path, f"fältet '{key}' saknas (krävs för kind: {kind}).",
                                item=item, line=line, fix=f"lägg till '{key}: …'.")
    data: dict[str, Any] = {}
    if "prompt" in raw:
        data["prompt"] = _text(path, raw, "prompt", item)
    if kind in ("single", "multiple"):
        data["options"] = _options(path, raw, item, kind)
    elif kind == "truefalse":
        data["statement"] = _text(path, raw, "statement", item)
        if not isinstance(raw["answer"], bool):
            raise DataFileError(path, f"'answer' ska vara true eller false, inte {raw['answer']!r}.",
                                item=item, line=line,
                                fix="skriv 'answer: true' om påståendet stämmer, annars "
                                    "'answer: false'.")
        data["answer"] = raw["answer"]
        data["feedback"] = _text(path, raw, "feedback", item)
    elif kind == "matching":
        data["pairs"] = _pairs(path, raw, item)
    else:
        data["model_answer"] = _text(path, raw, "model_answer", item)
    return Question(qid, kind, data, situation)


def load_questions(path: Path | str, *, chapter: str | None = None) -> QuestionSet:
    """Read and validate one question file. Raises :class:`DataFileError` on any problem."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise DataFileError(path, "filen ska börja med 'chapter:' och 'questions:'.",
                            fix="se exemplet överst i widgets/questions.py eller i CONTRIBUTING.md.")
    check_fields(path, raw, {"chapter", "questions"}, "filens början")
    expected = chapter or path.stem
    if raw.get("chapter") != expected:
        raise DataFileError(path, f"'chapter' är {raw.get('chapter')!r} men ska vara "
                                  f"{expected!r} (filens namn).",
                            line=raw.get(LINE), fix=f"skriv 'chapter: {expected}'.")
    questions = raw.get("questions")
    if not isinstance(questions, list) or not questions:
        raise DataFileError(path, "listan 'questions' saknas eller är tom.", line=raw.get(LINE),
                            fix="lägg till frågor under 'questions:', var och en som '- id: …'.")
    seen: dict[str, int | None] = {}
    parsed = tuple(_question(path, q, n, seen) for n, q in enumerate(questions, start=1))
    return QuestionSet(expected, parsed, path)


def load_chapter(chapter: str) -> QuestionSet:
    """The question set of ``chapter`` (file name in ``book/`` without ``.ipynb``)."""
    return load_questions(quiz_path(chapter), chapter=chapter)


def all_question_sets() -> list[QuestionSet]:
    return [load_questions(p) for p in sorted(QUIZ_DIR.glob("*.yml"))]


# --- grading -----------------------------------------------------------------------------
# The front-end grades in the browser (static/quiz.js). This mirror lets Python grade
# a learner's answers read from the widget, and lets the tests pin down the rules.

def grade(question: Question, response: Any) -> bool | None:
    """Whether ``response`` answers ``question`` correctly; None for reflection questions.

    Responses: single → option index; multiple → list of option indexes;
    truefalse → bool; matching → list with the chosen right-hand text for each pair.
    """
    data = question.data
    if question.kind == "single":
        return isinstance(response, int) and 0 <= response < len(data["options"]) and \
            data["options"][response]["correct"]
    if question.kind == "multiple":
        chosen = set(response or [])
        return chosen == {i for i, o in enumerate(data["options"]) if o["correct"]}
    if question.kind == "truefalse":
        return response is data["answer"]
    if question.kind == "matching":
        return list(response or []) == [p["right"] for p in data["pairs"]]
    return None



def main(argv: list[str] | None = None) -> int:
    """``python -m widgets.content.questions [files]``: validate question files (default: all)."""
    import sys

    paths = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or sorted(QUIZ_DIR.glob("*.yml"))
    failed = 0
    for path in paths:
        try:
            question_set = load_questions(path)
        except DataFileError as err:
            failed += 1
            print(err, file=sys.stderr)
        else:
            print(f"ok  {path.name}: {len(question_set)} frågor, {question_set.graded_count} rättas")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
