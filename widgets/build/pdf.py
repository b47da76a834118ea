"""Print the course to PDF with headless Chromium: the whole course, each chapter, a handout.

``python -m widgets.build.pdf [SITE] [--force]`` reads the built site (default ``_build/html``)
and writes into ``SITE/pdf/``:

- ``tillitskursen.pdf``: a cover, the course contents with page numbers, every page in
  reading order and the answer key, numbered continuously;
- ``<chapter>.pdf`` for every numbered chapter: the chapter, then its part of the answer key,
  numbered from 1;
- ``deltagarmaterial.pdf``: the workshop handout, the sections listed in
  ``data/deltagarmaterial.yml``;
- ``rollspelspaket.pdf``: the role-play pack of chapter 9, from ``data/rollspel.yml``
  (:mod:`widgets.build.pdf_roleplay`).

Each PDF is printed from one composed document (:mod:`widgets.build.pdf_compose`) in one
``page.pdf()`` call (:mod:`widgets.build.pdf_print`), so it is tagged, has one outline
entry per heading and continuous page numbers; then only metadata is added
(:mod:`widgets.build.pdf_finish`). Widgets print in their paper form. When nothing the PDFs
are printed from has changed since the last print (:func:`inputs_fingerprint`), and the PDFs
are as written then, nothing is printed again (``--force`` prints anyway). Nothing is fetched
from other hosts, and no link points to the print server: links go to a place in the same
PDF, or to the published site (``html.baseurl`` in ``_config.yml``).
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from babel.dates import format_date
from bs4 import BeautifulSoup
from pypdf import PdfReader

from widgets.build import pdf_inspect, site_cli
from widgets.build.browser import chromium_path
from widgets.build.pdf_compose import Document, MissingSection, Snapshot, page_css, text_of
from widgets.build.pdf_finish import LabelRange, Metadata, finish
from widgets.build.pdf_print import BuildError, Printed, PrinterPool
from widgets.build.pdf_roleplay import PACK_CSS, PACK_FILE, pack_document
from widgets.content import course
from widgets.content.handout import HANDOUT_FILE, Handout, handout
from widgets.content.publication import Publication, publication
from widgets.content.roleplay import roleplay
from widgets.content.ui_text import texts_for
from widgets.paths import ROOT

KEY_PAGE = "book/lararhandledning/facit.html"
#: Pages that only make sense on screen, or that the course PDF shows in another way.
#: Pages about the web site itself, or that only work on screen: not in the course PDF.
SCREEN_ONLY = {"min-oversikt", "facit", "tillganglighet", "personuppgifter", "snabbspar",
               "kursintyg",
               # issue 15: both work only in the browser
               "repetera", "klassens-resultat"}
COURSE_FILE = "tillitskursen.pdf"
HANDOUT_PDF = "deltagarmaterial.pdf"
LANG = "sv-SE"
CSS = Path(__file__).with_name("pdf.css")
#: The course's contents page is printed again until the page numbers on it are where the
#: chapters landed; the first print normally agrees.
MAX_PRINTS = 3
#: The cover and the contents take one page each, so the first part starts on page 3.
COURSE_FIRST_PART_PAGE = 3
#: The page whose style sheets the role-play pack prints with (the chapter with the role-play).
ROLEPLAY_PAGE = "book/bestallare-och-utforare.html"


#: The printed course's words: the ``pdf`` section of ``ui_text``.
t = texts_for("pdf")


def chapter_pages() -> list[course.Page]:
    return list(course.chapters())


def course_pages() -> list[course.Page]:
    return [p for p in course.pages() if p.slug not in SCREEN_ONLY and p.part != "För lärare"]


def expected_files() -> list[str]:
    """Every PDF the build writes: one per numbered chapter, the course, the handout and the
    role-play pack."""
    return [f"{p.slug}.pdf" for p in chapter_pages()] + [COURSE_FILE, HANDOUT_PDF, PACK_FILE]


def footer() -> str:
    """The footer as printed, with ``{page}`` for the page number."""
    return t["footer"].format(course=publication().title, page="{page}")


def source_date() -> datetime:
    """When the sources last changed: ``SOURCE_DATE_EPOCH``, else the last commit, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                               text=True, check=True, timeout=10).stdout.strip()
        return datetime.fromtimestamp(int(stamp), tz=UTC)
    except (OSError, ValueError, subprocess.SubprocessError):
        return datetime.now(tz=UTC)


