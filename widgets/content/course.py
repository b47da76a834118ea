"""The course's structure: which pages `_toc.yml` lists, in order, and their titles."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from widgets.content.data_files import DataFileError
from widgets.paths import ROOT

TOC = ROOT / "_toc.yml"
_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Page:
    """A page of the book: ``docname`` is its path without suffix, e.g. ``book/intro``."""

    docname: str
    path: Path
    part: str | None

    @property
    def slug(self) -> str:
        return Path(self.docname).name

    @property
    def is_notebook(self) -> bool:
        return self.path.suffix == ".ipynb"

    @property
    def title(self) -> str:
        return page_title(self.path)

    @property
    def html(self) -> str:
        """The page's path in the built site."""
        return f"{self.docname}.html"


def _source(docname: str) -> Path:
    for suffix in (".ipynb", ".md"):
        candidate = ROOT / f"{docname}{suffix}"
        if candidate.exists():
            return candidate
    return ROOT / f"{docname}.ipynb"


def _walk(entries, part, found):
    for entry in entries or []:
        if "file" in entry:
            found.append(Page(entry["file"], _source(entry["file"]), part))
        _walk(entry.get("sections"), part, found)


@cache
def pages(toc: Path = TOC) -> tuple[Page, ...]:
    """Every page in the table of contents, in reading order."""
    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    found = [Page(data["root"], _source(data["root"]), None)]
    for part in data.get("parts", []):
        _walk(part.get("chapters"), part.get("caption"), found)
    _walk(data.get("chapters"), None, found)
    return tuple(found)


#: The part of ``_toc.yml`` that holds the numbered chapters (each has its own PDF).
CHAPTER_PART = "Kursen"


def chapters(toc: Path = TOC) -> tuple[Page, ...]:
    """The numbered chapters, in reading order."""
    return tuple(p for p in pages(toc) if p.part == CHAPTER_PART)


def page(slug: str) -> Page:
    for candidate in pages():
        if candidate.slug == slug:
            return candidate
    raise KeyError(f"Ingen sida '{slug}' i _toc.yml.")


def page_title(path: Path) -> str:
    """The first level-1 heading of a notebook or Markdown page."""
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text(encoding="utf-8"))
        text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    match = _HEADING.search(text)
    # as a reader sees it: "Lärar&shy;handledning" is "Lärarhandledning" (the soft hyphen only
    # lets a long word break on a phone)
    return html.unescape(match.group(1)).replace("\u00ad", "").strip() if match else path.stem


#: The page that states the course's goals (its section :data:`GOALS_HEADING`).
GOALS_PAGE = ROOT / "book" / "lararhandledning" / "index.md"
GOALS_HEADING = "Kursens mål"


@dataclass(frozen=True)
class CourseGoals:
    """The course's learning goals: the lead-in ("Efter kursen kan deltagaren") and the goals."""

    lead: str
    goals: tuple[str, ...]


def course_goals(path: Path = GOALS_PAGE) -> CourseGoals:
    """The learning goals in the section *Kursens mål* of the teacher guide's first page:
    a lead-in line and a Markdown list (an item may run on over indented lines)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        start = lines.index(f"## {GOALS_HEADING}")
    except ValueError:
        raise DataFileError(path, f"avsnittet '## {GOALS_HEADING}' saknas.",
                            fix="skriv kursens mål under den rubriken som en punktlista, som "
                                "kursintyget och lärarhandledningen visar.") from None
    lead, goals = "", []
    for number, line in enumerate(lines[start + 1:], start=start + 2):
        if line.startswith("#"):
            break
        if line.startswith("- "):
            goals.append(line[2:].strip())
        elif line.startswith("  ") and goals:
            goals[-1] += " " + line.strip()
        elif line.strip() and not goals:
            lead = f"{lead} {line.strip()}".strip()
        elif line.strip():
            raise DataFileError(path, f"raden '{line[:40]}' hör inte till listan med mål.",
                                line=number, fix="skriv varje mål som en punkt ('- …').")
    if not goals or not lead:
        raise DataFileError(path, f"avsnittet '## {GOALS_HEADING}' har ingen inledning eller "
                                  "inga mål.", fix="skriv en inledande rad och en punktlista.")
    return CourseGoals(lead, tuple(goals))
