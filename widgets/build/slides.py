"""The workshop's slide decks (*bildspel*), written from the built site and ``data/``.

``python -m widgets.build.slides [SITE]`` reads the built site (default ``_build/html``) and
``data/bildspel.yml`` (:mod:`widgets.content.slides`), and writes into ``SITE/bildspel/``:

- ``<deck>.html`` for every deck: a reveal.js presentation, one slide per entry, with
  presenter notes (``<aside class="notes">``; press S for the speaker view);
- ``<deck>-utskrift.html``: the same slides as a plain page to print and hand out;
- ``<deck>-manus.html``: the presenter's script, each slide with its notes, to print;
- ``index.html``: the decks, for the teacher guide to link to;
- ``reveal/``: reveal.js as npm installed it (``node_modules/reveal.js``, pinned in
  ``package.json``), with its licence; ``bildspel.css`` and ``bildspel.js`` (this folder's
  ``slides.css`` and ``slides.js``).

A slide's words are the course's own: the section of a built page that the data file names
(its first list, its subsection headings or its first quote on the slide, its paragraphs in
the notes), or texts from ``data/`` (the hallmarks, the role-play, the plan's questions, the
chapters). Nothing is typed in here, and nothing is loaded from another host: the decks use
reveal's layout (``reveal.css``) but none of its themes (in reveal.js 6.0.2 eight of the 14
import Google Fonts from a CDN, and the default, ``white.css``, embeds Source Sans Pro as a
575 kB data URL), so they project and print with the computer's own sans-serif font.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from widgets.build import site_cli
from widgets.build.pdf_compose import text_of
from widgets.content import course
from widgets.content.hallmarks import load_hallmarks
from widgets.content.markup import to_html
from widgets.content.plan import load_prompts
from widgets.content.publication import publication
from widgets.content.roleplay import roleplay
from widgets.content.slides import SLIDES_FILE, DataSlide, Deck, SectionSlide, decks
from widgets.content.ui_text import texts_for
from widgets.paths import ROOT

OUT = "bildspel"
REVEAL = ROOT / "node_modules" / "reveal.js"
#: What the decks use of reveal.js: (file in the npm package, where it goes in ``bildspel/reveal``).
REVEAL_FILES = (("dist/reveal.js", "reveal.js"), ("dist/reveal.css", "reveal.css"),
                ("dist/reset.css", "reset.css"), ("dist/plugin/notes.js", "plugin/notes.js"),
                ("LICENSE", "LICENSE"))
HERE = Path(__file__).parent
#: The page a slide made from ``data/`` points to.
DATA_PAGES = {"kannetecken": "sju-kannetecken", "rollspel": "bestallare-och-utforare",
              "plan": "sammanfattning-och-slutprov", "kapitel": "intro"}
READING_TIME = re.compile(r"^\(ca \d+ min\)$")

t = texts_for("slides")
#: The role-play's labels, shared with its web page and the printed pack.
LABELS = texts_for("roleplay")


class BuildError(RuntimeError):
    """The slides cannot be built; the message says why, in Swedish."""


@dataclass(frozen=True)
class Slide:
    title: str
    body: str                 # HTML shown on the slide
    notes: str = ""           # HTML of the presenter notes
    page: str | None = None   # the slug of the page the slide comes from
    section: str | None = None


# -- reveal.js -------------------------------------------------------------------------------

def pinned_version() -> str:
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return package["devDependencies"]["reveal.js"]


def copy_reveal(out: Path) -> None:
    """reveal.js from ``node_modules`` (the version ``package.json`` pins) into ``out/reveal``."""
    installed = REVEAL / "package.json"
    if not installed.exists():
        raise BuildError("reveal.js saknas i node_modules. Kör 'npm ci' (eller 'make book', som gör det).")
    version = json.loads(installed.read_text(encoding="utf-8"))["version"]
    if version != pinned_version():
        raise BuildError(f"node_modules har reveal.js {version}, men package.json kräver "
                         f"{pinned_version()}. Kör 'npm ci'.")
    for source, target in REVEAL_FILES:
        dest = out / "reveal" / target
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REVEAL / source, dest)
    shutil.copyfile(HERE / "slides.css", out / "bildspel.css")
    shutil.copyfile(HERE / "slides.js", out / "bildspel.js")


# -- the slides' words -----------------------------------------------------------------------

@cache
def _article(site: Path, page_html: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / page_html).read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article", class_="bd-article")
    for hidden in article.select(".tk-screen-only, script, noscript, .headerlink, .tk-reading-time"):
        hidden.decompose()
    return article


def clean(tag: Tag) -> str:
    """A fragment of a page as plain markup: no links (a slide's text is not a web page), no
    ids, classes or other attributes, no glossary or citation wrappers."""
    copy = BeautifulSoup(str(tag), "html.parser")
    for a in copy.find_all(["a", "span", "abbr", "dfn"]):
        a.unwrap()
    for el in copy.find_all(True):
        el.attrs = {}
    return str(copy).strip()


PROSE = ["p", "blockquote", "ul", "ol"]


def _paragraphs(section: Tag, *, leave_out: Tag | None = None) -> list[Tag]:
    """The section's own text (paragraphs, quotes, lists; not its subsections' text), without
    the reading time and without ``leave_out`` (what the slide shows)."""
    return [p for p in section.find_all(PROSE, recursive=False)
            if p is not leave_out and not READING_TIME.match(" ".join(p.get_text(" ").split()))]


def _notes(paragraphs: list[Tag]) -> str:
    return "".join(clean(p) for p in paragraphs)


def first_sentence(tag: Tag) -> str:
    """The first sentence of a list item (the words up to the first full stop that ends a
    sentence), as plain text."""
    text = " ".join(tag.get_text().split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def chapter_name(slug: str) -> str:
    chapters = [p.slug for p in course.chapters()]
    title = course.page(slug).title
    if slug in chapters:
        return t["chapter"].format(number=chapters.index(slug) + 1, title=re.sub(r"^\d+\.\s*", "", title))
    return title


def _lead_list(listing: Tag) -> str:
    """The list with only the first sentence of each item."""
    items = "".join(f"<li>{html.escape(first_sentence(li))}</li>"
                    for li in listing.find_all("li", recursive=False))
    return f"<{listing.name}>{items}</{listing.name}>"


def _figure(section: Tag, deck: Deck, number: int, slide: SectionSlide) -> tuple[str, str]:
    """The section's first figure: its image (the same file as on the page: a deck lies as
    deep in the site as a chapter, so the image's relative address stays) with its text
    alternative; its caption and the section's paragraphs go to the notes."""
    image = section.find("img")
    if image is None or not image.get("alt"):
        raise BuildError(
            f"Bildspelet '{deck.id}', bild {number}: avsnittet '{slide.source.section}' har ingen "
            f"bild med alternativ text ({SLIDES_FILE.relative_to(ROOT)}, rad {slide.source.line}).")
    src = image["src"]
    if not src.startswith("../") or "//" in src:
        raise BuildError(f"Bildspelet '{deck.id}', bild {number}: bilden {src} ligger inte på webbplatsen.")
    body = (f'<figure><img src="{html.escape(src)}" alt="{html.escape(image["alt"])}" '
            f'class="tk-slide-figure"></figure>')
    listing = section.find(["ul", "ol"], recursive=False)
    if listing is not None:   # the list that explains the figure, beside it, as in list-lead
        body = f'<div class="tk-slide-beside">{body}{_lead_list(listing)}</div>'
    caption = section.find("figcaption")
    words = " ".join(caption.get_text(" ").split()).replace(" .", ".") if caption else ""
    notes = (f"<p>{html.escape(words)}</p>" if words else "") + _notes(_paragraphs(section))
    return body, notes


