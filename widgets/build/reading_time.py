"""How long a page takes, computed from its text and its interactive parts.

The time a learner needs for a section is

- its words at ``WORDS_PER_MINUTE`` (running text, lists, tables, quotations and boxes;
  not code, citations, directive options or HTML comments), plus
- the words of what its code cells show (tables and cards rendered as HTML), plus
- a fixed time for each figure and each interactive part: ``MINUTES_PER_QUESTION`` for each
  graded self-test question and ``MINUTES_PER_REFLECTION`` for each reflection question
  (counted from ``data/quiz/``), and ``WIDGET_MINUTES`` for an explorer, the profile or the
  plan.

A chapter states the time of each ``##`` section on the line under its heading, as
``*(ca 5 min)*``, and its total in the line ``**Tid:** ca 40 minuter``. Sections in
``UNTIMED`` (group tasks, which state their own times, and reading lists) have no time and do
not count towards the total. ``tests/unit/test_reading_time.py`` checks that every stated
time is within ``TOLERANCE`` of the computed one, so a time stays honest when the text
changes.

``python -m widgets.build.reading_time [files]`` prints the computed and the stated times;
``--write`` writes the computed times into the chapters (then run ``make notebooks``).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from widgets.build.readability import SECTION_TIME, markdown_of, words_of
from widgets.content import course
from widgets.content.questions import load_chapter

WORDS_PER_MINUTE = 180
MINUTES_PER_QUESTION = 1.0
MINUTES_PER_REFLECTION = 2.0
MINUTES_PER_FIGURE = 1.0
#: Interactive parts, by the function a code cell calls: guess, reveal, try the controls.
WIDGET_MINUTES = {
    "trust_spiral": 3.0,
    "hidden_costs_studies": 3.0,
    "hidden_costs_model": 3.0,
    "repeated_trust_game": 3.0,
    "selective_follow_up": 3.0,
    "Profile.from_data": 10.0,  # the chapter says the profile takes about ten minutes
    "PersonalPlan.from_data": 10.0,
    "ProgressOverview": 0.0,
}
#: ``##`` sections that carry no time of their own.
UNTIMED = ("Att göra och diskutera", "Läs mer")
#: A stated time may differ this much (as a share) from the computed one.
TOLERANCE = 0.5
#: The part of ``_toc.yml`` whose chapters make up the course.
COURSE_PART = "Kursen"
#: A stated total (a chapter's, the course's, a route's) may differ this much.
TOTAL_TOLERANCE = 0.25
#: Pages that list the chapters with their times: ``[title](chapter.ipynb) … ca 25 min``.
OVERVIEWS = ("book/intro.ipynb", "book/lararhandledning/index.md")

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
_LABEL = re.compile(r"^\(([\w-]+)\)=\s*$")
_FENCE = re.compile(r"^\s*```")
_OPTION = re.compile(r"^\s*:[\w-]+:")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CALL = re.compile(r"^(?:\w+\s*=\s*)?([A-Za-z_][\w.]*)\(", re.MULTILINE)
_SELFTEST = re.compile(r"SelfTest\.for_chapter\(\s*[\"']([\w-]+)[\"']")
_CHAPTER_TIME = re.compile(r"\*\*Tid:\*\* ca (\d+) minuter")
_TAG = re.compile(r"<[^>]+>")
#: A link to a chapter followed, before any other chapter link, by its time.
_LISTED_TIME = re.compile(r"(\]\((?:\.\./)?([\w-]+)\.ipynb\)(?:(?!\.ipynb\)).)*?ca )(\d+)( min)",
                          re.DOTALL)
COURSE_HOURS = re.compile(r"Hela kursen tar ca (\d+(?:,5)?) timmar")
CHAPTER_RANGE = re.compile(r"Ett kapitel tar (\d+)–(\d+) minuter")
_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


class ReadingTimeError(ValueError):
    """A page has something whose time cannot be computed (the message says what to add)."""


@dataclass
class Section:
    """A heading and what follows it up to the next heading of the same or a higher level."""

    heading: str
    level: int
    label: str | None = None
    stated: int | None = None
    words: int = 0
    fixed_minutes: float = 0.0
    children: list[Section] = field(default_factory=list)

    @property
    def own_minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE + self.fixed_minutes

    @property
    def minutes(self) -> float:
        """The section's own time and its subsections'."""
        return self.own_minutes + sum(c.minutes for c in self.children)

    @property
    def timed(self) -> bool:
        return self.level == 2 and self.heading not in UNTIMED


@dataclass
class Page:
    path: Path
    sections: list[Section]  # every heading, in order (level 1 first)
    stated_total: int | None

    def top(self) -> list[Section]:
        """The ``##`` sections."""
        return [s for s in self.sections if s.level == 2]

    @property
    def minutes(self) -> float:
        """The page's time: the title's own part and every timed ``##`` section."""
        head = self.sections[0].own_minutes if self.sections and self.sections[0].level == 1 else 0
        return head + sum(s.minutes for s in self.top() if s.timed)

    def by_label(self, label: str) -> Section | None:
        return next((s for s in self.sections if s.label == label), None)