@dataclass(frozen=True)
class Context:
    """What every document needs: the publication facts, the date and the style sheet."""

    pub: Publication
    date: datetime

    @property
    def date_text(self) -> str:
        return format_date(self.date.date(), format="d MMMM y", locale="sv")

    def metadata(self, title: str, subject: str) -> Metadata:
        return Metadata(title=title, author=self.pub.authors, subject=subject,
                        licence=self.pub.licence, licence_url=self.pub.licence_url, lang=LANG,
                        date=self.date, keywords=self.pub.keywords)

    def css(self, *, numbered_first_page: bool) -> str:
        return CSS.read_text(encoding="utf-8") + page_css(footer(), numbered_first_page=numbered_first_page)

    def linked(self, text: str, url: str) -> str:
        """``text`` as HTML, with ``{url}`` in it a link to ``url`` that shows the address."""
        e = html.escape(url)
        return html.escape(text).replace("{url}", f'<a href="{e}">{e}</a>')

    def colophon(self, page_url: str | None = None) -> str:
        pub = self.pub
        text = t["colophon"].format(course=pub.title, version=pub.version, date=self.date_text,
                     licence=pub.licence, url="{url}")
        lines = [f"<p>{self.linked(text, pub.licence_url)}</p>"]
        if page_url:
            lines.append(f"<p>{self.linked(t['colophon_site'].format(url='{url}'), page_url)}</p>")
        return f'<footer class="tk-pdf-colophon">{"".join(lines)}</footer>'


def cover_html(ctx: Context) -> str:
    pub = ctx.pub
    talk = html.escape(t["cover_talk"].format(talk="{talk}", speaker=", ".join(
        filter(None, (pub.talk.speaker, pub.talk.affiliation))))).replace(
        "{talk}", f"<em>{html.escape(pub.talk.title)}</em>")
    return (
        '<section class="tk-pdf-cover">'
        f'<p class="tk-pdf-cover-title">{html.escape(pub.title)}</p>'
        f'<p class="tk-pdf-cover-subtitle">{html.escape(t["cover_subtitle"])}</p>'
        f'<p class="tk-pdf-cover-talk">{talk}</p>'
        '<div class="tk-pdf-cover-facts">'
        f'<p>{html.escape(t["cover_authors"].format(authors=pub.authors))}</p>'
        f'<p>{html.escape(t["cover_version"].format(version=pub.version, date=ctx.date_text))}</p>'
        f'<p>{ctx.linked(t["cover_site"].format(url="{url}"), pub.site_url)}</p>'
        f'<p>{ctx.linked(t["cover_licence"].format(licence=pub.licence, url="{url}"), pub.licence_url)}</p>'
        "</div></section>"
    )


def contents_html(entries: list[tuple[str, str]], numbers: dict[str, int] | None) -> str:
    """The course contents: one line per part, with the page it starts on."""
    items = []
    for part_id, title in entries:
        number = str(numbers[part_id]) if numbers else "000"
        items.append(f'<li><a href="#{html.escape(part_id)}"><span class="tk-pdf-entry">'
                     f'{html.escape(title)}</span><span class="tk-pdf-leader" aria-hidden="true"></span>'
                     f'<span class="tk-pdf-page">{number}</span></a></li>')
    return (f'<nav class="tk-pdf-contents" aria-labelledby="tk-pdf-contents-title">'
            f'<h1 id="tk-pdf-contents-title">{html.escape(t["contents"])}</h1>'
            f'<ol>{"".join(items)}</ol></nav>')


# -- the documents --------------------------------------------------------------------------

def split_sections(snap: Snapshot, ids: list[str]) -> dict[str, Snapshot]:
    """The sections ``ids`` of a page, each as a snapshot of its own (parsing the page once)."""
    soup = BeautifulSoup(snap.article, "html.parser")
    found = {}
    for section_id in ids:
        tag = soup.find(id=section_id)
        if tag is not None:
            found[section_id] = Snapshot(snap.path, str(tag), snap.styles)
    return found


def chapter_document(ctx: Context, chapter: course.Page, snaps: dict[str, Snapshot],
                     key_sections: dict[str, Snapshot]) -> tuple[Document, str]:
    page = snaps[chapter.html]
    doc = Document(title="", file_name=f"{chapter.slug}.pdf", site_url=ctx.pub.site_url, lang=LANG)
    part = doc.add_page(page)
    heading = doc.parts()[0][1]
    doc.title = t["chapter_title"].format(course=ctx.pub.title, chapter=heading)
    key = key_sections.get(f"facit-{chapter.slug}")
    if key is not None:
        part = doc.add_html(f'<section class="tk-pdf-part" id="facit">'
                            f'<h1>{html.escape(t["chapter_key"])}</h1></section>')
        doc.add_section(key, f"facit-{chapter.slug}", content_only=True, into=part)
    doc.add_html(ctx.colophon(ctx.pub.url(chapter.html)), into=part)
    return doc, heading


