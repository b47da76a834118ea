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
        feedback: Tillit innebär att följa upp mer selektivt …   # the view says "falskt"
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

Text may use the small markup in :mod:`widgets.content.markup`. Each kind's fields, checks,
key and export formats are its class in :mod:`widgets.content.kinds`; ``data/quiz/schema.json``
is the same rules as a JSON Schema for editors (:func:`quiz_schema`, regenerated with
``python -m widgets.content.questions --write-schema``).

**The order learners see.** Every reader (the web page, its print version, the answer key and
the exports for learning platforms) shows a question's options in the order fixed here, once:
a *single* question's right option goes to the place that keeps the chapter's right answers
spread evenly over the places (questions taken in the order of the hash of their ids, each to
its least used place), and the other options follow in an order seeded by the question's id.
A *multiple* question's options are all in the seeded order; a *matching* question's
right-hand choices too. The order is the same in every build and does not depend on the
order in the file. Responses store option ids, not places (:mod:`widgets.content.kinds.base`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from widgets.content.data_files import LINE, DataFileError, check_fields, entry_id, load_yaml
from widgets.content.kinds import GRADED_KINDS, KINDS, Kind
from widgets.content.kinds.base import digest, fingerprint
from widgets.paths import DATA

QUIZ_DIR = DATA / "quiz"
SCHEMA_FILE = QUIZ_DIR / "schema.json"
KIND_NAMES = tuple(KINDS)

__all__ = ["GRADED_KINDS", "KIND_NAMES", "Question", "QuestionSet", "all_question_sets",
           "load_chapter", "load_questions", "quiz_path", "quiz_schema"]


@dataclass(frozen=True)
class Question:
    """A validated question, its options in the order every reader shows them."""

    id: str
    kind: str
    data: dict[str, Any] = field(compare=False)
    situation: bool = field(default=False, compare=False)

    @property
    def kind_of(self) -> Kind:
        return KINDS[self.kind]

    @property
    def graded(self) -> bool:
        return self.kind_of.graded

    @property
    def fp(self) -> str:
        """The fingerprint of the parts that decide the right answer."""
        return fingerprint(self.kind_of, self.data)

    @property
    def key(self) -> Any:
        """The right answer, in the form the browser stores responses (None if not graded)."""
        return self.kind_of.key(self.data)

    def card(self) -> dict[str, Any]:
        """What the answer store needs to re-grade a saved answer (``static/answers.js``)."""
        card: dict[str, Any] = {"id": self.id, "fp": self.fp, "graded": self.graded}
        if self.graded:
            card["key"] = self.key
            card["accepts"] = self.kind_of.choices(self.data)
        return card

    def to_state(self) -> dict[str, Any]:
        """What the front-end receives: the card, the kind and the kind's fields."""
        return {**self.card(), "kind": self.kind, **self.kind_of.state(self.data)}


@dataclass(frozen=True)
class QuestionSet:
    chapter: str
    questions: tuple[Question, ...]
    path: Path
    #: Things the file may do but had better not (validator warnings, in Swedish).
    warnings: tuple[str, ...] = ()

    @property
    def graded_count(self) -> int:
        return sum(q.graded for q in self.questions)

    def __len__(self) -> int:
        return len(self.questions)


def quiz_path(chapter: str) -> Path:
    return QUIZ_DIR / f"{chapter}.yml"


def _question(path: Path, raw: Any, number: int, seen: dict[str, int | None]) -> Question:
    qid = entry_id(path, raw, number, seen, example="tillit-och-kontroll")
    item = f"fråga '{qid}'"
    line = raw.get(LINE)
    kind = KINDS.get(raw.get("kind"))
    if kind is None:
        raise DataFileError(path, f"okänd frågetyp {raw.get('kind')!r}.", item=item, line=line,
                            fix=f"använd en av: {', '.join(KIND_NAMES)}.")
    check_fields(path, raw, kind.required | kind.optional | {"id", "kind", "situation"}, item)
    situation = raw.get("situation", False)
    if not isinstance(situation, bool) or situation and not kind.graded:
        raise DataFileError(path, f"'situation' ska vara true eller false på en fråga som rättas, "
                                  f"inte {situation!r} på kind: {kind.name}.", item=item, line=line,
                            fix="skriv 'situation: true' på en fråga som utspelar sig i offentlig "
                                "verksamhet, och ta annars bort raden.")
    for key in sorted(kind.required):
        if key not in raw:
            raise DataFileError(path, f"fältet '{key}' saknas (krävs för kind: {kind.name}).",
                                item=item, line=line, fix=f"lägg till '{key}: …'.")
    return Question(qid, kind.name, kind.parse(path, raw, item), situation)


def _arrange(questions: tuple[Question, ...]) -> tuple[Question, ...]:
    """Every question in the order readers show it (see the module's docstring)."""
    used: Counter[int] = Counter()
    slots: dict[str, int] = {}
    for q in sorted((q for q in questions if q.kind_of.balanced), key=lambda q: digest(q.id)):
        places = range(q.kind_of.option_count(q.data))
        slots[q.id] = min(places, key=lambda p: (used[p], digest(f"{q.id}:{p}")))
        used[slots[q.id]] += 1
    return tuple(replace(q, data=q.kind_of.arrange(q.id, q.data, slots.get(q.id)))
                 for q in questions)


def _warnings(path: Path, raw_questions: list) -> tuple[str, ...]:
    found = []
    for raw in raw_questions:
        for problem, fix in KINDS[raw["kind"]].warnings(raw):
            found.append(str(DataFileError(path, problem, item=f"fråga '{raw['id']}'",
                                           line=raw.get(LINE), fix=fix)))
    return tuple(found)


def load_questions(path: Path | str, *, chapter: str | None = None) -> QuestionSet:
    """Read and validate one question file. Raises :class:`DataFileError` on any problem."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise DataFileError(path, "filen ska börja med 'chapter:' och 'questions:'.",
                            fix="se exemplet överst i widgets/content/questions.py eller i "
                                "CONTRIBUTING.md.")
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
    return QuestionSet(expected, _arrange(parsed), path, _warnings(path, questions))


def load_chapter(chapter: str) -> QuestionSet:
    """The question set of ``chapter`` (file name in ``book/`` without ``.ipynb``)."""
    return load_questions(quiz_path(chapter), chapter=chapter)


def all_question_sets() -> list[QuestionSet]:
    return [load_questions(p) for p in sorted(QUIZ_DIR.glob("*.yml"))]


def quiz_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for ``data/quiz/*.yml``, made from the kinds' own schemas.

    Editors use it to complete and check a file as it is written. The Swedish validator
    (:func:`load_questions`) stays the judge: it also checks what a schema cannot say (unique
    ids, options and pairs; the chapter's name; that the file is YAML at all).
    """
    id_schema = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
    per_kind = []
    for kind in KINDS.values():
        own = kind.schema()
        per_kind.append({
            "if": {"properties": {"kind": {"const": kind.name}}, "required": ["kind"]},
            "then": {
                "properties": {"id": True, "kind": True,
                               **({"situation": True} if kind.graded else {}),
                               **own["properties"]},
                "required": own["required"],
                "additionalProperties": False,
            },
        })
    question = {
        "type": "object",
        "properties": {"id": id_schema, "kind": {"enum": list(KIND_NAMES)},
                       "situation": {"type": "boolean"}},
        "required": ["id", "kind"],
        "allOf": per_kind,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://tillitskursen.github.io/tillitskursen/data/quiz/schema.json",
        "title": "Tillitskursen: självtestets frågor (data/quiz/<kapitel>.yml)",
        "description": ("Skapad av widgets/content/questions.py (quiz_schema). Ändra inte för "
                        "hand: kör 'python -m widgets.content.questions --write-schema'."),
        "type": "object",
        "properties": {
            "chapter": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "questions": {"type": "array", "minItems": 1, "items": question},
        },
        "required": ["chapter", "questions"],
        "additionalProperties": False,
    }


def schema_text() -> str:
    return json.dumps(quiz_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m widgets.content.questions [files]``: validate question files (default: all).

    ``--write-schema`` writes ``data/quiz/schema.json`` from the kinds' schemas.
    """
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    if "--write-schema" in args:
        SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
        print(f"Skrev {SCHEMA_FILE}.")
        args.remove("--write-schema")
        if not args:
            return 0
    paths = [Path(a) for a in args] or sorted(QUIZ_DIR.glob("*.yml"))
    failed = 0
    for path in paths:
        try:
            question_set = load_questions(path)
        except DataFileError as err:
            failed += 1
            print(err, file=sys.stderr)
        else:
            print(f"ok  {path.name}: {len(question_set)} frågor, {question_set.graded_count} rättas")
            for warning in question_set.warnings:
                print(f"    varning: {warning}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
