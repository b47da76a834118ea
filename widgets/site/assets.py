"""The site's asset pipeline: what makes a page light and fast on a phone on a slow connection.

Registered by :mod:`widgets.site.extension`. While the pages are written it
- puts each widget view's placeholder in the page, with a min-height near the widget's height
  (:func:`widget_height_rem`), so the page does not jump when the widget appears;
- moves the widget state from ``<head>`` to the end of the page's content: the browser can draw
  the text before it has read the data.

When the build has finished (every page written) it
- writes each widget module once, as ``_static/tk/<name>.<hash>.js`` and ``<name>.<hash>.css``
  (see :mod:`widgets.views.esm`), and checks that every page's widget references name the
  current code;
- joins every stylesheet the pages link into one file, drops the rules
  no page can use with PurgeCSS (npm; content: the built pages and every script that adds
  classes at run time; :data:`SAFELIST` for state classes), subsets the icon fonts to the glyphs
  that remain in use with fontTools (``font-display: swap``), and writes the result as
  ``_static/tk/site.<hash>.css``: one cacheable stylesheet for every page;
- rewrites each page's ``<head>``: that one stylesheet instead of eleven (and the stylesheets
  of the widgets the page shows, in the order it shows them), every script
  ``defer`` (so none blocks the first paint), the small documentation options inline, and a
  ``modulepreload`` for the widget modules the page uses;
- gives every local ``<img>`` its intrinsic ``width``/``height`` (no layout shift) and offers a
  lossless WebP copy when that is smaller.

Every step is deterministic: the same sources give byte-identical files.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

from PIL import Image
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from widgets.paths import ROOT
from widgets.views import esm

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
PURGE_SCRIPT = HERE / "purge.mjs"
#: Where the pipeline writes (under the site's ``_static``); rewritten on every build.
OUT = "_static/tk"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

#: Classes and attributes that only scripts add or read, which PurgeCSS cannot see in a file.
#: Regular expressions: ``standard`` keeps a selector whose class or id matches; ``greedy`` keeps
#: a selector if any part of it matches.
SAFELIST = {
    # the widgets compose some of their classes (tk-status-right …); dark and light mode is an
    # attribute the theme's script sets on <html>; Bootstrap's and the theme's state classes,
    # and Bootstrap's tooltips, which Popper places with a data attribute
    "standard": [r"^tk-", r"^bs-", r"^tooltip", r"^popover", r"^show$", r"^showing$",
                 r"^collapsing$", r"^collapsed$", r"^active$",
                 r"^fade$", r"^focus-visible$", r"^dropdown", r"^highlighted$", r"^search",
                 r"^toggle", r"^copybtn", r"^o-tooltip", r"^sd-tab", r"^scrolled$",
                 r"^modal"],
    "deep": [],
    "greedy": [r"data-theme", r"data-mode", r"data-bs-theme", r"data-popper-placement"],
}

#: Scripts that add no classes (or are never loaded): not worth reading for PurgeCSS.
_NOT_CONTENT = ("fontawesome.js", "thebe", "stemmer", "searchindex.js")

_STYLESHEET = re.compile(r'[ \t]*<link\b[^>]*\brel="stylesheet"[^>]*>\n?')
_HREF = re.compile(r'\bhref="([^"]+)"')
_MEDIA = re.compile(r'\bmedia="([^"]*)"')
_SCRIPT_SRC = re.compile(r'<script\b(?P<attrs>[^>]*?)\bsrc="(?P<src>[^"]+)"(?P<rest>[^>]*)>\s*</script>')
_CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>[^'")]+)(?P=q)\s*\)""")
_FONT_FACE = re.compile(r"@font-face\s*{[^}]*}")
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?")
_CSS_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"' + r"|'((?:[^'\\]|\\.)*)'")
_STATE_SCRIPT = re.compile(r'<script type="' + re.escape(WIDGET_STATE) + r'">(.*?)</script>', re.S)
_IMG = re.compile(r"<img\b[^>]*>")
_MODULE_PRELOAD = re.compile(r'[ \t]*<link rel="modulepreload" href="[^"]*_static/tk/[^"]*" />\n')


# -- while pages are written ------------------------------------------------------------------

