"""Markup fixes on every written page, for what the themes' templates get wrong for us.

Each fix is a kind of problem, fixed wherever it occurs (not only where a review found it):

- **Icons are decoration.** Every Font Awesome icon (``<i class="fa-…">``, ``<span class="fa-…">``)
  gets ``aria-hidden="true"``, so no accessible name starts with a private-use glyph (the
  page-contents nav was named "\\uf03a Innehåll"). A button or link whose only content is an
  icon must have its own ``aria-label``; axe checks that in the browser tests.
- **Swedish names for landmarks and dialogs.** The theme's hidden print nav is "Page", its
  dialogs have no name. (The course menu's nav is our own template, ``tk-sidebar-nav.html``.)
- **Row headers.** A table whose top-left header cell is empty has row labels in its first
  column (``| | A | B |`` in Markdown): that column becomes a stub column
  (:func:`mark_row_headers`, on the doctree), its cells ``<th scope="row">``, the header cells
  ``<th scope="col">``, and the empty corner a plain ``<td>`` (axe: td-has-header,
  empty-table-header).
- **Downloads.** Links to the printed PDFs (``pdf/``), the question bank (``fragebank/``) and the
  pages' sources (``_sources/``, the header's ".ipynb") get ``download``: a GIFT file opened in
  the browser shows broken characters when a server sends no charset, and XML and notebooks
  open as raw text.

The fixes run on the finished HTML of each page (:func:`fix_page`), through the builder's
template renderer, because most of this markup is in theme templates (``layout.html`` and
components) that other parts of the project override or that we should not copy.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx

from widgets.content.ui_text import texts_for

#: The site's words (section "site" of the one table of learner-facing words).
t = texts_for("site")


#: (what the theme writes, what we write instead).
LANDMARK_FIXES = (
    ('<nav aria-label="Page">', f'<nav aria-label="{t["page_nav"]}">'),
    ('<dialog id="pst-primary-sidebar-modal">',
     f'<dialog id="pst-primary-sidebar-modal" aria-label="{t["main_nav"]}">'),
    ('<dialog id="pst-secondary-sidebar-modal">',
     f'<dialog id="pst-secondary-sidebar-modal" aria-label="{t["page_nav"]}">'),
    ('<dialog id="pst-search-dialog">',
     f'<dialog id="pst-search-dialog" aria-label="{t["search_dialog"]}">'),
)

_TAG = re.compile(r"<(i|span)(\s[^>]*)>")
_CLASS = re.compile(r'\bclass="([^"]*)"')
_ICON_CLASS = re.compile(r"^(fa|fas|far|fab|fa-[\w-]+)$")


def hide_icons(page: str) -> str:
    def fix(match: re.Match) -> str:
        attrs = match.group(2)
        classes = _CLASS.search(attrs)
        if not classes or "aria-hidden" in attrs:
            return match.group(0)
        if not any(_ICON_CLASS.match(c) for c in classes.group(1).split()):
            return match.group(0)
        return f'<{match.group(1)}{attrs} aria-hidden="true">'

    return _TAG.sub(fix, page)


_TH = re.compile(r'<th class="([^"]*)">(\s*(?:<p>\s*</p>)?\s*</th>)?')


def table_header_scopes(page: str) -> str:
    def fix(match: re.Match) -> str:
        classes = match.group(1).split()
        empty = match.group(2) is not None
        if "head" in classes and "stub" in classes and empty:
            return f'<td class="{match.group(1)}"></td>'
        scope = "col" if "head" in classes else "row" if "stub" in classes else None
        if scope is None:
            return match.group(0)
        return f'<th class="{match.group(1)}" scope="{scope}">' + (match.group(2) or "")

    return _TH.sub(fix, page)


_DOWNLOAD = re.compile(r'<a\s[^>]*?href="(?:\.\./)*(?:pdf|fragebank|_sources)/[^"#?]+"[^>]*>')


def download_links(page: str) -> str:
    def fix(match: re.Match) -> str:
        tag = re.sub(r'\s+target="_blank"', "", match.group(0))
        return tag if re.search(r"\sdownload(?=[\s=>])", tag) else tag[:-1] + " download>"

    return _DOWNLOAD.sub(fix, page)


def fix_page(page: str) -> str:
    """Every fix above, on one page's HTML."""
    for old, new in LANDMARK_FIXES:
        page = page.replace(old, new)
    return download_links(table_header_scopes(hide_icons(page)))


def mark_row_headers(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A table with an empty top-left header cell gets its first column as row headers."""
    for tgroup in doctree.findall(nodes.tgroup):
        thead = next(iter(tgroup.findall(nodes.thead)), None)
        colspecs = [c for c in tgroup.children if isinstance(c, nodes.colspec)]
        if thead is None or not colspecs or not thead.children:
            continue
        first_row = thead.children[0]
        if first_row.children and not first_row.children[0].astext().strip():
            colspecs[0]["stub"] = 1


def _filter_rendered_pages(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    templates = app.builder.templates
    render = templates.render

    def render_fixed(template: str, context: dict) -> str:
        output = render(template, context)
        return fix_page(output) if template.endswith(".html") else output

    templates.render = render_fixed


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", _filter_rendered_pages)
    app.connect("doctree-resolved", mark_row_headers)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
