"""What search engines and link previews read: descriptions, robots.txt, sitemap.xml, index.html.

- Every page gets ``<meta name="description">`` in Swedish, from the page itself: a
  ``description`` field if the page has one (front matter in a Markdown page; the top level of
  a notebook's metadata), else its first paragraph of running text, trimmed at a word
  boundary to at most :data:`LIMIT` characters. Pages without text of their own (search,
  index) get the start page's description.
- ``robots.txt`` and ``sitemap.xml`` are written at the site root from ``html.baseurl``. The
  sitemap lists every page of the book (not only the pages an incremental build rewrote,
  which is what sphinx-sitemap does: jdillard/sphinx-sitemap#13). A crawler reads robots.txt
  only at the root of a host; served from a sub-path (``…github.io/tillitskursen/``) it is
  harmless and the sitemap is still found through it by tools that look there.
- The root ``index.html`` that sphinx-external-toc writes (a bare ``<meta http-equiv>``
  line) becomes a small Swedish page with a title, ``lang``, the favicon, a canonical link and
  the start page's description, that sends the reader on to the start page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from xml.sax.saxutils import escape

from docutils import nodes
from sphinx.application import Sphinx

from widgets.site.extension import REDIRECT_PAGE, favicon_path

#: Search engines show about 155–160 characters of a description.
LIMIT = 158
#: Shorter first paragraphs are joined with the next one.
SHORT = 90

#: Paragraphs inside these are not running text (boxes, lists, tables, quotes, captions …).
_NOT_RUNNING_TEXT = (nodes.Admonition, nodes.admonition, nodes.Sequential, nodes.definition_list,
                     nodes.field_list, nodes.table, nodes.figure, nodes.caption, nodes.block_quote,
                     nodes.footnote, nodes.citation, nodes.topic, nodes.sidebar, nodes.container,
                     nodes.line_block, nodes.raw)


def _running_paragraphs(doctree: nodes.document):
    for paragraph in doctree.findall(nodes.paragraph):
        parent = paragraph.parent
        inside = False
        while parent is not None:
            if isinstance(parent, _NOT_RUNNING_TEXT):
                inside = True
                break
            parent = parent.parent
        if inside:
            continue
        # a line that starts with a bold label ("**Tid:** ca 35 minuter.") is not prose
        first = next((c for c in paragraph.children
                      if not (isinstance(c, nodes.Text) and not c.strip())), None)
        if isinstance(first, nodes.strong) and first.astext().rstrip().endswith(":"):
            continue
        yield paragraph


def _plain_text(paragraph: nodes.paragraph) -> str:
    """The paragraph's words, without parenthetical citations such as "(Feuk, u.å.)"."""
    copy = paragraph.deepcopy()
    for node in list(copy.findall(nodes.Element)):
        parenthetical = "bibtex-citation" in node.get("classes", []) and node.astext().startswith("(")
        # inline HTML (``<a href=…>`` around a link text) is markup, the text between it is kept
        if parenthetical or isinstance(node, (nodes.footnote_reference, nodes.citation_reference,
                                              nodes.image, nodes.raw)):
            node.parent.remove(node)
    text = " ".join(copy.astext().split())
    text = re.sub(r"\s*\(\s*\)", "", text)
    return re.sub(r"\s+([.,;:!?])", r"\1", text).strip()


def trim(text: str, limit: int = LIMIT) -> str:
    """At most ``limit`` characters: whole sentences if enough fit, else words and " …"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", head)]
    if ends and ends[-1] >= limit * 0.6:
        return head[: ends[-1]]
    cut = head[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–—-") + " …"


def describe(doctree: nodes.document, field: str | None = None) -> str:
    """The page's description: its ``description`` field, else its first running text."""
    if field and str(field).strip():
        return trim(str(field))
    text = ""
    for paragraph in _running_paragraphs(doctree):
        words = _plain_text(paragraph)
        if not words:
            continue
        # a paragraph that introduces a list ("… finns fem vinster:") ends the sentence here
        text = re.sub(r":$", ".", f"{text} {words}".strip())
        if len(text) >= SHORT:
            break
    return trim(text)


