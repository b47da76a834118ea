"""SCORM 1.2 packages of the course, for an organisation's learning platform.

``python -m widgets.build.scorm [SITE] [--out DIR]`` reads the built site (``_build/html``) and
writes into ``SITE/scorm/`` (``make book`` runs it after the site build):

- ``<chapter>-scorm12.zip`` for each numbered chapter: one SCO, the chapter page as on the
  site with its self-test and explorers;
- ``tillitskursen-scorm12.zip``: every chapter as its own SCO, in course order.

Each package holds ``imsmanifest.xml`` (checked against the schemas before it is written), the
schema files, the packaged pages (:func:`widgets.build.scorm_page.package_page`) and every file
they load, found by reading the pages, their stylesheets and their modules, with the site's
relative paths. Inside a platform the self-test reports to it (``static/scorm.js``). The mastery
score is ``scorm.mastery_score`` in ``_config.yml`` (default :data:`DEFAULT_MASTERY`). The sizes
of the packages are printed (``tools/benchmark.py`` reads them with :func:`package_sizes`).
"""

from __future__ import annotations

import argparse
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from widgets.build.scorm_manifest import SCHEMA_DIR, SCHEMA_FILES, Sco, manifest_errors, manifest_xml
from widgets.build.scorm_page import css_loads, js_loads, package_tree, page_loads, parsed, remote_urls_in
from widgets.content import course
from widgets.content.data_files import DataFileError, load_yaml
from widgets.content.publication import CONFIG_FILE, publication
from widgets.content.ui_text import texts_for
from widgets.paths import ROOT

DEFAULT_MASTERY = 70
COURSE_PACKAGE = "tillitskursen-scorm12.zip"
#: Zip entries get this time, so the same site gives the same bytes.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)


def package_name(slug: str) -> str:
    return f"{slug}-scorm12.zip"


def mastery_score(config_file: Path = CONFIG_FILE) -> int:
    """``scorm.mastery_score`` in ``_config.yml``: a whole percentage 0–100 (default 70)."""
    config = load_yaml(config_file) or {}
    section = config.get("scorm") if isinstance(config, dict) else None
    if section is None:
        return DEFAULT_MASTERY
    value = section.get("mastery_score", DEFAULT_MASTERY) if isinstance(section, dict) else None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise DataFileError(config_file, f"gränsen för godkänt är '{value}', inte ett heltal 0–100.",
                            item="scorm.mastery_score",
                            fix="skriv till exempel 'mastery_score: 70' (procent rätt för godkänt).")
    return value


def files_loaded(site: Path, page: str, html: str | BeautifulSoup) -> list[str]:
    """Every file the page loads, directly or through its stylesheets and modules, sorted."""
    pending = sorted(page_loads(html, page))
    seen: set[str] = set()
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        file = site / path
        if not file.is_file():
            raise FileNotFoundError(f"{page} laddar {path}, men filen finns inte i {site}.")
        seen.add(path)
        if path.endswith(".css"):
            pending += css_loads(file.read_text(encoding="utf-8"), path)
        elif path.endswith((".js", ".mjs")):
            pending += js_loads(file.read_text(encoding="utf-8"), path)
    return sorted(seen)


def _write_zip(target: Path, entries: dict[str, bytes]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        # the manifest first: some platforms look for it there
        for name in sorted(entries, key=lambda n: (n != "imsmanifest.xml", n)):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[name])
    temporary.replace(target)


@dataclass(frozen=True)
class PackagedPage:
    """A chapter page as it goes into a package, and every file it loads."""

    page: course.Page
    html: bytes
    loads: tuple[str, ...]


def packaged_page(site: Path, page: course.Page, mastery: int) -> PackagedPage:
    tree = parsed((site / page.html).read_text(encoding="utf-8"))
    settings = {"chapter": page.slug, "mastery": mastery, "texts": texts_for("scorm")}
    site_url = publication().site_url
    package_tree(tree, page.html, site_url, settings)
    elsewhere = [url for url in remote_urls_in(tree, "html") if not url.startswith(site_url)]
    if elsewhere:
        raise ValueError(f"{page.html} hämtar från en annan webbplats: {', '.join(elsewhere)}. "
                         "Ett paket får bara använda sina egna filer.")
    loads = files_loaded(site, page.html, tree)
    return PackagedPage(page, str(tree).encode("utf-8"), tuple(loads))


def build_package(site: Path, target: Path, identifier: str, title: str,
                  pages: list[PackagedPage], mastery: int) -> Path:
    """Write one package with ``pages`` as its SCOs; returns its path."""
    entries: dict[str, bytes] = {}
    scos = []
    for packaged in pages:
        page = packaged.page
        entries[page.html] = packaged.html
        for path in packaged.loads:
            entries.setdefault(path, (site / path).read_bytes())
        scos.append(Sco(page.slug, page.title, page.html, (page.html, *packaged.loads)))
    manifest = manifest_xml(identifier, title, scos, mastery)
    errors = manifest_errors(manifest)
    if errors:
        raise ValueError(f"{target.name}: imsmanifest.xml följer inte SCORM 1.2-schemat: {errors}")
    entries["imsmanifest.xml"] = manifest
    for name in SCHEMA_FILES:
        entries[name] = (SCHEMA_DIR / name).read_bytes()
    _write_zip(target, entries)
    return target


def build_all(site: Path, out: Path) -> list[Path]:
    """Every chapter's package and the whole-course package, in course order."""
    if not any(site.glob("book/*.html")):
        raise FileNotFoundError(f"Ingen byggd webbplats i {site}. Kör 'make book' först.")
    mastery = mastery_score()
    title = publication().title
    pages = [packaged_page(site, page, mastery) for page in course.chapters()]
    written = [build_package(site, out / package_name(p.page.slug), f"tillitskursen-{p.page.slug}",
                             f"{title}: {p.page.title}", [p], mastery) for p in pages]
    written.append(build_package(site, out / COURSE_PACKAGE, "tillitskursen", title, pages, mastery))
    return written


def package_sizes(out: Path) -> dict[str, int]:
    """Bytes of each package in ``out`` (what BENCHMARKS.md lists)."""
    return {p.name: p.stat().st_size for p in sorted(out.glob("*-scorm12.zip"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=None, help="mappen för paketen (SITE/scorm)")
    args = parser.parse_args(argv)
    out = args.out or args.site / "scorm"
    started = time.perf_counter()
    try:
        written = build_all(args.site, out)
    except (DataFileError, FileNotFoundError, ValueError) as err:
        print(f"FEL: {err}", file=sys.stderr)
        return 1
    for path in written:
        print(f"  {path.name}: {path.stat().st_size / 1000:.1f} KB")
    print(f"Skrev {len(written)} SCORM 1.2-paket i {out} på {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
