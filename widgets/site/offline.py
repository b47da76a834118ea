"""The course offline and installable: web app manifest, icons, service worker (issue 15).

Registered by :mod:`widgets.site.extension`. While pages are written, every page gets
``<link rel="manifest">`` and a theme colour in its head. The ``{spara-offline}`` directive
puts the "Spara kursen för offline" box on a page (the start page, Min översikt).

When the build has finished (after the asset pipeline, :mod:`widgets.site.assets`) it
- draws the icons (192 and 512 px, and a maskable 512 px one) from the course's favicon
  (``html_favicon``, an SVG of circles, rectangles and straight-line paths) with Pillow;
- writes ``manifest.webmanifest`` at the site root: Swedish name, ``lang: sv``, start URL and
  scope relative to the manifest, so the site works under any sub-path (GitHub Pages'
  ``/tillitskursen/``);
- lists the site's files: every page, and every file a page or a stylesheet refers to
  (scripts, styles, fonts, images, widget modules), with a hash of each (its revision); not
  the sources, the PDFs or the packages for learning platforms (the worker keeps those only
  when the learner opens them);
- gives the site a version (a hash of those revisions) and writes it into every page
  (``<meta name="tk-version">``: the answers file names it);
- writes ``sw.js`` at the site root: that list and version, then the worker
  (``widgets/site/service-worker.js``).

The page script ``book/_assets/tk-offline.js`` registers the worker after the page has loaded,
and only on a page with ``<link rel="manifest">`` (a SCORM package removes that link).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

from docutils import nodes
from docutils.parsers.rst import Directive
from PIL import Image, ImageDraw
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

from widgets.content.ui_text import texts_for
from widgets.site.site_script import add_site_script

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
WORKER_SOURCE = HERE / "service-worker.js"
MANIFEST = "manifest.webmanifest"
WORKER = "sw.js"
SCRIPT = "tk-offline.js"
STYLE = "tk-offline.css"
ICON_DIR = "_static/icons"
ICON_SIZES = (192, 512)
#: The share of a maskable icon that is safe from any mask (the W3C spec's safe zone).
MASKABLE_SAFE = 0.8
BACKGROUND = "#ffffff"
#: Folders and files not offered offline (sources, build data; PDFs, question banks, slide decks
#: and packages, a teacher's material, come later in ``make book`` and are kept by the worker
#: only when opened).
SKIPPED_DIRS = ("_sources", ".doctrees", "pdf", "fragebank", "bildspel", "scorm")
SKIPPED_FILES = (".buildinfo", "objects.inv", WORKER)
SKIPPED_SUFFIXES = (".pdf", ".zip", ".imscc")
#: The words the page script needs (ui_text section "offline").
SCRIPT_TEXTS = ("update_available", "update_reload", "saving", "saved_all", "saved_failed",
                "saved_already", "offline_unsupported")
t = texts_for("offline")

_REF = re.compile(r'\b(?:href|src)="([^"]+)"|\bsrcset="([^"]+)"')
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_VERSION_META = re.compile(r'<meta name="tk-version" content="[0-9a-f]*" />\n?')


# -- while pages are written ------------------------------------------------------------------

class SaveOfflineDirective(Directive):
    """``{spara-offline}``: the "Spara kursen för offline" box. It takes its place from the
    start (no jump when the script is ready; the theme hides ``pst-js-only`` without
    JavaScript); the button waits, disabled, until the service worker is ready. The build
    writes the course's size into ``tk-offline-size`` when it knows it."""

    has_content = False

    def run(self):
        e = {"save_intro": html.escape(t["save_intro"]), "save_button": html.escape(t["save_button"]),
             "saving_label": html.escape(t["saving_label"])}
        markup = (
            '<div class="tk-offline pst-js-only" data-tk-offline="">'
            f'<p>{e["save_intro"]} <span class="tk-offline-size"></span></p>'
            f'<button type="button" class="tk-offline-save" disabled>{e["save_button"]}</button>'
            '<div class="tk-offline-progress" hidden>'
            f'<span class="tk-offline-progress-label">{e["saving_label"]}</span> '
            '<progress max="100" value="0"></progress></div>'
            '<p class="tk-offline-status" role="status" aria-live="polite"></p></div>'
        )
        return [nodes.raw("", markup, format="html")]


