"""The course's MyST directives: ``{ordlista}`` (the glossary), ``{facit}`` (the answer key) and
``{utforskare}`` (the list of explorers, from their registry)."""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.statemachine import StringList
from sphinx.domains.std import Glossary

from widgets.content import course
from widgets.content.glossary import GLOSSARY_FILE, load_glossary
from widgets.content.questions import quiz_path
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


class AnswerKeyDirective(Directive):
    """``{facit}``: the answer key to all self-tests."""

    has_content = False

    def run(self):
        env = self.state.document.settings.env
        for page in course.pages():
            if quiz_path(page.slug).exists():
                env.note_dependency(str(quiz_path(page.slug)))
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