#: Height (rem) a widget of each kind takes at a phone's width (412 px) when it has rendered,
#: for the kinds whose size does not depend on their data; measured on the built site
#: (tests/browser/test_performance_budget.py checks that each estimate stays close).
#: Repetera and Klassens resultat as a first visitor sees them (nothing due, no files chosen);
#: Min översikt with its "Flytta dina svar" part (measured November 2026).
FIXED_REM = {"overview": 98, "plan": 118, "profile": 220, "certificate": 125, "combine": 24,
             "review": 17, "classresults": 8}
#: Wide screens (≥ 60em, where the theme shows its sidebar) fit more on a line.
WIDE_FACTOR = 0.8
#: Characters of a question's text that fit on one line at a phone's width.
CHARS_PER_LINE = 38
#: The pipeline's own CSS (appended to the site's stylesheet): the reserved heights, and
#: images that keep their aspect ratio when the column is narrower than their width attribute.
PIPELINE_CSS = """
.tk-widget[data-tk-placeholder] { min-height: var(--tk-reserve); }
@media (min-width: 60em) {
  .tk-widget[data-tk-placeholder] { min-height: var(--tk-reserve-wide); }
}
img[width][height] { height: auto; }
"""


def widget_height_rem(state: dict) -> float | None:
    """About the height (rem) the widget of this saved state takes at a phone's width once it
    has rendered; None for a widget that is not one of the course's modules.

    A self-test's height follows its questions (a least-squares fit to the rendered self-tests
    of the site, within about 12 rem of each); an explorer that asks its question first shows
    only the question, otherwise its chart and one row per control; the other widgets have a
    fixed layout.
    """
    module = esm.parse_reference(state.get("_esm"))
    if module is None:
        return None
    if module.name == "explorer":
        spec = state.get("spec") or {}
        return 40 if spec.get("question") else 42 + 6 * len(spec.get("controls") or [])
    if module.name != "quiz":
        return FIXED_REM.get(module.name)
    height = 11.6
    for question in state.get("questions") or []:
        text = str(question.get("prompt") or question.get("statement") or "")
        options = question.get("options") or question.get("pairs") or []
        if question.get("kind") == "truefalse":
            options = [{"text": "Sant"}, {"text": "Falskt"}]
        elif question.get("kind") == "reflection":
            options = [{"text": "x" * 200}]  # the answer field
        lines = sum(len(str(o.get("text") or o.get("left") or "")) // CHARS_PER_LINE + 1
                    for o in options)
        height += 10.8 + 2.1 * (len(text) // CHARS_PER_LINE + 1) + 1.7 * len(options) + 1.1 * lines
    return height


def _placeholders(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Move the widget state to the end of the content and give each view a placeholder."""
    scripts = context.get("script_files") or []
    state_scripts = [s for s in scripts if getattr(s, "attributes", {}).get("type") == WIDGET_STATE]
    if not state_scripts:
        return
    state_script = state_scripts[0]
    body_json = state_script.attributes["body"]
    models = json.loads(body_json).get("state", {})
    context["script_files"] = [s for s in scripts if s is not state_script]

    def placeholder(match: re.Match) -> str:
        try:
            model_id = json.loads(html.unescape(match.group("view")))["model_id"]
        except (ValueError, KeyError):
            return match.group(0)
        height = widget_height_rem(models.get(model_id, {}).get("state", {}))
        style = (f' style="--tk-reserve:{height:.0f}rem;--tk-reserve-wide:{height * WIDE_FACTOR:.0f}rem"'
                 if height else "")
        return (f'{match.group(0)}<div class="tk-widget pst-js-only" data-tk-placeholder{style}>'
                "</div>")

    view = re.compile(r'<script type="' + re.escape(WIDGET_VIEW) + r'">(?P<view>.*?)</script>'
                      r"(?:<noscript>.*?</noscript>)?", re.S)
    body = view.sub(placeholder, context.get("body") or "")
    context["body"] = f'{body}\n<script type="{WIDGET_STATE}">{body_json}</script>\n'


# -- when the build has finished --------------------------------------------------------------

def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _pages(outdir: Path) -> list[Path]:
    """Every themed page of the site: a page the theme wrote (``data-content_root`` on its
    ``<html>``) with a stylesheet. Not the theme's template copies, not redirect pages, and not
    the pages later steps of ``make book`` put in the same folder (the slide decks, with their
    own stylesheets), which a rebuild would otherwise take for the site's."""
    pages = []
    for path in sorted(outdir.rglob("*.html")):
        relative = path.relative_to(outdir).parts
        if relative[0] in ("_static", "_sources", "_images"):
            continue
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        if "data-content_root=" in head and 'rel="stylesheet"' in head:
            pages.append(path)
    return pages


def _local(page: Path, href: str, outdir: Path) -> Path | None:
    if "://" in href or href.startswith(("data:", "//", "#")):
        return None
    path = (page.parent / href.split("?", 1)[0].split("#", 1)[0]).resolve()
    return path if path.is_relative_to(outdir.resolve()) else None


def _rel(target: Path, start: Path) -> str:
    return os.path.relpath(target, start).replace(os.sep, "/")


def style_file_name(name: str) -> str:
    """The static file of the module ``name``'s stylesheet (shared widget CSS + its own)."""
    return f"{name}.{esm.content_hash(esm.stylesheet(name))}.css"


def write_modules(outdir: Path) -> dict[str, Path]:
    """Each widget module as ``_static/tk/<name>.<hash>.js`` and its stylesheet as
    ``<name>.<hash>.css``: file name → file."""
    folder = outdir / OUT
    written = {}
    for name in esm.module_names():
        for file_name, text in ((esm.module_file_name(name), esm.module(name)),
                                (style_file_name(name), esm.stylesheet(name))):
            path = folder / file_name
            path.write_text(text, encoding="utf-8")
            written[file_name] = path
    return written


_VIEW = re.compile(r'<script type="' + re.escape(WIDGET_VIEW) + r'">(.*?)</script>', re.S)


def check_references(pages: list[Path], outdir: Path) -> dict[Path, list[str]]:
    """The widget files each page uses (stylesheets and modules, in the order the page shows
    its widgets, as the host used to inject their CSS); an error naming page and module if the
    page refers to code that is not the current one."""
    used: dict[Path, list[str]] = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = _STATE_SCRIPT.search(text)
        if not found:
            continue
        state = json.loads(found.group(1)).get("state", {})
        order = []
        for view in _VIEW.findall(text):
            try:
                order.append(json.loads(view)["model_id"])
            except (ValueError, KeyError):
                continue
        for model_id in order:
            traits = state.get(model_id, {}).get("state", {})
            for trait in ("_esm", "_css"):
                ref = esm.parse_reference(traits.get(trait))
                if ref is None:
                    continue
                current = esm.content_hash(esm.module(ref.name) if ref.kind == "module"
                                           else esm.stylesheet(ref.name)) \
                    if ref.name in esm.module_names() else None
                if current != ref.hash:
                    raise ExtensionError(
                        f"{page.relative_to(outdir)}: widgeten använder {ref.kind} "
                        f"'{ref.name}@{ref.hash}', men widgetens kod har ändrats sedan kapitlet "
                        "kördes. Kör 'make notebooks' (eller make notebooks NB=book/<kapitel>.ipynb) "
                        "och bygg igen.")
                file_name = (esm.module_file_name(ref.name) if ref.kind == "module"
                             else style_file_name(ref.name))
                if file_name not in used.setdefault(page, []):
                    used[page].append(file_name)
    return used


def _rebase_urls(css: str, source: Path, target_dir: Path) -> str:
    """Rewrite relative ``url()``s of ``source`` so they work from ``target_dir``."""
    def rebase(match: re.Match) -> str:
        url = match.group("url").strip()
        if url.startswith(("data:", "#", "/")) or "://" in url:
            return match.group(0)
        path, tail = re.match(r"([^?#]*)(.*)", url).groups()
        new = _rel((source.parent / path).resolve(), target_dir)
        return f'url("{new}{tail}")'

    return _CSS_URL.sub(rebase, css)


def linked_stylesheets(pages: list[Path], outdir: Path, manifest: Path) -> dict[Path, str]:
    """Every stylesheet the pages link, in page order, with the media it is linked for ("all"
    unless the link says otherwise, e.g. the print style sheet). Pages an earlier build already
    rewrote (an incremental build writes only changed pages) link the joined file instead: their
    sources are the ones the manifest (in the build's private doctree folder) remembers."""
    order: dict[Path, str] = {}
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        for link in _STYLESHEET.findall(head):
            href = _HREF.search(link)
            path = _local(page, href.group(1), outdir) if href else None
            if path and not _is_ours(path, outdir) and path not in order:
                media = _MEDIA.search(link)
                order[path] = media.group(1).strip() if media else "all"
    if order:
        manifest.write_text(json.dumps({_rel(p, outdir): m for p, m in order.items()}, indent=1),
                            encoding="utf-8")
    elif manifest.exists():
        remembered = json.loads(manifest.read_text(encoding="utf-8"))
        order = {(outdir / p).resolve(): m for p, m in remembered.items()}
    return order


def _is_ours(path: Path, outdir: Path) -> bool:
    return path.is_relative_to((outdir / OUT).resolve())


_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?(['"]?)(?P<url>[^'")\s;]+)\1\s*\)?\s*;""")


def _read_css(path: Path, target: Path, seen: set[Path]) -> str:
    """``path`` rebased to ``target``, with its ``@import``s of local files written in place
    (an ``@import`` inside a joined file would no longer be at its top, and costs a request)."""
    seen.add(path)

    def inline(match: re.Match) -> str:
        imported = (path.parent / match.group("url")).resolve()
        if "://" in match.group("url") or not imported.is_file():
            return match.group(0)
        return "" if imported in seen else _read_css(imported, target, seen)

    return _rebase_urls(_IMPORT.sub(inline, path.read_text(encoding="utf-8")), path, target)


def combined_css(order: dict[Path, str] | list[Path], outdir: Path) -> str:
    """The stylesheets ``order`` (path → media, or paths for all media), rebased to
    ``_static/tk``, then the pipeline's own rules. A style sheet linked for some media only
    (the print style sheet) keeps that limit as an ``@media`` block around its rules.
    (Each widget's CSS stays a file of its own, linked by the pages that show the widget: the
    widgets' stylesheets were written for the page of their widget, not for all pages.)"""
    media_of = order if isinstance(order, dict) else dict.fromkeys(order, "all")
    target = (outdir / OUT).resolve()
    parts = []
    seen: set[Path] = set()
    for path, media in media_of.items():
        if not path.exists():
            raise ExtensionError(f"Stilmallen {path.relative_to(outdir.resolve())} finns inte i bygget.")
        if path not in seen:
            css = _read_css(path, target, seen)
            if media not in ("", "all"):
                css = f"@media {media} {{\n{css}\n}}"
            parts.append(f"/* {path.relative_to(outdir.resolve()).as_posix()} */\n" + css)
    parts.append("/* widget placeholders and sized images (widgets/site/assets.py) */" + PIPELINE_CSS)
    return "\n".join(parts)


def purge(css: str, content: list[Path]) -> str:
    """Drop the rules no page or script can use (PurgeCSS, from ``npm ci``)."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "purgecss").is_dir():
        raise ExtensionError("Bygget behöver PurgeCSS från npm för webbplatsens stilmall. "
                             "Installera Node.js och kör 'npm ci' i kursens mapp (make book gör det).")
    job = {"css": css, "content": [str(p) for p in content], "safelist": SAFELIST}
    done = subprocess.run([node, str(PURGE_SCRIPT)], input=json.dumps(job), capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    if done.returncode != 0:
        raise ExtensionError(f"PurgeCSS misslyckades:\n{done.stderr[-2000:]}")
    return done.stdout


def used_codepoints(css: str) -> set[int]:
    """Characters the stylesheet draws (``content`` strings, icon variables): CSS escapes and
    private-use characters inside quoted strings."""
    points: set[int] = set()
    for double, single in _CSS_STRING.findall(css):
        text = double or single
        points |= {int(h, 16) for h in _CSS_ESCAPE.findall(text)}
        points |= {ord(c) for c in _CSS_ESCAPE.sub("", text) if 0xE000 <= ord(c) <= 0xF8FF}
    return {p for p in points if p >= 0x20}


def subset_fonts(css: str, target_dir: Path) -> tuple[str, list[Path]]:
    """Subset every ``@font-face`` font to the glyphs ``css`` uses (WOFF2, ``font-display:
    swap``); drop a face none of whose glyphs is used. Returns the CSS and the font files."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    wanted = used_codepoints(css)
    cache: dict[Path, str | None] = {}

    def rewrite(match: re.Match) -> str:
        rule = match.group(0)
        urls = [u for u in _CSS_URL.finditer(rule)]
        woff2 = next((u.group("url") for u in urls if ".woff2" in u.group("url")), None)
        if woff2 is None:
            return rule
        source = (target_dir / woff2.split("?")[0]).resolve()
        if source not in cache:
            font = TTFont(source, recalcTimestamp=False)  # same bytes on every build
            glyphs = sorted(c for c in wanted if c in font.getBestCmap())
            if not glyphs:
                cache[source] = None
            else:
                options = subset.Options()
                options.flavor = "woff2"
                options.layout_features = ["*"]
                options.name_IDs = ["*"]  # keeps the copyright and licence (SIL OFL) records
                # the same metrics and tables as the full font: icons draw exactly as before
                options.drop_tables = []
                options.recalc_bounds = False
                options.prune_unicode_ranges = False
                options.recalc_average_width = False
                subsetter = subset.Subsetter(options)
                subsetter.populate(unicodes=glyphs)
                subsetter.subset(font)
                buffer = io.BytesIO()
                font.flavor = "woff2"
                font.save(buffer)
                data = buffer.getvalue()
                name = f"{source.stem}.{_hash(data)}.woff2"
                (target_dir / name).write_bytes(data)
                cache[source] = name
        if cache[source] is None:
            return ""
        rule = re.sub(r"src\s*:[^;}]*", f'src:url("{cache[source]}") format("woff2")', rule)
        rule = re.sub(r"font-display\s*:\s*[a-z]+", "font-display:swap", rule)
        if "font-display" not in rule:
            rule = rule.replace("{", "{font-display:swap;", 1)
        return rule

    css = _FONT_FACE.sub(rewrite, css)
    return css, [target_dir / name for name in cache.values() if name]


def _content_files(outdir: Path, pages: list[Path]) -> list[Path]:
    scripts = [p for p in sorted((outdir / "_static").rglob("*.js"))
               if not any(part in p.as_posix() for part in _NOT_CONTENT)]
    return [*pages, *scripts]


def rewrite_head(page: Path, outdir: Path, sources: list[Path], widget_files: list[str],
                 inline: dict[Path, str]) -> None:
    """One stylesheet (named by :func:`link_stylesheet` once it exists), deferred scripts, inline
    documentation options, module preloads; sized images."""
    stylesheet = outdir / OUT / "site.css"
    text = page.read_text(encoding="utf-8")
    head, rest = text.split("</head>", 1)
    base = page.parent
    first = True

    def replace_link(match: re.Match) -> str:
        nonlocal first
        href = _HREF.search(match.group(0))
        path = _local(page, href.group(1), outdir) if href else None
        if path is None or not (path in sources or _is_ours(path, outdir)):
            return match.group(0)
        if not first:
            return ""
        first = False
        link = f'    <link rel="stylesheet" href="{_rel(stylesheet, base)}" />\n'
        for name in widget_files:
            target = _rel(outdir / OUT / name, base)
            if name.endswith(".css"):
                link += f'    <link rel="stylesheet" href="{target}" />\n'
        for name in widget_files:
            if name.endswith(".js"):
                link += f'    <link rel="modulepreload" href="{_rel(outdir / OUT / name, base)}" />\n'
        return link

    def defer(match: re.Match) -> str:
        path = _local(page, match.group("src"), outdir)
        if path in inline:
            return f"<script>{inline[path]}</script>"
        attrs = match.group("attrs") + match.group("rest")
        if re.search(r"\b(defer|async)\b|type=\"module\"", attrs):
            return match.group(0)
        return match.group(0).replace("<script", "<script defer", 1)

    head = _MODULE_PRELOAD.sub("", head)
    head = _STYLESHEET.sub(replace_link, head)
    head = _SCRIPT_SRC.sub(defer, head)
    rest = _IMG.sub(lambda m: _sized_image(m.group(0), page, outdir), rest)
    page.write_text(head + "</head>" + rest, encoding="utf-8")


_OUR_STYLESHEET = re.compile(r"(_static/tk/)site(?:\.[0-9a-f]{12})?\.css")


def link_stylesheet(page: Path, stylesheet: Path) -> None:
    """Point the page at the stylesheet's content-hashed name."""
    text = page.read_text(encoding="utf-8")
    linked = _OUR_STYLESHEET.sub(lambda m: m.group(1) + stylesheet.name, text)
    if linked != text:
        page.write_text(linked, encoding="utf-8")


def _sized_image(tag: str, page: Path, outdir: Path) -> str:
    """``<img>`` with its intrinsic size (no jump when it arrives) and a smaller lossless WebP
    copy if there is one. Not lazy: the print version (PDF) is printed from these pages, and
    the figures are small once they are WebP."""
    src = re.search(r'\bsrc="([^"]+)"', tag)
    path = _local(page, src.group(1), outdir) if src else None
    if path is None or not path.is_file() or path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        return tag
    if " decoding=" in tag:  # done by an earlier build (an incremental build keeps that page)
        return tag
    with Image.open(path) as image:
        width, height = image.size
        webp = path.with_suffix(".webp")
        if not webp.exists():
            buffer = io.BytesIO()
            image.save(buffer, "WEBP", lossless=True, method=6)
            if len(buffer.getvalue()) < path.stat().st_size:
                webp.write_bytes(buffer.getvalue())
    if " width=" not in tag:
        tag = tag.replace("<img", f'<img width="{width}" height="{height}"', 1)
    tag = tag.replace("<img", '<img decoding="async"', 1)
    if webp.exists():
        srcset = _rel(webp, page.parent)
        return f'<picture><source type="image/webp" srcset="{srcset}" />{tag}</picture>'
    return tag


def build_assets(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    started = time.perf_counter()
    outdir = Path(app.outdir)
    folder = outdir / OUT
    folder.mkdir(parents=True, exist_ok=True)
    before = {p.resolve() for p in folder.iterdir()}
    pages = _pages(outdir)
    modules = write_modules(outdir)
    for stale in set(folder.glob("*.js")) - set(modules.values()):  # PurgeCSS reads the modules
        stale.unlink(missing_ok=True)
    used = check_references(pages, outdir)
    sources = linked_stylesheets(pages, outdir, Path(app.doctreedir) / "tk-stylesheets.json")
    options = outdir / "_static" / "documentation_options.js"
    inline = {options.resolve(): options.read_text(encoding="utf-8").strip()} if options.exists() else {}
    # pages first, so PurgeCSS reads the same words whether a page is new or was rewritten by
    # an earlier (incremental) build: the output is the same for the same sources
    for page in pages:
        rewrite_head(page, outdir, sources, used.get(page, []), inline)
    css = combined_css(sources, outdir)
    css = purge(css, _content_files(outdir, pages))
    css, fonts = subset_fonts(css, folder.resolve())
    css = ("/* Tillitskursen: every stylesheet of the site in one file, unused rules removed "
           "(PurgeCSS).\n   Font Awesome Free 6.5.2 (fonts SIL OFL 1.1, code MIT), "
           "pydata-sphinx-theme, sphinx-book-theme,\n   Sphinx, sphinx-design, myst-nb: see "
           "their licences in _static/. */\n" + css)
    stylesheet = folder / f"site.{_hash(css.encode('utf-8'))}.css"
    stylesheet.write_text(css, encoding="utf-8")
    for page in pages:
        link_stylesheet(page, stylesheet)
    written = {p.resolve() for p in (stylesheet, *modules.values(), *fonts)}
    for stale in before - written:  # files of an earlier build that no page links any more
        stale.unlink(missing_ok=True)
    logger.info(f"tk assets: {len(pages)} pages, {stylesheet.name} {len(css) // 1000} KB, "
                f"{len(modules) // 2} widget modules, {time.perf_counter() - started:.1f} s")


def setup(app: Sphinx) -> dict:
    # a change to this pipeline rewrites every page (Sphinx compares 'html' config values)
    app.add_config_value("tk_assets_version", _hash(Path(__file__).read_bytes()), "html")
    app.connect("html-page-context", _placeholders, priority=950)
    app.connect("build-finished", build_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
