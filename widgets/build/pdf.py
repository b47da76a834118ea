"""Print the course to PDF with headless Chromium: the whole course, and one file per chapter.

``python -m widgets.build.pdf [SITE]`` reads the built site (default ``_build/html``) and writes
``SITE/pdf/tillitskursen.pdf`` (every page in reading order, then the answer key) and
``SITE/pdf/<chapter>.pdf`` (the chapter, then its part of the answer key). Widgets print in
their paper form (self-tests as questions to answer with a pen, simulations as a chart).
Nothing is fetched from other hosts. Each chapter is a bookmark in the PDF's outline.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from widgets.build.browser import CHROMIUM_ARGS, block_other_hosts, chromium_path, serve, settle
from widgets.content import course
from widgets.content.questions import quiz_path
from widgets.paths import ROOT

KEY_PAGE = "book/lararhandledning/facit"
#: Pages that only make sense on screen, or that the course PDF shows in another way.
SCREEN_ONLY = {"min-oversikt", "facit"}
COURSE_FILE = "tillitskursen.pdf"
FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#555">'
          'Tillitskursen · <span class="pageNumber"></span></div>')
#: Print-only adjustments to the theme: no navigation, no buttons, chapters on new pages.
PRINT_CSS = """
@page { size: A4; }
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .bd-header-article, .prev-next-area,
.bd-footer-article, .header-article-items, .skip-link, #pst-back-to-top,
.headerlink, .toggle-button { display: none !important; }
.bd-main .bd-content .bd-article-container { max-width: none !important; }
"""


def chapter_pages() -> list[course.Page]:
    return [p for p in course.pages() if p.part == "Kursen"]


def course_pages() -> list[course.Page]:
    return [p for p in course.pages() if p.slug not in SCREEN_ONLY and p.part != "För lärare"]


def _print(page, base: str, path: str, *, only_key: str | None = None) -> bytes:
    page.goto(base + path)
    settle(page)
    # closed boxes (dropdowns, role cards) would be left out of the print
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.add_style_tag(content=PRINT_CSS)
    if only_key is not None:
        # only this chapter's part of the key, without the page's introduction
        page.add_style_tag(content=f".tk-key:not(#facit-{only_key}) {{ display: none !important; }}"
                                   ".bd-article section > p { display: none; }")
    return page.pdf(format="A4", print_background=True, outline=True, tagged=True,
                    margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                    display_header_footer=True, header_template="<span></span>",
                    footer_template=FOOTER)


def _merge(parts: list[tuple[str, bytes]], target: Path, title: str) -> None:
    writer = PdfWriter()
    for heading, data in parts:
        writer.append(PdfReader(io.BytesIO(data)), outline_item=heading)
    writer.add_metadata({"/Title": title, "/Author": "Tillitskursens författare"})
    writer._root_object[NameObject("/Lang")] = TextStringObject("sv-SE")  # for screen readers
    with target.open("wb") as out:
        writer.write(out)


def build(site: Path) -> list[Path]:
    out = site / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 900, "height": 1200})
        block_other_hosts(page, base)
        printed = {p.slug: _print(page, base, p.html) for p in course_pages()}
        key_all = _print(page, base, f"{KEY_PAGE}.html")
        for chapter in chapter_pages():
            parts = [(chapter.title, printed[chapter.slug])]
            if quiz_path(chapter.slug).exists():
                parts.append(("Facit", _print(page, base, f"{KEY_PAGE}.html", only_key=chapter.slug)))
            target = out / f"{chapter.slug}.pdf"
            _merge(parts, target, f"Tillitskursen – {chapter.title}")
            written.append(target)
        parts = [(p.title, printed[p.slug]) for p in course_pages()]
        parts.append(("Facit till självtesterna", key_all))
        target = out / COURSE_FILE
        _merge(parts, target, "Tillitskursen")
        written.append(target)
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "_build" / "html")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"Hittar ingen byggd webbplats i {args.site}. Kör 'make book' först.", file=sys.stderr)
        return 1
    start = time.perf_counter()
    written = build(args.site)
    size = sum(p.stat().st_size for p in written) / 1e6
    print(f"Skrev {len(written)} PDF-filer ({size:.1f} MB) i {args.site / 'pdf'} "
          f"på {time.perf_counter() - start:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
