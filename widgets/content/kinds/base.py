"""What every question kind has, and the helpers the kinds share.

A kind (one module each in this package) holds all of its Python parts in one class: the
fields it takes and how they are validated (with the Swedish messages), its JSON Schema,
the order its options are shown in, its *key* (the right answer as a response), its
fingerprint, and how it is written in the answer key (facit), Moodle XML and GIFT. The
front-end parts (render, read, write, complete, feedback, print) are the kind's entry in
``KINDS`` in ``widgets/views/static/quiz.js``.

**Responses and keys.** The browser stores a learner's response in a form that does not
depend on the order options are shown in: an option's *id* is a short hash of its text
(:func:`short_id`). Single → an option id; multiple → the sorted option ids; truefalse →
true/false; matching → {left id: right id}; reflection → the text. A graded kind's
:meth:`Kind.key` is the right answer in exactly that form, so grading is one comparison
(``gradeResponse`` in ``static/answers.js``), the same in a chapter and in *Min översikt*.

**Fingerprints.** :meth:`Kind.fingerprint_parts` are the parts of a question that decide
which answer is right (for a choice question: the options and which are right). Their hash,
:attr:`Question.fp <widgets.content.questions.Question.fp>`, is stored with each answer; when
a question file changes those parts, old answers no longer count.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, ClassVar
from xml.etree import ElementTree as ET

from widgets.content.data_files import LINE, DataFileError, check_fields
from widgets.content.markup import to_html, to_text

#: A text in a question file: a string (or a number written as text) with something in it.
TEXT_SCHEMA = {"type": ["string", "number"], "pattern": r"\S"}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short_id(text: str) -> str:
    """A text's identity in responses: 6 hex digits of the hash of its plain words."""
    return digest(" ".join(to_text(text).split()).casefold())[:6]


def seeded_order(seed: str, items: list[dict], key: str = "id") -> list[dict]:
    """``items`` in a fixed pseudo-random order that depends only on ``seed`` and their ids."""
    return sorted(items, key=lambda item: digest(f"{seed}:{item[key]}"))


def text_field(path: Path, entry: dict, key: str, item: str) -> str:
    """A required text field, stripped; a number is taken as its text."""
    value = entry.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(path, f"fältet '{key}' saknas eller är tomt.", item=item,
                            line=entry.get(LINE), fix=f"skriv en text efter '{key}:'.")
    return value.strip()


def entries(path: Path, question: dict, item: str, *, key: str, what: str, allowed: set[str],
            too_few: tuple[str, str], not_mapping: tuple[str, str]) -> list[tuple[str, dict]]:
    """The list under ``key`` (options or pairs): at least two mappings with known fields.

    Returns (where, entry) for each, ``where`` naming it in messages ("fråga 'x', par 2").
    """
    raw = question.get(key)
    if not isinstance(raw, list) or len(raw) < 2:
        problem, fix = too_few
        raise DataFileError(path, problem, item=item, line=question.get(LINE), fix=fix)
    found = []
    for number, entry in enumerate(raw, start=1):
        where = f"{item}, {what} {number}"
        if not isinstance(entry, dict):
            problem, fix = not_mapping
            raise DataFileError(path, problem, item=where, line=question.get(LINE), fix=fix)
        check_fields(path, entry, allowed, where)
        found.append((where, entry))
    return found


def unique_ids(path: Path, item: str, line: int | None, texts: list[str]) -> list[str]:
    """The :func:`short_id` of each text; two texts with the same id are an error."""
    ids = [short_id(text) for text in texts]
    if len(set(ids)) != len(ids):
        raise DataFileError(path, "två alternativ eller led är lika när man bortser från "
                                  "skiftläge, mellanslag och formatering.", item=item, line=line,
                            fix="skriv om ett av dem så att de skiljer sig åt.")
    return ids


# --- exports ------------------------------------------------------------------------------

#: Moodle accepts only these answer fractions (percent).
MOODLE_FRACTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20,
                    16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0)