def theme_colour(svg: Path) -> str:
    """The favicon's first fill colour (the course's blue)."""
    found = re.search(r'fill="(#[0-9a-fA-F]{6})"', svg.read_text(encoding="utf-8"))
    return found.group(1).lower() if found else "#1d5b8f"


def _head(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html":
        return
    href = html.escape(context["pathto"](MANIFEST, 1), quote=True)
    colour = theme_colour(Path(app.srcdir) / app.config.html_favicon)
    context["metatags"] = (context.get("metatags") or "") + (
        f'\n<link rel="manifest" href="{href}" />\n<meta name="theme-color" content="{colour}" />')


# -- icons from the favicon -------------------------------------------------------------------

_PATH_TOKEN = re.compile(r"[MmLlHhVvZz]|-?(?:\d+\.?\d*|\.\d+)")


def _path_polygons(d: str, where: str) -> list[list[tuple[float, float]]]:
    """The polygons of an SVG path made of straight lines (M, L, H, V, Z, absolute or relative)."""
    tokens = _PATH_TOKEN.findall(d)
    if _PATH_TOKEN.sub("", d).strip(" ,\t\r\n"):
        raise ExtensionError(f"{where}: bara raka linjer (M, L, H, V, Z) kan ritas till en ikon. "
                             "Förenkla sökvägen i SVG-filen eller rita ikonerna på annat sätt.")
    polygons: list[list[tuple[float, float]]] = []
    x = y = 0.0
    command = None
    i = 0
    numbers = lambda n: [float(v) for v in tokens[i:i + n]]  # noqa: E731
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command in "Zz":
                command = None
                continue
        if command is None:
            raise ExtensionError(f"{where}: sökvägen saknar kommando före {tokens[i]!r}.")
        relative = command.islower()
        if command in "MmLl":
            dx, dy = numbers(2)
            i += 2
            x, y = (x + dx, y + dy) if relative else (dx, dy)
            if command in "Mm":
                polygons.append([])
                command = "l" if relative else "L"
        elif command in "Hh":
            (v,) = numbers(1)
            i += 1
            x = x + v if relative else v
        elif command in "Vv":
            (v,) = numbers(1)
            i += 1
            y = y + v if relative else v
        if not polygons:
            polygons.append([])
        polygons[-1].append((x, y))
    return polygons


def draw_svg(svg: Path, size: int, *, maskable: bool = False, background: str | None = None
             ) -> Image.Image:
    """The SVG drawn at ``size`` px (circles, rectangles, straight-line paths; four times
    larger first, then scaled down, for smooth edges). A maskable icon is the picture at
    :data:`MASKABLE_SAFE` of the size on a square of ``background``."""
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    box = [float(v) for v in (root.get("viewBox") or "0 0 32 32").replace(",", " ").split()]
    big = size * 4
    image = Image.new("RGBA", (big, big), background if maskable else (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    inner = big * (MASKABLE_SAFE if maskable else 1)
    offset = (big - inner) / 2
    scale = inner / max(box[2], box[3])

    def point(px: float, py: float) -> tuple[float, float]:
        return offset + (px - box[0]) * scale, offset + (py - box[1]) * scale

    for element in root.iter():
        tag = element.tag.replace(ns, "")
        fill = element.get("fill")
        where = f"{svg.name}: <{tag}>"
        if tag in ("svg", "title", "desc", "g"):
            continue
        if not fill or fill == "none":
            raise ExtensionError(f"{where} har ingen fyllnadsfärg (fill) att rita ikonen med.")
        if tag == "circle":
            cx, cy, r = (float(element.get(k, 0)) for k in ("cx", "cy", "r"))
            draw.ellipse([*point(cx - r, cy - r), *point(cx + r, cy + r)], fill=fill)
        elif tag == "rect":
            x, y, w, h = (float(element.get(k, 0)) for k in ("x", "y", "width", "height"))
            draw.rectangle([*point(x, y), *point(x + w, y + h)], fill=fill)
        elif tag == "path":
            for polygon in _path_polygons(element.get("d", ""), where):
                if len(polygon) >= 3:
                    draw.polygon([point(px, py) for px, py in polygon], fill=fill)
        else:
            raise ExtensionError(f"{where}: bara circle, rect och path kan ritas till en ikon. "
                                 "Förenkla SVG-filen eller rita ikonerna på annat sätt.")
    return image.resize((size, size), Image.LANCZOS)


def write_icons(outdir: Path, svg: Path, colour: str) -> list[dict]:
    """The manifest's icons, written under ``_static/icons``."""
    folder = outdir / ICON_DIR
    folder.mkdir(parents=True, exist_ok=True)
    icons = []
    for size, maskable in [*((s, False) for s in ICON_SIZES), (max(ICON_SIZES), True)]:
        name = f"icon-{size}{'-maskable' if maskable else ''}.png"
        draw_svg(svg, size, maskable=maskable, background=colour).save(
            folder / name, "PNG", optimize=True)
        icons.append({"src": f"{ICON_DIR}/{name}", "sizes": f"{size}x{size}", "type": "image/png",
                      "purpose": "maskable" if maskable else "any"})
    return icons


def manifest(title: str, start: str, colour: str, icons: list[dict]) -> dict:
    """The web app manifest; every URL relative to the manifest (the site root)."""
    return {
        "id": "./", "name": title, "short_name": title, "description": t["manifest_description"],
        "lang": "sv", "dir": "ltr", "start_url": start, "scope": "./", "display": "standalone",
        "theme_color": colour, "background_color": BACKGROUND, "icons": icons,
    }


# -- the site's files, version and worker -----------------------------------------------------

def _skipped(relative: Path) -> bool:
    return (relative.parts[0] in SKIPPED_DIRS or relative.name in SKIPPED_FILES
            or relative.suffix.lower() in SKIPPED_SUFFIXES)


def _target(base: Path, reference: str, outdir: Path) -> Path | None:
    parts = urlsplit(reference.strip())
    if parts.scheme or parts.netloc or not parts.path or reference.startswith("#"):
        return None
    path = (base / unquote(parts.path)).resolve()
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() and path.is_relative_to(outdir) else None


def site_files(outdir: Path) -> list[Path]:
    """Every page, and every local file a page or a stylesheet refers to, sorted."""
    outdir = outdir.resolve()
    pages = [p for p in outdir.rglob("*.html") if not _skipped(p.relative_to(outdir))]
    found: set[Path] = set(pages)
    todo = list(pages)
    while todo:
        source = todo.pop()
        text = source.read_text(encoding="utf-8", errors="replace")
        if source.suffix == ".css":
            references = [m.group(2) for m in _CSS_URL.finditer(text)]
        else:
            references = []
            for href, srcset in _REF.findall(text):
                references += [href] if href else [c.split()[0] for c in srcset.split(",") if c.strip()]
        for reference in references:
            target = _target(source.parent, html.unescape(reference), outdir)
            if target is None or target in found or _skipped(target.relative_to(outdir)):
                continue
            found.add(target)
            if target.suffix == ".css":
                todo.append(target)
    return sorted(found)


def _revision(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


_SIZE = re.compile(r'<span class="tk-offline-size">[^<]*</span>')


def content_bytes(path: Path) -> bytes:
    """A file as the version sees it: a page without the version and size this step writes.
    (A rebuild rewrites only the pages that changed; the others still carry the last build's
    version, which must not give a site with no change a new version.)"""
    data = path.read_bytes()
    if path.suffix != ".html":
        return data
    text = _VERSION_META.sub("", data.decode("utf-8"))
    return _SIZE.sub('<span class="tk-offline-size"></span>', text).encode("utf-8")


def site_version(files: list[Path], outdir: Path) -> tuple[str, int]:
    """The site's version (12 hex digits) and size in bytes, from the files' content alone: the
    same sources give the same version, whether the build was clean or a rebuild."""
    digest = hashlib.sha256()
    size = 0
    for path in files:
        data = content_bytes(path)
        size += len(data)
        digest.update(f"{path.relative_to(outdir).as_posix()} "
                      f"{hashlib.sha256(data).hexdigest()[:12]}\n".encode())
    return digest.hexdigest()[:12], size


def write_version(outdir: Path, pages: list[Path], version: str, size_bytes: int) -> None:
    """``<meta name="tk-version">`` in the head of every page (replacing an earlier one), and
    the course's size in the "Spara kursen för offline" box."""
    meta = f'<meta name="tk-version" content="{version}" />\n'
    megabytes = f"{size_bytes / 1e6:.1f}".replace(".", ",")
    size = f'<span class="tk-offline-size">{html.escape(t["save_size"].format(mb=megabytes))}</span>'
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if "<head>" not in text:
            continue
        new = _VERSION_META.sub("", text).replace("<head>\n", "<head>\n" + meta, 1) \
            if "<head>\n" in text else _VERSION_META.sub("", text).replace("<head>", "<head>" + meta, 1)
        new = _SIZE.sub(size, new)
        if new != text:
            page.write_text(new, encoding="utf-8")


def worker_script(version: str, files: dict[str, str], sizes: int) -> str:
    """``sw.js``: the data, then the worker's code."""
    data = {"version": version, "files": files, "bytes": sizes,
            # the worker's page for a page that is not saved
            "texts": {"offline_title": t["offline_title"], "offline_text": t["offline_text"],
                      "offline_home": t["offline_home"]}}
    return ("// Tillitskursen's service worker, written by the build (widgets/site/offline.py).\n"
            f"const TK_OFFLINE = {json.dumps(data, ensure_ascii=False, indent=0)};\n"
            + WORKER_SOURCE.read_text(encoding="utf-8"))


def build_offline(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir).resolve()
    svg = Path(app.srcdir) / app.config.html_favicon
    colour = theme_colour(svg)
    icons = write_icons(outdir, svg, colour)
    start = f"{app.config.root_doc}.html"
    title = app.config.html_title or app.config.project
    (outdir / MANIFEST).write_text(json.dumps(manifest(title, start, colour, icons),
                                              ensure_ascii=False, indent=1), encoding="utf-8")
    files = site_files(outdir)
    # what scripts load by name: the search page's index, the manifest and its icons
    files += [outdir / MANIFEST, *(outdir / icon["src"] for icon in icons)]
    files += [p for p in (outdir / "searchindex.js",) if p.exists()]
    files = sorted(set(files))
    rel = lambda p: p.relative_to(outdir).as_posix()  # noqa: E731
    pages = [p for p in files if p.suffix == ".html"]
    version, content_size = site_version(files, outdir)
    write_version(outdir, pages, version, content_size)
    revisions = {rel(p): _revision(p) for p in files}
    sizes = sum(p.stat().st_size for p in files)
    (outdir / WORKER).write_text(worker_script(version, revisions, sizes), encoding="utf-8")
    logger.info(f"tk offline: version {version}, {len(files)} files, {sizes // 1000} KB")


def setup(app: Sphinx) -> dict:
    add_site_script(app, SCRIPT, STYLE, {key: t[key] for key in SCRIPT_TEXTS})
    app.add_directive("spara-offline", SaveOfflineDirective)
    app.connect("html-page-context", _head)
    app.connect("build-finished", build_offline, priority=950)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
