"""Swedish in-text citations for sphinxcontrib-bibtex: (Falk & Kosfeld, 2006; Mayer m.fl., 1995)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pybtex.richtext import Text
from sphinxcontrib.bibtex.plugin import register_plugin
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

STYLE_NAME = "sv_author_year"


def _swedish_persons() -> PersonStyle:
    return PersonStyle(sep=", ", sep2=" & ", last_sep=" & ", other=Text(" m.fl."))


def _parentheses() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ", sep2="; ", last_sep="; ")


@dataclass
class SwedishAuthorYearStyle(AuthorYearReferenceStyle):
    """Author–year references in parentheses, with Swedish joins.

    "&" between two authors, "m.fl." for three or more, ";" between references:
    (Falk & Kosfeld, 2006; Mayer m.fl., 1995) and Mayer m.fl. (1995).
    """

    person: PersonStyle = field(default_factory=_swedish_persons)
    bracket_parenthetical: BracketStyle = field(default_factory=_parentheses)
    bracket_textual: BracketStyle = field(default_factory=_parentheses)
    bracket_author: BracketStyle = field(default_factory=_parentheses)
    bracket_label: BracketStyle = field(default_factory=_parentheses)
    bracket_year: BracketStyle = field(default_factory=_parentheses)


def register() -> None:
    """Register the Swedish in-text style and the Swedish bibliography style."""
    register_plugin("sphinxcontrib.bibtex.style.referencing", STYLE_NAME, SwedishAuthorYearStyle)
    register_formatting()


def _swedish_formatting_style():
    from pybtex.style.formatting import toplevel
    from pybtex.style.formatting.unsrt import Style as UnsrtStyle
    from pybtex.style.sorting.author_year_title import SortingStyle

    class EditorAwareSorting(SortingStyle):
        """Sort by author, or by editor when there is no author, for every entry type."""

        def sorting_key(self, entry):
            return (self.author_editor_key(entry), entry.fields.get("year", ""),
                    entry.fields.get("title", ""))
    from pybtex.style.formatting.unsrt import date
    from pybtex.style.template import field, first_of, join, names, optional_field, sentence, words

    class SwedishStyle(UnsrtStyle):
        """pybtex's unsrt entries with Swedish joins ("och", "red."), sorted by author and year."""

        default_sorting_style = "author_year_title"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.sorting_style = EditorAwareSorting()
            self.sort = self.sorting_style.sort

        def format_names(self, role, as_sentence=True):
            formatted = names(role, sep=", ", sep2=" och ", last_sep=" och ")
            return sentence[formatted] if as_sentence else formatted

        def format_editor(self, e, as_sentence=True):
            editors = self.format_names("editor", as_sentence=False)
            if "editor" not in e.persons:
                return editors
            result = join(sep=" ")[editors, "(red.)"]
            return sentence[result] if as_sentence else result

        def get_techreport_template(self, e):
            """unsrt's report, but an anthology may name its editor instead of an author
            (SOU 2018:38: "Bringselius, L. (red.)")."""
            return toplevel[
                self.format_author_or_editor(e),
                self.format_title(e, "title"),
                sentence[
                    words[
                        first_of[
                            optional_field("type"),
                            "Technical Report",
                        ],
                        optional_field("number"),
                    ],
                    field("institution"),
                    optional_field("address"),
                    date,
                ],
                sentence[optional_field("note")],
                self.format_web_refs(e),
            ]

    return SwedishStyle


FORMATTING_STYLE_NAME = "sv"


def register_formatting() -> None:
    import pybtex.plugin

    pybtex.plugin.register_plugin("pybtex.style.formatting", FORMATTING_STYLE_NAME,
                                  _swedish_formatting_style())
