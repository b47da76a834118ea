"""Readability of the course text: LIX (läsbarhetsindex) per page.

LIX = words per sentence + percentage of words longer than six letters. The course
aims for LIX ≤ 45 in running text. Running text here is the prose of the Markdown
cells: headings, code, tables, quotations (marked with ``>``), directive options,
citations and link targets are left out; link and glossary texts are kept. A list
item or a paragraph without a full stop still ends a sentence.

``python -m widgets.build.readability [files]`` prints LIX and word count per page.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

LIMIT = 45.0

_FENCE = re.compile(r"^(\s*)(`{3,}|:{3,})(.*)$")
_OPTION = re.compile(r"^\s*:[\w-]+:")
_ROLE_CITE = re.compile(r"\{cite(:\w+)?\}`[^`]*`")
_ROLE_TEXT = re.compile(r"\{[\w:-]+\}`([^`<]*?)(\s*<[^>`]*>)?`")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE_CODE = re.compile(r"`[^`]*`")
_HTML = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
#: A section's stated reading time, on its own line under the heading: ``*(ca 5 min)*``.
SECTION_TIME = re.compile(r"^\*\(ca (\d+) min\)\*$")
_DIRECTIVE_START = re.compile(r"^\s*(`{3,}|:{3,})\{[\w:-]+\}")
#: Directives whose body is not prose (code, figures, widgets, generated lists).
_SKIPPED_DIRECTIVES = {"code-cell", "code", "code-block", "figure", "image", "ordlista",
                       "bibliography", "glossary", "raw", "math", "mermaid", "list-table",
                       "csv-table", "table"}


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    long_words: int

    @property
    def lix(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return self.words / self.sentences + 100.0 * self.long_words / self.words


def markdown_of(path: Path) -> str:
    """The Markdown of a page: a notebook's Markdown cells, or a .md file."""
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text(encoding="utf-8"))
        return "\n\n".join("".join(c["source"]) for c in nb["cells"]
                           if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def running_text(markdown: str) -> list[str]:
    """The prose blocks (paragraphs and list items) of a Markdown text."""
    blocks: list[str] = []
    current: list[str] = []
    skip_stack: list[tuple[str, bool]] = []  # (fence, skipped)
    in_front_matter = markdown.startswith("---\n")

    def flush():
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for index, line in enumerate(markdown.splitlines()):
        if in_front_matter:
            if index > 0 and line.strip() == "---":
                in_front_matter = False
            continue
        fence = _FENCE.match(line)
        if fence:
            marker, rest = fence.group(2), fence.group(3).strip()
            if skip_stack and skip_stack[-1][0] == marker and not rest:
                flush()
                skip_stack.pop()
                continue
            name = rest[1:rest.index("}")] if rest.startswith("{") and "}" in rest else rest
            skipped = marker.startswith("`") and not rest.startswith("{") or name in \
                _SKIPPED_DIRECTIVES or any(s for _, s in skip_stack)
            flush()
            skip_stack.append((marker, skipped))
            continue
        if skip_stack and skip_stack[-1][1]:
            continue
        stripped = line.strip()
        if (not stripped or stripped.startswith(("#", "|", ">", "<!--", "+++"))
                or _OPTION.match(line) or stripped.startswith("(") and stripped.endswith(")=")
                or SECTION_TIME.match(stripped)):
            flush()
            continue
        if _LIST_MARK.match(line):
            flush()
            line = _LIST_MARK.sub("", line)
        current.append(line.strip())
    flush()
    return blocks


def _clean(block: str) -> str:
    block = _ROLE_CITE.sub("", block)
    block = _ROLE_TEXT.sub(lambda m: m.group(1), block)
    block = _LINK.sub(lambda m: m.group(1), block)
    block = _INLINE_CODE.sub("", block)
    block = _HTML.sub("", block)
    return block.replace("*", "").replace("_", " ")


def words_of(text: str) -> list[str]:
    """The words of a line or block of Markdown: citations, link targets, code and markup
    left out, link and glossary texts kept (a directive's name is not a word)."""
    return _WORD.findall(_clean(_DIRECTIVE_START.sub("", text)))


def _is_long(word: str) -> bool:
    """More than six letters (numbers never count as long)."""
    return not word[0].isdigit() and sum(ch.isalpha() for ch in word) > 6


def measure(blocks: list[str]) -> Readability:
    words = sentences = long_words = 0
    for block in blocks:
        text = _clean(block)
        found = _WORD.findall(text)
        if not found:
            continue
        words += len(found)
        long_words += sum(1 for w in found if _is_long(w))
        text = text.strip()
        ends = len(_SENTENCE_END.findall(text))
        if text[-1] not in ".!?:":
            ends += 1  # a block without a final full stop still ends a sentence
        sentences += ends
    return Readability(words, sentences, long_words)


def page_readability(path: Path) -> Readability:
    return measure(running_text(markdown_of(path)))


def main(argv: list[str] | None = None) -> int:
    from widgets.content import course

    paths = [Path(a) for a in (argv if argv is not None else sys.argv[1:])]
    if not paths:
        paths = [p.path for p in course.pages()]
    worst = 0.0
    print(f"{'sida':<45} {'LIX':>5} {'ord':>6} {'meningar':>9}")
    for path in paths:
        r = page_readability(path)
        worst = max(worst, r.lix)
        flag = "  ÖVER GRÄNSEN" if r.lix > LIMIT else ""
        print(f"{path.name:<45} {r.lix:5.1f} {r.words:6d} {r.sentences:9d}{flag}")
    return 1 if worst > LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())