def _code_minutes(cell: dict, path: Path) -> tuple[int, float]:
    """Words shown by a code cell's outputs, and the fixed minutes of its interactive parts."""
    source = "".join(cell.get("source", ""))
    words, minutes, widget = 0, 0.0, False
    for call in _CALL.findall(source):
        if call == "SelfTest.for_chapter":
            chapter = _SELFTEST.search(source).group(1)
            questions = load_chapter(chapter).questions
            graded = sum(q.graded for q in questions)
            minutes += graded * MINUTES_PER_QUESTION
            minutes += (len(questions) - graded) * MINUTES_PER_REFLECTION
            widget = True
        elif call in WIDGET_MINUTES:
            minutes += WIDGET_MINUTES[call]
            widget = True
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if _WIDGET_VIEW in data and not widget:
            raise ReadingTimeError(
                f"{path.name}: en kodcell visar en widget som tidsberäkningen inte känner till "
                f"({source.strip()[:60]!r}). Lägg till funktionen i WIDGET_MINUTES i "
                f"widgets/build/reading_time.py.")
        if "image/png" in data or "image/svg+xml" in data:
            minutes += MINUTES_PER_FIGURE
        elif "text/html" in data and not widget:
            text = html.unescape(_TAG.sub(" ", "".join(data["text/html"])))
            words += len(words_of(text))
    return words, minutes


def read_page(path: Path) -> Page:
    """Every heading of ``path`` with the words and fixed minutes that belong to it."""
    if path.suffix == ".ipynb":
        cells = nbformat.read(path, as_version=4).cells
    else:
        cells = [{"cell_type": "markdown", "source": markdown_of(path)}]
    sections: list[Section] = [Section("", 1)]
    stack: list[Section] = []
    stated_total = None
    label = None
    expect_time = False
    for cell in cells:
        current = sections[-1]
        if cell["cell_type"] == "code":
            words, minutes = _code_minutes(cell, path)
            current.words += words
            current.fixed_minutes += minutes
            continue
        text = _COMMENT.sub("", "".join(cell["source"]))
        in_code = False
        for line in text.splitlines():
            if _FENCE.match(line):
                in_code = not in_code
                continue
            stripped = line.strip()
            if in_code or not stripped:
                continue
            if found := _LABEL.match(stripped):
                label = found.group(1)
                continue
            if heading := _HEADING.match(stripped):
                level = len(heading.group(1))
                section = Section(heading.group(2), level, label)
                label = None
                if level == 1:
                    sections[0].heading, sections[0].label = section.heading, section.label
                    stack = []
                else:
                    while stack and stack[-1].level >= level:
                        stack.pop()
                    (stack[-1].children if stack else []).append(section)
                    stack.append(section)
                    sections.append(section)
                expect_time = level == 2
                continue
            if expect_time and (found := SECTION_TIME.match(stripped)):
                sections[-1].stated = int(found.group(1))
                expect_time = False
                continue
            expect_time = False
            if total := _CHAPTER_TIME.search(stripped):
                stated_total = stated_total or int(total.group(1))
            if _OPTION.match(line):
                continue
            sections[-1].words += len(words_of(stripped.replace("|", " ")))
    return Page(path, sections, stated_total)


def course_pages() -> list[course.Page]:
    """The chapters of the course, in order."""
    return [p for p in course.pages() if p.part == COURSE_PART]


def course_minutes() -> float:
    return sum(read_page(p.path).minutes for p in course_pages())


def within(stated: float, computed: float, tolerance: float = TOLERANCE) -> bool:
    """Whether a stated time is honest: within ``tolerance`` of the computed one (a part
    shorter than a minute is stated as one minute)."""
    computed = max(computed, 1.0)
    return abs(stated - computed) <= tolerance * computed


def round_total(minutes: float) -> int:
    """A chapter's total, to the nearest five minutes (at least five)."""
    return max(5, 5 * round(minutes / 5))


def round_section(minutes: float) -> int:
    return max(1, round(minutes))