def course_parts(snaps: dict[str, Snapshot]) -> list[tuple[str, Snapshot]]:
    """The course's parts in reading order: (part id, page), the answer key last."""
    return [(page.slug, snaps[page.html]) for page in course_pages()] + [("facit", snaps[KEY_PAGE])]


def course_document(ctx: Context, snaps: dict[str, Snapshot],
                    numbers: dict[str, int] | None) -> tuple[Document, list[tuple[str, str]]]:
    doc = Document(title=ctx.pub.title, file_name=COURSE_FILE, site_url=ctx.pub.site_url, lang=LANG)
    doc.add_html(cover_html(ctx))
    contents = doc.add_html(contents_html([], None))
    for part_id, snap in course_parts(snaps):
        doc.add_page(snap, part_id=part_id)
    entries = doc.parts()
    doc.replace(contents, contents_html(entries, numbers))
    return doc, entries


def handout_document(ctx: Context, spec: Handout, snaps: dict[str, Snapshot]) -> Document:
    title = t["handout_title"].format(course=ctx.pub.title, title=spec.title)
    doc = Document(title=title, file_name=HANDOUT_PDF, site_url=ctx.pub.site_url, lang=LANG)
    doc.add_html(f'<header class="tk-pdf-handout-head"><h1>{html.escape(spec.title)}</h1>'
                 f'<p class="tk-pdf-lead">{html.escape(spec.intro)}</p></header>')
    for number, section in enumerate(spec.sections, start=1):
        page = course.page(section.page)
        snap = snaps[page.html]
        chapter = text_of_h1(snap)
        match = re.match(r"(\d+)\.\s+(.*)", chapter)
        url = ctx.pub.url(f"{page.html}#{section.section}")
        source = (t["handout_source"].format(number=match.group(1), chapter=match.group(2), url="{url}")
                  if match else t["handout_source_page"].format(chapter=chapter, url="{url}"))
        try:
            doc.add_section(snap, section.section, heading=section.heading, level=2,
                            after_heading=f'<p class="tk-pdf-source">{ctx.linked(source, url)}</p>')
        except MissingSection as err:
            rel = HANDOUT_FILE.relative_to(ROOT)
            raise BuildError(
                f"Deltagarmaterialet: sidan {page.html} har inget avsnitt med id '{err.section}' "
                f"({rel}, avsnitt {number}, rad {section.line}). Har rubriken bytt namn? Skriv "
                f"rubrikens nya id i 'section:' (du ser det i adressen när du klickar på # vid "
                f"rubriken på webben)."
            ) from err
    doc.add_html(ctx.colophon())
    return doc


def text_of_h1(snap: Snapshot) -> str:
    h1 = BeautifulSoup(snap.article, "html.parser").find("h1")
    return text_of(h1) if h1 else snap.slug


# -- printing -------------------------------------------------------------------------------

def print_course(print_doc: Callable[..., Printed],
                 build_doc: Callable[[dict[str, int] | None], tuple[Document, list]],
                 css: str, numbers: dict[str, int] | None = None) -> Printed:
    """Print until the contents page gives the page each part starts on.

    ``print_doc(name, html, draft=…)`` prints; ``numbers`` is where the parts are expected to
    start (without it a draft print finds out). A print is accepted only if every part
    starts on the page its contents line says.
    """
    for _ in range(MAX_PRINTS):
        doc, entries = build_doc(numbers)
        printed = print_doc("tillitskursen", doc.html(css), draft=numbers is None)
        dests = pdf_inspect.named_destinations(io.BytesIO(printed.data))
        missing = [pid for pid, _ in entries if pid not in dests]
        if missing:
            raise BuildError(f"Innehållsförteckningen länkar till {missing}, men de finns inte i PDF:en.")
        landed = {pid: dests[pid] + 1 for pid, _ in entries}
        if landed == numbers:
            return printed
        numbers = landed
    raise BuildError(f"Sidnumren i innehållsförteckningen blev inte stabila efter {MAX_PRINTS} utskrifter.")