def section_slide(site: Path, slide: SectionSlide, deck: Deck, number: int) -> Slide:
    src = slide.source
    article = _article(site, course.page(src.page).html)
    section = article.find(id=src.section)
    if section is None:
        raise BuildError(
            f"Bildspelet '{deck.id}', bild {number}: sidan {course.page(src.page).html} har inget "
            f"avsnitt med id '{src.section}' ({SLIDES_FILE.relative_to(ROOT)}, rad {src.line}). "
            "Har rubriken bytt namn? Skriv rubrikens nya id i 'section:'.")
    heading = section.find(re.compile(r"^h[1-6]$"))
    title = src.heading or (text_of(heading) if heading else src.section)
    subsections = section.find_all("section", recursive=False)
    if slide.show == "subsections":
        items = []
        notes = _notes(_paragraphs(section))
        for sub in subsections:
            sub_heading = text_of(sub.find(re.compile(r"^h[1-6]$")))
            items.append(f"<li>{html.escape(sub_heading)}</li>")
            notes += f"<p><strong>{html.escape(sub_heading)}.</strong></p>{_notes(_paragraphs(sub))}"
        body = f"<ul>{''.join(items)}</ul>"
    elif slide.show == "figure":
        body, notes = _figure(section, deck, number, slide)
    else:
        wanted = {"list": ["ul", "ol"], "list-lead": ["ul", "ol"], "quote": ["blockquote"]}[slide.show]
        found = section.find(wanted, recursive=False)
        if found is None:
            raise BuildError(
                f"Bildspelet '{deck.id}', bild {number}: avsnittet '{src.section}' på "
                f"{course.page(src.page).html} har ingen {'citat' if slide.show == 'quote' else 'lista'} "
                f"({SLIDES_FILE.relative_to(ROOT)}, rad {src.line}). Välj en annan 'show:'.")
        if slide.show == "list-lead":   # the first sentence of each item; the whole list in the notes
            body = _lead_list(found)
            notes = _notes(_paragraphs(section))
        else:
            body = clean(found)
            notes = _notes(_paragraphs(section, leave_out=found))
    if not notes:
        raise BuildError(f"Bildspelet '{deck.id}', bild {number}: avsnittet '{src.section}' har "
                         "inga stycken att ha som anteckningar.")
    return Slide(title, body, notes, src.page, src.section)


