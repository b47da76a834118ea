"""The site's own small script and style sheet (``book/_assets/tk-site.js``, ``tk-site.css``).

The script (deferred, nothing from another host) keeps the course menus' state announced,
shows the back-to-top button in the article header, marks wide tables that scroll and
remembers the last section read ("Fortsätt där du slutade"). Its Swedish words come from
``widgets.content.ui_text`` through the script tag's ``data-tk-texts``.

Also here: the ``{fortsatt}`` directive, the place on a page (the start page, Min översikt)
where the script shows the link to the last section read, and ``tk_text`` (the site's words)
for the templates in ``widgets/site/templates``.
"""

from __future__ import annotations

import html
import json

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

from widgets.content import course
from widgets.content.ui_text import texts_for

#: The site's words (section "site" of the one table of learner-facing words).
t = texts_for("site")

SCRIPT = "tk-site.js"
STYLE = "tk-site.css"
#: The words the script needs (the others are in the markup it works on).
SCRIPT_TEXTS = ("scroll_hint", "table_region", "table_region_named", "close_menu")


class ResumeDirective(Directive):
    """``{fortsatt}``: where the link to the last section read appears (hidden until then)."""

    has_content = False

    def run(self):
        label = html.escape(t["resume"])
        return [nodes.raw("", f'<p class="tk-resume" data-tk-resume="" hidden>{label} </p>',
                          format="html")]


def mark_chapters(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A chapter's first section gets the class ``tk-chapter``: the script remembers its sections."""
    if docname in {p.docname for p in course.chapters()}:
        section = next(iter(doctree.findall(nodes.section)), None)
        if section is not None:
            section["classes"].append("tk-chapter")


def _template_texts(app, pagename, templatename, context, doctree) -> None:
    context["tk_text"] = t


def add_site_script(app: Sphinx, script: str, style: str, texts: dict[str, str]) -> None:
    """A site script in ``book/_assets`` (deferred) with its stylesheet; the words it shows go
    in its tag's ``data-tk-texts``, where the script reads them."""
    app.add_js_file(script, loading_method="defer",
                    **{"data-tk-texts": json.dumps(texts, ensure_ascii=False)})
    app.add_css_file(style)


def setup(app: Sphinx) -> dict:
    add_site_script(app, SCRIPT, STYLE, {key: t[key] for key in SCRIPT_TEXTS})
    app.add_directive("fortsatt", ResumeDirective)
    app.connect("doctree-resolved", mark_chapters)
    app.connect("html-page-context", _template_texts)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
