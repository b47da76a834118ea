"""Sphinx extension that keeps Tillitskursen's site Swedish, light and self-contained.

It
- removes sphinx-thebe's scripts (Jupyter Book always loads the extension; its
  config script is emitted twice, which is a console error, and it names a CDN);
- removes the theme's 1.5 MB ``fontawesome.js``: the theme's CSS already draws the
  same icons from its bundled web fonts;
- adds Swedish fallback catalogues for theme strings that have no Swedish
  translation;
- adds the ``ordlista`` directive, which renders the glossary from ``data/ordlista.yml``, and
  the ``facit`` directive, the answer key to every self-test;
- registers Swedish citations (``sv_author_year``) and bibliography entries (``sv``);
- mends markup that extensions write and that breaks HTML or ARIA rules (``_BODY_FIXES``),
  and tells readers without JavaScript what an interactive part is (``NOSCRIPT``);
- keeps old addresses working: ``tk_redirects`` in ``_config.yml`` maps an old path to a
  page, and the build writes a small page at the old path that sends readers on;
- sets up the asset pipeline (:mod:`widgets.site.assets`): one purged stylesheet, deferred
  scripts, subset icon fonts, widget modules as static files, sized images.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.application import Sphinx

from widgets.site import citations
from widgets.site.directives import AnswerKeyDirective, GlossaryDirective

HERE = Path(__file__).parent
LOCALE_SOURCE = HERE / "locale"
TEMPLATES = HERE / "templates"

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


REDIRECT_PAGE = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sidan har flyttat – Tillitskursen</title>
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
</head>
<body>
<main>
<h1>Sidan har flyttat</h1>
<p>Du hittar den på <a href="{target}">sin nya adress</a>.</p>
</main>
</body>
</html>
"""


def write_redirects(outdir: Path, redirects: dict[str, str]) -> list[Path]:
    """Write an HTML page at each old address that sends the reader on to the new one.

    ``redirects`` maps old paths (``gammal/sida.html``) to pages of the site
    (``book/ny-sida.html``), both relative to the site root.
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
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(REDIRECT_PAGE.format(target=html.escape(target, quote=True)), encoding="utf-8")
        written.append(source)
    return written


def _redirects(app: Sphinx, exception) -> None:
    if exception is None and app.builder.format == "html" and app.config.tk_redirects:
        write_redirects(Path(app.outdir), app.config.tk_redirects)


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
    app.add_directive("ordlista", GlossaryDirective)
    app.add_directive("facit", AnswerKeyDirective)
    app.setup_extension("widgets.site.assets")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
