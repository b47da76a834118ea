"""The course's MyST directives: ``{ordlista}`` (the glossary), ``{facit}`` (the answer key),
``{utforskare}`` (the list of explorers, from their registry) and ``{rollspel}`` (a part of
chapter 9's role-play, from ``data/rollspel.yml``)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from docutils.statemachine import StringList
from sphinx.domains.std import Glossary

from widgets.content import course, kinds, markup, questions, ui_text
from widgets.content.data_files import DataFileError
from widgets.content.glossary import GLOSSARY_FILE, load_glossary
from widgets.content.markup import nodes as markup_nodes
from widgets.content.questions import quiz_path
from widgets.content.roleplay import ROLEPLAY_FILE, Role, RolePlay, load_roleplay
from widgets.content.ui_text import texts_for
from widgets.site import answer_key
from widgets.site.answer_key import course_html


class GlossaryDirective(Glossary):
    """``{ordlista}``: the glossary, built from ``data/ordlista.yml``."""

    has_content = False
    option_spec: dict = {}

    def run(self):
        self.env.note_dependency(str(GLOSSARY_FILE))
        content = StringList()
        source = str(GLOSSARY_FILE)
        for term in load_glossary():
            line = term.line or 0
            for word in term.headwords:
                content.append(word, source, line)
            for text_line in term.definition.splitlines() or [""]:
                content.append(f"   {text_line}", source, line)
            content.append("", source, line)
        self.content = content
        self.options = {}
        return super().run()


#: The modules whose code decides what the printed answer key says.
_ANSWER_KEY_CODE = (
    Path(answer_key.__file__), Path(markup.__file__), Path(questions.__file__), Path(ui_text.__file__),
    *sorted(Path(kinds.__file__).parent.glob("*.py")),
)


class AnswerKeyDirective(Directive):
    """``{facit}``: the answer key to all self-tests."""

    has_content = False

    def run(self):
        env = self.state.document.settings.env
        for page in course.pages():
            if quiz_path(page.slug).exists():
                env.note_dependency(str(quiz_path(page.slug)))
        # the code that writes the key: an incremental build redraws it when that changes too
        for module in _ANSWER_KEY_CODE:
            env.note_dependency(str(module))
        return [nodes.raw("", course_html(), format="html")]


class ExplorerListDirective(Directive):
    """``{utforskare}``: every explorer, as the registry lists it: the call that builds it in a
    notebook and its title (from ``data/utforskare.yml``)."""

    has_content = False

    def run(self):
        from widgets.content.explorer_texts import TEXTS_FILE, load_texts
        from widgets.views.explorers import EXPLORERS

        self.state.document.settings.env.note_dependency(str(TEXTS_FILE))
        titles = {key: texts.title for key, texts in load_texts().items()}
        items = nodes.bullet_list()
        for explorer_id, entry in EXPLORERS.items():
            paragraph = nodes.paragraph()
            # the call in pieces that may wrap on a phone: after "(" (a <wbr>, so a copied
            # call stays valid Python) and after ", "
            for piece in re.split(r"(?<=\()|(?<=, )", entry.call):
                if piece.endswith(", "):
                    paragraph += nodes.literal(text=piece[:-1])
                    paragraph += nodes.Text(" ")
                else:
                    paragraph += nodes.literal(text=piece)
                    if piece.endswith("("):
                        paragraph += nodes.raw("", "<wbr>", format="html")
            paragraph += nodes.Text(f": {titles[explorer_id]}")
            items += nodes.list_item("", paragraph)
        return [items]

# --- {rollspel} ----------------------------------------------------------------------------

#: The role-play's labels (``roleplay`` in :mod:`widgets.content.ui_text`).
LABELS = texts_for("roleplay")


class role_card(nodes.General, nodes.Element):
    """A role card: ``<section class="tk-rollkort" aria-labelledby="…">``."""


class role_details(nodes.General, nodes.Element):
    """Content that opens on request: ``<details><summary>…</summary>…</details>``."""


def visit_role_card(self, node):
    self.body.append(self.starttag(node, "section", CLASS="tk-rollkort",
                                   **{"aria-labelledby": node["labelledby"]}))


def depart_role_card(self, node):
    self.body.append("</section>\n")


def visit_role_details(self, node):
    self.body.append(self.starttag(node, "details", CLASS="tk-rollkort-text"))
    self.body.append(f"<summary>{html.escape(node['summary'])}</summary>\n")


def depart_role_details(self, node):
    self.body.append("</details>\n")


def skip_wrapper(self, node):
    """Other builders show the content without the wrapper."""


#: For ``app.add_node``: HTML gets the elements, other builders only the content.
ROLEPLAY_NODES = {
    role_card: (visit_role_card, depart_role_card),
    role_details: (visit_role_details, depart_role_details),
}


def _inline(text: str) -> list[nodes.Node]:
    """The small markup of the data files as docutils inline nodes."""
    out: list[nodes.Node] = []
    for node in markup_nodes(text):
        if node[0] == "strong":
            out.append(nodes.strong(node[1], node[1]))
        elif node[0] == "em":
            out.append(nodes.emphasis(node[1], node[1]))
        elif node[0] == "a":
            out.append(nodes.reference(node[2], node[2], refuri=node[1]))
        else:
            out.append(nodes.Text(node[1]))
    return out


def _para(text: str, **attributes) -> nodes.paragraph:
    return nodes.paragraph("", "", *_inline(text), **attributes)


def _items(texts, list_type=nodes.bullet_list, **attributes) -> nodes.Element:
    listing = list_type(**attributes)
    for text in texts:
        listing += nodes.list_item("", _para(text))
    return listing


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {LABELS['list_and']} {words[-1]}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _table(caption: str, headers: list[str], rows: list[list[str]], widths: list[int],
           classes: list[str]) -> nodes.table:
    table = nodes.table(classes=classes)
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for header in headers:
        row += nodes.entry("", nodes.paragraph(header, header))
    head += row
    body = nodes.tbody()
    group += body
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", _para(cell)) if cell else nodes.entry()
        body += row
    return table


def _role_card(play: RolePlay, role: Role, level: int, collapsed: bool) -> role_card:
    label = f"rollkort-{role.id}"
    card = role_card(labelledby=label)
    heading = LABELS["role_heading"].format(heading=role.heading)
    # myst-parser renders a rubric with ``level`` as a heading; Sphinx's own writer reads
    # ``heading-level``: set both, so the card has a real heading whichever writes it
    card += nodes.rubric(heading, heading, ids=[label], level=level, **{"heading-level": level})
    if role.from_size > play.min_size:
        card += _para(LABELS["extra_role"].format(n=role.from_size), classes=["tk-rollkort-grupp"])
    body: nodes.Element = (role_details(summary=LABELS["show_role"].format(name=role.name))
                           if collapsed else nodes.container(classes=["tk-rollkort-text"]))
    card += body
    body += _para(role.you_are)
    definitions = nodes.definition_list(classes=["tk-rollkort-delar"])
    sections = [(LABELS["secret"], role.secret), (LABELS["goal"], role.goal),
                (LABELS["offer"], role.offer)]
    for label, text in sections:
        if text:
            definitions += nodes.definition_list_item(
                "", nodes.term(label, label), nodes.definition("", _para(text)))
    if role.observer:
        definitions += nodes.definition_list_item(
            "", nodes.term(play.observer_intro, play.observer_intro),
            nodes.definition("", _items(play.observer_questions)))
    definitions += nodes.definition_list_item(
        "", nodes.term(LABELS["think"], LABELS["think"]), nodes.definition("", _para(role.think)))
    body += definitions
    return card


def roleplay_nodes(play: RolePlay, part: str, *, level: int = 3,
                   collapsed: bool = False) -> list[nodes.Node]:
    """The docutils nodes of one part of the role-play."""
    if part == "scenario":
        return [*(_para(p) for p in play.scenario), _para(f"*{play.scenario_note}*")]
    if part == "task":
        return [_para(play.proposal_intro),
                _items([p.task for p in play.proposal], nodes.enumerated_list, enumtype="arabic",
                       prefix="", suffix=".")]
    if part == "proposal":
        return [_table(LABELS["proposal_caption"], [LABELS["col_part"], LABELS["col_answer"]],
                       [[field, ""] for field in play.template_fields], [40, 60],
                       ["tk-rollspel-mall"])]
    if part == "timings":
        headers = [LABELS["col_step"], *(LABELS["col_version"].format(n=v) for v in play.versions)]
        rows = [[step.text, *(LABELS["minutes"].format(n=step.minutes[v]) for v in play.versions)]
                for step in play.steps]
        rows.append([LABELS["total"], *(LABELS["minutes"].format(n=v) for v in play.versions)])
        return [_table(LABELS["timings_caption"], headers, rows,
                       [60, *([20] * len(play.versions))], ["tk-rollspel-tid"])]
    if part == "groups":
        rows = [[str(size), _joined([_lower_first(r.name) for r in play.roles_for(size)])]
                for size in play.sizes]
        return [_table(LABELS["groups_caption"], [LABELS["col_size"], LABELS["col_roles"]], rows,
                       [20, 80], ["tk-rollspel-grupper"])]
    if part == "casting":
        rows = [[role.heading, LABELS["from_size"].format(n=role.from_size), role.casting]
                for role in play.roles]
        return [_table(LABELS["casting_caption"],
                       [LABELS["col_role"], LABELS["col_from"], LABELS["col_casting"]], rows,
                       [30, 15, 55], ["tk-rollspel-roller"])]
    if part == "roles":
        return [_role_card(play, role, level, collapsed) for role in play.roles]
    if part == "observer":
        return [_para(play.observer_intro), _items(play.observer_questions)]
    if part == "debrief":
        return [_para(play.debrief_intro),
                _items(play.debrief_questions, nodes.enumerated_list, enumtype="arabic",
                       prefix="", suffix="."),
                _para(play.report)]
    raise ValueError(part)


PARTS = ("scenario", "task", "timings", "groups", "casting", "roles", "observer", "proposal",
         "debrief")


class RolePlayDirective(Directive):
    """``{rollspel}``: one part of the role-play in ``data/rollspel.yml``.

    Options: ``:part:`` (one of ``PARTS``), ``:heading-level:`` (the role cards' headings,
    2–6, default 3) and ``:collapsed:`` (each role's text opens on request, so that a
    participant reads only their own).
    """

    has_content = False
    option_spec = {"part": directives.unchanged_required,
                   "heading-level": directives.positive_int,
                   "collapsed": directives.flag}

    def run(self):
        env = self.state.document.settings.env
        env.note_dependency(str(ROLEPLAY_FILE))
        part = self.options.get("part", "")
        if part not in PARTS:
            raise self.error(f"{{rollspel}}: okänd del {part!r}. Skriv ':part:' med en av: "
                             f"{', '.join(PARTS)}.")
        level = self.options.get("heading-level", 3)
        if not 2 <= level <= 6:
            raise self.error(f"{{rollspel}}: ':heading-level:' ska vara 2–6, inte {level}.")
        try:
            play = load_roleplay()
        except DataFileError as err:
            raise self.error(str(err)) from err
        container = nodes.container(classes=["tk-rollspel", f"tk-rollspel-{part}"])
        container += roleplay_nodes(play, part, level=level,
                                    collapsed="collapsed" in self.options)
        return [container]
