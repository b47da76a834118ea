"""The course glossary (*ordlista*): the terms in ``data/ordlista.yml``.

The ``ordlista`` directive (:mod:`widgets.site.directives`) renders them.

Each entry is a mapping with ``term`` (the headword), ``definition`` (MyST text, may
cite with ``{cite:p}``) and optionally ``synonyms`` (other headwords that link to the
same entry). Chapters link a term with ``{term}`ord``` or ``{term}`böjd form <ord>```.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from widgets.content.data_files import LINE, DataFileError, check_fields, load_yaml
from widgets.paths import DATA

GLOSSARY_FILE = DATA / "ordlista.yml"

_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}",
                                "é": "e", "è": "e", "ü": "y", "à": "a"})


def swedish_sort_key(text: str) -> str:
    """Sort key that puts å, ä and ö after z, as Swedish dictionaries do."""
    return text.casefold().translate(_SWEDISH_ORDER)


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    synonyms: tuple[str, ...] = ()
    line: int | None = None

    @property
    def headwords(self) -> tuple[str, ...]:
        return (self.term, *self.synonyms)


def load_glossary(path: Path = GLOSSARY_FILE) -> list[Term]:
    """Read and validate the glossary, sorted in Swedish order."""
    raw = load_yaml(path)
    if not isinstance(raw, list):
        raise DataFileError(path, "ordlistan ska vara en lista av termer.",
                            fix="börja varje term med '- term: ...'.")
    terms: list[Term] = []
    seen: dict[str, int | None] = {}
    for index, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            raise DataFileError(path, f"post {index} är ingen term.",
                                fix="skriv posten som '- term: ...' följt av 'definition: ...'.")
        line = entry.get(LINE)
        name = entry.get("term")
        label = f"term {name!r}" if name else f"post {index}"
        for field in ("term", "definition"):
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                raise DataFileError(path, f"fältet '{field}' saknas eller är tomt.", item=label,
                                    line=line, fix=f"lägg till '{field}: ...' med text.")
        check_fields(path, entry, {"term", "definition", "synonyms"}, label,
                     fix="använd bara term, definition och synonyms.")
        synonyms = entry.get("synonyms") or []
        if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
            raise DataFileError(path, "'synonyms' ska vara en lista av ord.", item=label,
                                line=line, fix="skriv till exempel 'synonyms: [förtroende]'.")
        term = Term(name.strip(), entry["definition"].strip(),
                    tuple(s.strip() for s in synonyms), line)
        for word in term.headwords:
            key = word.casefold()
            if key in seen:
                raise DataFileError(path, f"'{word}' finns redan i ordlistan (rad {seen[key]}).",
                                    item=label, line=line,
                                    fix="slå ihop posterna eller ta bort dubbletten.")
            seen[key] = line
        terms.append(term)
    return sorted(terms, key=lambda t: swedish_sort_key(t.term))