_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def moodle_fraction(share: float) -> str:
    """The Moodle fraction nearest to ``share`` × 100 (sign kept), as Moodle writes it."""
    value = min(MOODLE_FRACTIONS, key=lambda f: abs(f - abs(share) * 100))
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return f"-{text}" if share < 0 and value else text


def text_el(parent: ET.Element, tag: str, html: str, fmt: str | None = "html") -> ET.Element:
    """``<tag format="html"><text>html</text></tag>`` under ``parent``."""
    el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(el, "text").text = html
    return el


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters; keep the text on one line."""
    return _GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def gift_html(text: str) -> str:
    return gift_escape(to_html(text))


class Kind:
    """One kind of question. Subclasses fill in the class variables and the hooks."""

    #: The value of ``kind:`` in a question file.
    name: ClassVar[str]
    #: Whether the self-test grades it (and counts it in the score).
    graded: ClassVar[bool] = True
    #: Fields the kind requires and allows, besides ``id`` and ``kind``.
    required: ClassVar[frozenset[str]]
    optional: ClassVar[frozenset[str]] = frozenset()
    #: Whether the right option's position is spread evenly over a chapter's questions.
    balanced: ClassVar[bool] = False
    #: Moodle's question type.
    moodle_type: ClassVar[str]

    # --- reading the file --------------------------------------------------------------
    def parse(self, path: Path, raw: dict, item: str) -> dict[str, Any]:
        """The validated fields (everything but id and kind), in the file's order."""
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        """JSON Schema of the fields (``properties`` and ``required``; id and kind are added)."""
        raise NotImplementedError

    def warnings(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        """Things allowed but better avoided: (problem, fix) pairs, in Swedish."""
        return []

    # --- order, key and fingerprint ----------------------------------------------------
    def option_count(self, data: dict[str, Any]) -> int:
        """How many places the right answer could be shown in (for balancing)."""
        return 0

    def arrange(self, qid: str, data: dict[str, Any], slot: int | None) -> dict[str, Any]:
        """``data`` in the order every reader shows it; ``slot`` is the right answer's place
        when the kind is :attr:`balanced`."""
        return data

    def key(self, data: dict[str, Any]) -> Any:
        """The right answer as a response (None for kinds that are not graded)."""
        return None

    def choices(self, data: dict[str, Any]) -> list[str]:
        """The ids a response may use (the card's ``accepts``)."""
        return []

    def fingerprint_parts(self, data: dict[str, Any]) -> Any:
        """What decides the right answer (JSON-able)."""
        return []

    def state(self, data: dict[str, Any]) -> dict[str, Any]:
        """What the front-end gets besides id, kind, fp, key and choices."""
        return dict(data)

    # --- text for readers and exports --------------------------------------------------
    def question_text(self, data: dict[str, Any]) -> str:
        """The question itself (the statement for true/false)."""
        return data["prompt"]

    def question_paragraphs(self, data: dict[str, Any]) -> list[str]:
        """The question with any context, as paragraphs (exports)."""
        return [data["prompt"]]

    def answer_key_html(self, data: dict[str, Any], t: dict[str, str]) -> str:
        raise NotImplementedError

    def moodle(self, data: dict[str, Any], el: ET.Element, t: dict[str, str]) -> None:
        """Add the answers (and feedback) to Moodle's ``<question>`` element."""
        raise NotImplementedError

    def gift_answers(self, data: dict[str, Any], t: dict[str, str]) -> str:
        """The ``{…}`` part of a GIFT question."""
        raise NotImplementedError


def fingerprint(kind: Kind, data: dict[str, Any]) -> str:
    """8 hex digits of the hash of the kind and the parts that decide the right answer."""
    parts = json.dumps([kind.name, kind.fingerprint_parts(data)], ensure_ascii=False,
                       separators=(",", ":"), sort_keys=True)
    return digest(parts)[:8]