def chapter_length(printed: Printed) -> int | None:
    """How many pages a chapter takes: its PDF's answer key starts on a page of its own."""
    key = [e for e in pdf_inspect.outline(io.BytesIO(printed.data)) if e.title == t["chapter_key"]]
    return key[0].page if key else None


def expected_starts(lengths: dict[str, int], order: list[str], first: int) -> dict[str, int]:
    """The page each part starts on, if the parts in ``order`` take ``lengths`` pages."""
    starts, page = {}, first
    for part_id in order:
        starts[part_id] = page
        page += lengths[part_id]
    return starts


def printers() -> int:
    """How many browsers print at once: ``TILLITSKURSEN_PDF_PRINTERS``, else one per core, at most 2."""
    configured = os.environ.get("TILLITSKURSEN_PDF_PRINTERS", "")
    return int(configured) if configured.isdigit() and int(configured) > 0 else min(2, os.cpu_count() or 1)


#: Next to the PDFs: what they were printed from and what was written (see :func:`up_to_date`).
STAMP = ".utskrivet-fran.json"
#: What ``make book`` writes into the site after the pages, or from them: not printed.
LATER_OUTPUTS = ("pdf", "scorm", "bildspel", "fragebank")
#: The course's own files the printing depends on, besides the built site.
SOURCES = ("widgets", "data", "_config.yml")


def _files(folder: Path):
    if folder.is_file():
        yield folder
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
            yield path


