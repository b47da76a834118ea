"""Sphinx extension that keeps Tillitskursen's site Swedish, light and self-contained.

It
- removes sphinx-thebe's scripts (Jupyter Book always loads the extension; its
  config script is emitted twice, which is a console error, and it names a CDN);
- removes the theme's 1.5 MB ``fontawesome.js``: the theme's CSS already draws the
  same icons from its bundled web fonts;
- adds Swedish fallback catalogues for theme strings that have no Swedish
  translation;
- adds the directives ``ordlista`` (the glossary, from ``data/ordlista.yml``), ``facit`` (the
  answer key to every self-test), ``utforskare`` (the list of explorers, from their registry)
  and ``rollspel`` (a part of chapter 9's role-play, from ``data/rollspel.yml``);
- registers Swedish citations (``sv_author_year``) and bibliography entries (``sv``);
- mends markup that extensions write and that breaks HTML or ARIA rules (``_BODY_FIXES``),
  and tells readers without JavaScript what an interactive part is (``NOSCRIPT``);
- gives the widget host its Swedish notices (``ui_text`` section ``host``) on every page with
  widgets (:func:`host_texts_script`);

- links the print style sheet (``media="print"``), which the PDFs use as well;
- keeps old addresses working: ``tk_redirects`` in ``_config.yml`` maps an old path to a
  page, and the build writes a small page at the old path that sends readers on;
- sets up the asset pipeline (:mod:`widgets.site.assets`): one purged stylesheet, deferred
  scripts, subset icon fonts, widget modules as static files, sized images.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.application import Sphinx

from widgets.content.ui_text import texts_for
from widgets.site import citations
from widgets.site.directives import (
    ROLEPLAY_NODES,
    AnswerKeyDirective,
    ExplorerListDirective,
    GlossaryDirective,
    RolePlayDirective,
    skip_wrapper,
)

HERE = Path(__file__).parent
LOCALE_SOURCE = HERE / "locale"
TEMPLATES = HERE / "templates"

#: The print style sheet (in html_static_path, book/_assets/).
PRINT_CSS = "tillitskursen-print.css"
#: Script and style files that must not reach the published pages.
DROPPED_ASSETS = ("sphinx-thebe", "thebe@", "scripts/fontawesome.js")


def _compile_catalogs(app: Sphinx) -> None:
    """Compile the course's .po files and register them as fallback catalogues."""
    target = Path(app.doctreedir).parent / "_locale"
    for po_path in LOCALE_SOURCE.glob("*/LC_MESSAGES/*.po"):
        mo_path = target / po_path.relative_to(LOCALE_SOURCE).with_suffix(".mo")
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
    for domain in ("sphinx", "booktheme"):
        app.add_message_catalog(domain, str(target))


def _asset_name(asset) -> str:
    return str(getattr(asset, "filename", None) or asset or "")


def _drop_assets(app, pagename, templatename, context, doctree) -> None:
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [
                asset
                for asset in context[key]
                if not any(part in _asset_name(asset) for part in DROPPED_ASSETS)
                and "THEBE_JS_URL" not in str(getattr(asset, "attributes", {}).get("body", ""))
            ]


#: Markup fixes in page bodies: (what extensions write, what valid HTML needs).
_BODY_FIXES = (
    # docutils: the deprecated doc-biblioentry role, and a list role whose children then
    # break ARIA rules; plain divs read fine (axe: aria-deprecated-role, aria-required-children).
    (' role="doc-biblioentry"', ""),
    ('<div role="list" class="citation-list">', '<div class="citation-list">'),
    # sphinx-exercise gives every exercise and solution body the same id (invalid HTML).
    ('<section id="exercise-content">', '<section class="exercise-content">'),
    ('<section id="solution-content">', '<section class="solution-content">'),
)


_WIDGET_VIEW = re.compile(r'(<script type="application/vnd\.jupyter\.widget-view\+json">.*?</script>)', re.S)
NOSCRIPT = ('<noscript><p class="tk-noscript">Den här delen av sidan är interaktiv och behöver '
            'JavaScript. Du kan i stället läsa kapitlet i utskriftsversionen (PDF), som finns '
            'länkad från kursens startsida.</p></noscript>')