def _items(texts, tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{to_html(x)}</li>" for x in texts) + f"</{tag}>"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{to_html(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def roleplay_slide(part: str) -> Slide:
    play = roleplay()
    page = DATA_PAGES["rollspel"]
    if part == "scenario":
        notes = f"<p>{to_html(play.scenario_note)}</p>" + _items([s.text for s in play.steps], "ol")
        return Slide(play.title, "".join(f"<p>{to_html(p)}</p>" for p in play.scenario), notes, page)
    if part == "task":
        return Slide(t["roleplay_task"], f"<p>{to_html(play.proposal_intro)}</p>"
                     + _items([p.task for p in play.proposal], "ol"),
                     f"<p>{to_html(play.report)}</p>", page)
    if part == "groups":
        rows = [[str(size), ", ".join(role.name for role in play.roles_for(size))] for size in play.sizes]
        notes = "".join(f"<p><strong>{html.escape(role.heading)}.</strong> {to_html(role.casting)}</p>"
                        for role in play.roles)
        table = _table([LABELS["col_size"], LABELS["col_roles"]], rows)
        return Slide(t["roleplay_groups"], table, notes, page)
    if part == "timings":
        headers = [LABELS["col_step"], *(LABELS["col_version"].format(n=v) for v in play.versions)]
        rows = [[s.text, *(LABELS["minutes"].format(n=s.minutes[v]) for v in play.versions)]
                for s in play.steps]
        rows.append([LABELS["total"], *(LABELS["minutes"].format(n=v) for v in play.versions)])
        observer = next(role for role in play.roles if role.observer)
        return Slide(t["roleplay_timings"], _table(headers, rows),
                     f"<p>{to_html(observer.casting)}</p>", page)
    if part == "observer":
        observer = next(role for role in play.roles if role.observer)
        return Slide(t["roleplay_observer"], f"<p>{to_html(play.observer_intro)}</p>"
                     + _items(play.observer_questions),
                     f"<p>{to_html(observer.you_are)}</p><p>{to_html(observer.think)}</p>", page)
    if part == "report":
        return Slide(t["roleplay_report"], f"<p>{to_html(play.debrief_intro)}</p>"
                     f"<p>{to_html(play.report)}</p>", _items(play.debrief_questions, "ol"), page)
    raise ValueError(part)


def data_slide(slide: DataSlide) -> Slide:
    if slide.data == "rollspel":
        return roleplay_slide(slide.part or "")
    page = DATA_PAGES[slide.data]
    if slide.data == "kannetecken":
        hallmarks = list(load_hallmarks())
        notes = "".join(f"<p><strong>{html.escape(h.name)}.</strong> {to_html(h.description)}</p>"
                        for h in hallmarks)
        return Slide(t["hallmarks"], _items([h.name for h in hallmarks], "ol"), notes, page)
    if slide.data == "plan":
        prompts = load_prompts()
        notes = "".join(f"<p><strong>{to_html(p.label)}.</strong> {to_html(p.help)}</p>"
                        for p in prompts if p.help)
        return Slide(t["plan"], _items([p.label for p in prompts], "ol"), notes, page)
    if slide.data == "kapitel":
        titles = [re.sub(r"^\d+\.\s*", "", p.title) for p in course.chapters()]
        notes = f"<p>{html.escape(t['chapters_notes'].format(url=publication().site_url))}</p>"
        return Slide(t["chapters"], _items(titles, "ol"), notes, page)
    raise ValueError(slide.data)


def deck_slides(site: Path, deck: Deck) -> list[Slide]:
    return [section_slide(site, s, deck, n) if isinstance(s, SectionSlide) else data_slide(s)
            for n, s in enumerate(deck.slides, start=1)]


# -- the pages -------------------------------------------------------------------------------

def _source(slide: Slide, *, linked: bool) -> str:
    if not slide.page:
        return ""
    text = html.escape(t["source"].format(chapter=chapter_name(slide.page)))
    if not linked:
        return f'<p class="tk-slide-source">{text}</p>'
    href = f"../{course.page(slide.page).html}" + (f"#{slide.section}" if slide.section else "")
    return f'<p class="tk-slide-source"><a href="{html.escape(href)}">{text}</a></p>'


def _head(title: str, styles: list[str]) -> str:
    links = "".join(f'<link rel="stylesheet" href="{s}">' for s in styles)
    return ('<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n{links}\n</head>\n")


def deck_html(deck: Deck, slides: list[Slide]) -> str:
    course_title = publication().title
    sections = [
        '<section class="tk-slide-title" aria-labelledby="bild-1">'
        f'<h1 id="bild-1">{html.escape(deck.title)}</h1>'
        f'<p>{html.escape(course_title)} · {html.escape(t["segment"].format(time=deck.time))}</p>'
        f'<p class="tk-slide-help">{html.escape(t["help"])}</p>'
        f'<p class="tk-slide-links"><a href="{html.escape(deck.id)}-utskrift.html">'
        f'{html.escape(t["open_handout"])}</a> · <a href="{html.escape(deck.id)}-manus.html">'
        f'{html.escape(t["open_script"])}</a> · <a href="index.html">{html.escape(t["index_link"])}</a></p>'
        f'<aside class="notes"><p>{html.escape(t["title_notes"].format(time=deck.time))}</p></aside>'
        "</section>"
    ]
    for number, slide in enumerate(slides, start=2):
        sections.append(
            f'<section aria-labelledby="bild-{number}"><h2 id="bild-{number}">{html.escape(slide.title)}</h2>'
            f'<div class="tk-slide-body">{slide.body}</div>{_source(slide, linked=False)}'
            f'<aside class="notes">{slide.notes}</aside></section>')
    labels = {key: t[key] for key in ("slide_label", "prev", "next", "up", "down")}
    return (_head(t["deck_title"].format(deck=deck.title, course=course_title),
                  ["reveal/reset.css", "reveal/reveal.css", "bildspel.css"])
            + f"<body data-labels='{html.escape(json.dumps(labels, ensure_ascii=False), quote=True)}'>\n"
            '<main class="reveal"><div class="slides">\n' + "\n".join(sections) + "\n</div></main>\n"
            '<script src="reveal/reveal.js"></script>\n<script src="reveal/plugin/notes.js"></script>\n'
            '<script src="bildspel.js"></script>\n</body>\n</html>\n')


def handout_html(deck: Deck, slides: list[Slide], *, notes: bool = False) -> str:
    """The slides as a page to print: for the participants, or (``notes``) the presenter's
    script, each slide with its notes."""
    course_title = publication().title

    def said(slide: Slide) -> str:
        return (f'<div class="tk-handout-notes"><h3>{html.escape(t["notes_heading"])}</h3>'
                f"{slide.notes}</div>" if notes else "")

    parts = [f'<section class="tk-handout-slide"><h2>{html.escape(s.title)}</h2>{s.body}'
             f"{_source(s, linked=True)}{said(s)}</section>" for s in slides]
    title = t["script_title" if notes else "handout_title"].format(deck=deck.title, course=course_title)
    return (_head(title, ["bildspel.css"])
            + '<body class="tk-handout">\n<main>\n'
            f'<p class="tk-handout-nav"><a href="index.html">{html.escape(t["index_link"])}</a> · '
            f'<a href="{html.escape(deck.id)}.html">{html.escape(t["open_deck"])}</a></p>\n'
            f"<h1>{html.escape(deck.title)}</h1>\n"
            f'<p>{html.escape(course_title)} · {html.escape(t["segment"].format(time=deck.time))}</p>\n'
            + "\n".join(parts) + "\n</main>\n</body>\n</html>\n")


def index_html(all_decks: tuple[Deck, ...]) -> str:
    course_title = publication().title
    items = "".join(
        f'<li><p><strong>{html.escape(d.time)}</strong> {html.escape(d.title)}</p><p>'
        f'<a href="{html.escape(d.id)}.html">{html.escape(t["open_deck"])}</a> · '
        f'<a href="{html.escape(d.id)}-utskrift.html">{html.escape(t["open_handout"])}</a> · '
        f'<a href="{html.escape(d.id)}-manus.html">{html.escape(t["open_script"])}</a></p></li>'
        for d in all_decks)
    guide = f"../{course.page('kursplaner').html}"
    return (_head(f'{t["index_title"]} – {course_title}', ["bildspel.css"])
            + '<body class="tk-handout">\n<main>\n'
            f'<p class="tk-handout-nav"><a href="{html.escape(guide)}">{html.escape(t["back"])}</a></p>\n'
            f'<h1>{html.escape(t["index_title"])}</h1>\n<p>{html.escape(t["index_intro"])}</p>\n'
            f'<ul class="tk-deck-list">{items}</ul>\n</main>\n</body>\n</html>\n')


def build(site: Path) -> list[Path]:
    out = site / OUT
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    copy_reveal(out)
    written = [out / "index.html"]
    all_decks = decks()
    written[0].write_text(index_html(all_decks), encoding="utf-8")
    for deck in all_decks:
        slides = deck_slides(site, deck)
        for name, text in ((f"{deck.id}.html", deck_html(deck, slides)),
                           (f"{deck.id}-utskrift.html", handout_html(deck, slides)),
                           (f"{deck.id}-manus.html", handout_html(deck, slides, notes=True))):
            (out / name).write_text(text, encoding="utf-8")
            written.append(out / name)
    return written


def report(site: Path, written: list[Path], seconds: float) -> None:
    size = sum(p.stat().st_size for p in (site / OUT).rglob("*") if p.is_file()) / 1e3
    print(f"Skrev {len(written)} sidor med bildspel ({size:.0f} kB med reveal.js) i "
          f"{site / OUT} på {seconds:.1f} s.")


def main(argv: list[str] | None = None) -> int:
    return site_cli.run(argv, __doc__.splitlines()[0], build, report, (BuildError,))


if __name__ == "__main__":
    sys.exit(main())
