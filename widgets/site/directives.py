"""The course's two MyST directives: ``{ordlista}`` (the glossary) and ``{facit}`` (the answer key)."""

from __future__ import annotations

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