def _fix_body_markup(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body") or ""
    for old, new in _BODY_FIXES:
        body = body.replace(old, new)
    # without JavaScript a widget view renders nothing: say so, and where to read instead
    context["body"] = _WIDGET_VIEW.sub(lambda m: m.group(1) + NOSCRIPT, body)


#: The id of the script element the widget host reads its notices from.
HOST_TEXTS_ID = "tk-host-texts"


def host_texts_script() -> str:
    """The widget host's notices (``ui_text`` section ``host``) as a JSON script element."""
    payload = json.dumps(texts_for("host"), ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/json" id="{HOST_TEXTS_ID}">{payload}</script>'


def _add_host_texts(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body") or ""
    if _WIDGET_VIEW.search(body):
        context["body"] = body + host_texts_script()


#: A page that sends the reader on (an old address here; the site root in widgets.site.metadata).
REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>{head}
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{canonical}">
<link rel="icon" href="{favicon}">
</head>
<body>
<main>
<h1>{heading}</h1>
<p>{text}</p>
</main>
</body>
</html>
"""
MOVED = {"title": "Sidan har flyttat – Tillitskursen", "heading": "Sidan har flyttat", "head": "",
         "text": 'Du hittar den på <a href="{target}">sin nya adress</a>.'}


def write_redirects(outdir: Path, redirects: dict[str, str],
                    favicon: str = "_static/favicon.svg") -> list[Path]:
    """Write an HTML page at each old address that sends the reader on to the new one.

    ``redirects`` maps old paths (``gammal/sida.html``) to pages of the site
    (``book/ny-sida.html``), both relative to the site root, as is ``favicon``.
    """
    written = []
    for old, new in redirects.items():
        source = outdir / old
        if source.exists() and "Sidan har flyttat" not in source.read_text(encoding="utf-8"):
            raise ValueError(f"Omdirigeringen {old} → {new} skulle skriva över en riktig sida. "
                             "Ta bort den ur tk_redirects i _config.yml.")
        if not (outdir / new).exists():
            raise ValueError(f"Omdirigeringen {old} → {new} pekar på en sida som inte finns. "
                             "Rätta målet i tk_redirects i _config.yml.")
        target = os.path.relpath(outdir / new, source.parent).replace(os.sep, "/")
        icon = os.path.relpath(outdir / favicon, source.parent).replace(os.sep, "/")
        source.parent.mkdir(parents=True, exist_ok=True)
        target, icon = html.escape(target, quote=True), html.escape(icon, quote=True)
        page = REDIRECT_PAGE.format(**{**MOVED, "text": MOVED["text"].format(target=target)},
                                    target=target, canonical=target, favicon=icon)
        source.write_text(page, encoding="utf-8")
        written.append(source)
    return written


def favicon_path(config) -> str:
    """The favicon's path from the site root (Sphinx copies html_favicon into _static)."""
    return f"_static/{Path(config.html_favicon).name}" if config.html_favicon else ""


def _redirects(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html" and app.config.tk_redirects:
        write_redirects(Path(app.outdir), app.config.tk_redirects, favicon_path(app.config))


def _add_templates(app: Sphinx, config) -> None:
    config.templates_path = [str(TEMPLATES), *config.templates_path]


def setup(app: Sphinx) -> dict:
    citations.register()
    _compile_catalogs(app)
    app.add_config_value("tk_redirects", {}, "html")
    app.connect("config-inited", _add_templates)
    app.connect("build-finished", _redirects)
    app.connect("html-page-context", _drop_assets, priority=900)
    app.connect("html-page-context", _fix_body_markup)
    app.connect("html-page-context", _add_host_texts)
    app.add_directive("ordlista", GlossaryDirective)
    app.add_directive("facit", AnswerKeyDirective)
    app.add_directive("utforskare", ExplorerListDirective)
    app.add_directive("rollspel", RolePlayDirective)
    for node, html_visitors in ROLEPLAY_NODES.items():
        app.add_node(node, html=html_visitors,
                     **{builder: (skip_wrapper, skip_wrapper)
                        for builder in ("latex", "text", "man", "texinfo")})

    # the site around the chapters: publisher pages, metadata, theme markup, header buttons,
    # the site's own script
    for module in ("publisher", "metadata", "page_markup", "header_buttons", "site_script",
                   "page_widgets", "offline"):
        app.setup_extension(f"widgets.site.{module}")

    # paper: no buttons, boxes open, no web-only text (loaded only when printing)
    app.add_css_file(PRINT_CSS, media="print")

    app.setup_extension("widgets.site.assets")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