def page_description(app: Sphinx, docname: str, doctree: nodes.document | None = None) -> str:
    """A page's description; the resolved doctree is read from the environment if not given."""
    if doctree is None:
        doctree = app.env.get_and_resolve_doctree(docname, app.builder)
    return describe(doctree, app.env.metadata.get(docname, {}).get("description"))


def _add_description(app: Sphinx, pagename, templatename, context, doctree) -> None:
    metatags = context.get("metatags", "")
    if 'name="description"' in metatags:
        return  # the page sets its own (MyST html_meta)
    # search.html and genindex.html have no text of their own: use the start page's
    text = page_description(app, pagename if doctree is not None else app.config.root_doc, doctree)
    if not text:
        # a page with no running text of its own (a list, a table): its title and the course's
        title = app.env.titles[pagename].astext() if pagename in app.env.titles else ""
        text = trim(f"{title}. {page_description(app, app.config.root_doc)}".lstrip(". "))
    if text:
        context["metatags"] = metatags + f'\n<meta name="description" content="{html.escape(text)}" />'


def robots_txt(baseurl: str) -> str:
    lines = ["# Tillitskursen: alla sidor får läsas av sökmotorer.", "User-agent: *", "Allow: /"]
    if baseurl:
        lines.append(f"Sitemap: {baseurl.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def sitemap_xml(baseurl: str, paths: list[str]) -> str:
    base = baseurl.rstrip("/") + "/"
    urls = "".join(f"  <url><loc>{escape(base + path)}</loc></url>\n" for path in paths)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}</urlset>\n")


#: What sphinx-external-toc (or this module) writes at the root; anything else is a real page.
_GENERATED_ROOT = re.compile(r'^\s*<meta http-equiv="Refresh"[^>]*>\s*$|data-tk-root-page', re.I)


def root_page(*, title: str, target: str, canonical: str, favicon: str, description: str) -> str:
    """The site root: the course's name, sending the reader on to the start page."""
    def attr(value: str) -> str:
        return html.escape(value, quote=True)

    return REDIRECT_PAGE.format(
        title=html.escape(title), heading=html.escape(title),
        head=f'\n<meta name="description" content="{attr(description)}">',
        text=f'<a href="{attr(target)}">Till kursens startsida</a>',
        target=attr(target), canonical=attr(canonical), favicon=attr(favicon),
    ).replace("<main>", '<main data-tk-root-page="">', 1)


def site_title(config) -> str:
    """The site's name (Jupyter Book sets html_title from _config.yml's title)."""
    return config.html_title or config.project


def _write_site_files(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    baseurl = app.config.html_baseurl or ""
    (out / "robots.txt").write_text(robots_txt(baseurl), encoding="utf-8")
    if baseurl:
        paths = sorted(app.builder.get_target_uri(doc) for doc in app.env.found_docs
                       if doc in app.env.titles)
        (out / "sitemap.xml").write_text(sitemap_xml(baseurl, paths), encoding="utf-8")
    root = app.config.root_doc
    index = out / "index.html"
    if root == "index" or (index.exists() and not _GENERATED_ROOT.search(index.read_text(encoding="utf-8"))):
        return
    target = app.builder.get_target_uri(root)
    favicon = favicon_path(app.config)
    canonical = f"{baseurl.rstrip('/')}/{target}" if baseurl else target
    index.write_text(root_page(title=site_title(app.config), target=target, canonical=canonical,
                               favicon=favicon, description=page_description(app, root)),
                     encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _add_description)
    # after sphinx-external-toc's own index.html (priority 500), so this one wins either way
    app.connect("build-finished", _write_site_files, priority=800)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