def hours_text(minutes: float) -> str:
    """The course's time in hours, to the nearest half hour: ``5`` or ``5,5``."""
    halves = round(minutes / 30)
    return f"{halves // 2}" + (",5" if halves % 2 else "")


def stated_totals() -> dict[str, int]:
    """Each chapter's stated total (``**Tid:** ca N minuter``), by file name."""
    return {p.slug: read_page(p.path).stated_total for p in course_pages()}


def overview_text(text: str, totals: dict[str, int], minutes: float) -> str:
    """``text`` with every listed chapter time, the course's hours and the range of chapter
    times set from ``totals`` and ``minutes``."""
    text = _LISTED_TIME.sub(lambda m: f"{m.group(1)}{totals.get(m.group(2), m.group(3))}"
                                      f"{m.group(4)}", text)
    text = COURSE_HOURS.sub(f"Hela kursen tar ca {hours_text(minutes)} timmar", text)
    values = sorted(totals.values())
    return CHAPTER_RANGE.sub(f"Ett kapitel tar {values[0]}–{values[-1]} minuter", text)


def write_overview(path: Path) -> bool:
    """Write the chapters' stated times and the course's total into an overview page."""
    totals, minutes = stated_totals(), course_minutes()
    if path.suffix != ".ipynb":
        text = path.read_text(encoding="utf-8")
        new = overview_text(text, totals, minutes)
        if new != text:
            path.write_text(new, encoding="utf-8")
        return new != text
    nb = nbformat.read(path, as_version=4)
    changed = False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            new = overview_text(cell.source, totals, minutes)
            changed |= new != cell.source
            cell.source = new
    if changed:
        from widgets.build.notebooks import dumps, normalise

        path.write_text(dumps(normalise(nb, path.stem)), encoding="utf-8")
    return changed


def write_times(path: Path) -> bool:
    """Write every timed section's computed time and the chapter total into ``path``.

    Returns whether the file changed. Only Markdown cells are touched; outputs are kept."""
    page = read_page(path)
    wanted = {s.heading: round_section(s.minutes) for s in page.top() if s.timed}
    nb = nbformat.read(path, as_version=4)
    changed = False
    total_written = False
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.split("\n")
        out: list[str] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            out.append(line)
            index += 1
            heading = _HEADING.match(line.strip())
            if not heading or len(heading.group(1)) != 2:
                continue
            # drop a stated time already under the heading, then write the computed one
            rest = index
            while rest < len(lines) and not lines[rest].strip():
                rest += 1
            if rest < len(lines) and SECTION_TIME.match(lines[rest].strip()):
                index = rest + 1
            if heading.group(2) in wanted:
                out += ["", f"*(ca {wanted[heading.group(2)]} min)*"]
            if index < len(lines) and lines[index].strip():
                out.append("")
        source = "\n".join(out)
        if not total_written and _CHAPTER_TIME.search(source):
            # only the chapter's own line: group tasks further down state their own times
            source = _CHAPTER_TIME.sub(f"**Tid:** ca {round_total(page.minutes)} minuter", source,
                                       count=1)
            total_written = True
        if source != cell.source:
            cell.source = source
            changed = True
    if changed:
        from widgets.build.notebooks import dumps, normalise

        path.write_text(dumps(normalise(nb, path.stem)), encoding="utf-8")
    return changed


def report(page: Page) -> str:
    rows = [f"{page.path.name}: beräknat {page.minutes:.0f} min, angivet "
            f"{page.stated_total if page.stated_total is not None else '–'} min"]
    for section in page.top():
        stated = section.stated if section.stated is not None else "–"
        mark = "" if not section.timed else (
            "  UTANFÖR" if section.stated is None or not within(section.stated, section.minutes)
            else "")
        rows.append(f"  {section.heading[:50]:<50} {section.minutes:5.1f} {stated!s:>4}{mark}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--write", action="store_true",
                        help="skriv de beräknade tiderna i kapitlen (kör sedan make notebooks)")
    args = parser.parse_args(argv)
    paths = args.files or [p.path for p in course_pages()]
    for path in paths:
        if args.write and path.suffix == ".ipynb" and write_times(path):
            print(f"skrev tiderna i {path.name}")
        print(report(read_page(path)))
    if args.write and not args.files:
        from widgets.paths import ROOT

        for overview in OVERVIEWS:
            if write_overview(ROOT / overview):
                print(f"skrev kapitlens tider i {overview}")
    if not args.files:
        print(f"\nHela kursen: {course_minutes():.0f} minuter "
              f"({course_minutes() / 60:.1f} timmar).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