def inputs_fingerprint(site: Path, date: datetime) -> str:
    """A hash of everything the PDFs are printed from: every file of the built site (not what
    later steps of ``make book`` write), the course's code and data, the date on the cover and
    the browser that prints. Two builds with the same fingerprint print the same PDFs."""
    digest = hashlib.sha256()

    def add(label: str, path: Path) -> None:
        digest.update(f"{label} {hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())

    for path in _files(site):
        relative = path.relative_to(site)
        if relative.parts[0] not in LATER_OUTPUTS:
            add(f"site/{relative.as_posix()}", path)
    for name in SOURCES:
        for path in _files(ROOT / name):
            add(path.relative_to(ROOT).as_posix(), path)
    browser = Path(chromium_path() or "playwright")
    stat = browser.stat() if browser.exists() else None
    digest.update(f"date {date.isoformat()} browser {browser} "
                  f"{stat.st_size if stat else 0} {stat.st_mtime_ns if stat else 0}".encode())
    return digest.hexdigest()


def _outputs(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest()
            for name in expected_files() if (out / name).is_file()}


def up_to_date(out: Path, fingerprint: str) -> bool:
    """True when every PDF is there, unchanged since it was printed from the same inputs."""
    try:
        stamp = json.loads((out / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (isinstance(stamp, dict) and stamp.get("inputs") == fingerprint
            and stamp.get("outputs") == _outputs(out) and len(stamp["outputs"]) == len(expected_files()))


def write_stamp(out: Path, fingerprint: str) -> None:
    """Note what the PDFs in ``out`` were printed from, and what they are."""
    (out / STAMP).write_text(json.dumps({"inputs": fingerprint, "outputs": _outputs(out)}, indent=1),
                             encoding="utf-8")


def build(site: Path, *, force: bool = False) -> list[Path]:
    """Print every PDF into ``site/pdf``; nothing (an empty list) when they are up to date,
    unless ``force``."""
    out = site / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    ctx = Context(publication(), source_date())
    fingerprint = inputs_fingerprint(site, ctx.date)
    if not force and up_to_date(out, fingerprint):
        return []
    (out / STAMP).unlink(missing_ok=True)
    spec = handout()
    written: list[Path] = []
    pending: list[Future] = []

    with ThreadPoolExecutor(max_workers=1) as finisher, PrinterPool(site, printers()) as pool:
        def write(name: str, printed: Printed, meta: Metadata, labels: list[LabelRange]) -> None:
            # metadata is added in a thread of its own while the browsers print on
            target = out / name
            pending.append(finisher.submit(lambda: target.write_bytes(
                finish(printed.data, meta, labels, printed.headings, printed.links))))
            written.append(target)

        def printing(name: str, document: str, *, draft: bool = False) -> Future:
            return pool.submit(lambda printer: printer.print(name, document, draft=draft))

        paths = [p.html for p in course_pages()] + [KEY_PAGE]
        jobs = {path: pool.submit(lambda printer, path=path: printer.snapshot(path)) for path in paths}
        snaps = {path: job.result() for path, job in jobs.items()}
        key_sections = split_sections(snaps[KEY_PAGE], [f"facit-{p.slug}" for p in chapter_pages()])

        # the chapters, a draft of every other part of the course, and the handout
        chapters = []
        for chapter in chapter_pages():
            doc, heading = chapter_document(ctx, chapter, snaps, key_sections)
            chapters.append((chapter, doc.title, heading,
                             printing(chapter.slug, doc.html(ctx.css(numbered_first_page=True)))))
        course_css = ctx.css(numbered_first_page=False)
        parts = course_parts(snaps)
        chapter_slugs = {p.slug for p in chapter_pages()}
        drafts = {}
        for part_id, snap in parts:
            if part_id not in chapter_slugs:
                alone = Document(title=ctx.pub.title, file_name=COURSE_FILE, site_url=ctx.pub.site_url)
                alone.add_page(snap, part_id=part_id)
                drafts[part_id] = printing(part_id, alone.html(course_css), draft=True)
        handout_doc = handout_document(ctx, spec, snaps)
        handout_job = printing("deltagarmaterial", handout_doc.html(ctx.css(numbered_first_page=True)))
        play = roleplay()
        pack_doc = pack_document(play, course=ctx.pub.title, site_url=ctx.pub.site_url, lang=LANG,
                                 styles=snaps[ROLEPLAY_PAGE].styles, colophon=ctx.colophon())
        pack_job = printing("rollspelspaket", pack_doc.html(ctx.css(numbered_first_page=True) + PACK_CSS))

        lengths: dict[str, int] = {}
        for chapter, title, heading, job in chapters:
            printed = job.result()
            write(f"{chapter.slug}.pdf", printed, ctx.metadata(title, heading), [LabelRange(0)])
            if (length := chapter_length(printed)) is not None:
                lengths[chapter.slug] = length
        for part_id, job in drafts.items():
            lengths[part_id] = len(PdfReader(io.BytesIO(job.result().data)).pages)

        # The course: where each part starts is known from the chapters and the drafts, so
        # one print usually gives the contents page its numbers (a draft finds them otherwise).
        order = [part_id for part_id, _ in parts]
        known = set(order) <= set(lengths)
        starts = expected_starts(lengths, order, COURSE_FIRST_PART_PAGE) if known else None
        printed = print_course(lambda *a, **k: printing(*a, **k).result(),
                               lambda numbers: course_document(ctx, snaps, numbers), course_css, starts)
        write(COURSE_FILE, printed, ctx.metadata(ctx.pub.title, t["cover_subtitle"]),
              [LabelRange(0, None, t["cover_label"]), LabelRange(1, "/D", None, 2)])
        write(HANDOUT_PDF, handout_job.result(), ctx.metadata(handout_doc.title, spec.intro), [LabelRange(0)])
        write(PACK_FILE, pack_job.result(), ctx.metadata(pack_doc.title, play.pack.intro), [LabelRange(0)])

    for job in pending:
        job.result()  # raises what finishing a PDF raised
    expected = set(expected_files())
    for old in out.glob("*.pdf"):
        if old.name not in expected:
            old.unlink()  # a PDF of a page that is gone
    write_stamp(out, fingerprint)
    return written


def report(site: Path, written: list[Path], seconds: float) -> None:
    if not written:
        print(f"PDF-filerna i {site / 'pdf'} är aktuella: inget de skrivs ut från har ändrats "
              f"({len(expected_files())} filer, kontrollerat på {seconds:.1f} s). "
              "Skriv ut dem ändå med --force.")
        return
    size = sum(p.stat().st_size for p in written) / 1e6
    print(f"{'PDF':<36} {'sidor':>5} {'taggad':>6} {'bokm.':>5} {'interna':>7} {'externa':>7} {'kB':>6}")
    for path in written:
        f = pdf_inspect.facts(path)
        print(f"{f['file']:<36} {f['pages']:>5} {'ja' if f['tagged'] else 'NEJ':>6} {f['outline']:>5} "
              f"{f['internal']:>7} {f['external']:>7} {f['kb']:>6}")
    print(f"Skrev {len(written)} PDF-filer ({size:.1f} MB) i {site / 'pdf'} på {seconds:.0f} s.")


def main(argv: list[str] | None = None) -> int:
    return site_cli.run(argv, __doc__.splitlines()[0], build, report, (BuildError,), can_skip=True)


if __name__ == "__main__":
    sys.exit(main())
