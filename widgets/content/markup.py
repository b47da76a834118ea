"""The small, safe markup allowed in questions, feedback and other widget text.

Allowed: ``*emphasis*``, ``**strong**`` and ``[link text](https://… or relative/path.html)``.
Everything else is text: ``<script>`` shows as the characters ``<script>``.

The front-end (``static/common.js``, ``renderMarkup``) applies the same rules by
building DOM nodes, never ``innerHTML``. This module gives the same result as HTML
for exports (print, Moodle XML) and as plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

#: Inline tokens, tried in this order at each position.
_TOKEN = re.compile(
    r"\*\*(?P<strong>[^*]+?)\*\*"
    r"|\*(?P<em>[^*]+?)\*"
    r"|\[(?P<link_text>[^\]]+)\]\((?P<link_url>[^)\s]+)\)"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
SAFE_SCHEMES = ("http:", "https:", "mailto:")


def safe_url(url: str) -> bool:
    """True for http(s), mailto, in-page and relative links; false for javascript: and the like."""
    scheme = _SCHEME.match(url)
    return scheme is None or scheme.group(0).lower() in SAFE_SCHEMES


def parts(text: str) -> Iterator[tuple[str, str, str | None]]:
    """The text as ``(kind, text, url)`` pieces: kind is ``text``, ``strong``, ``em`` or
    ``link`` (url only for links; an unsafe link is plain text)."""
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            yield "text", text[pos:match.start()], None
        if match.group("strong") is not None:
            yield "strong", match.group("strong"), None
        elif match.group("em") is not None:
            yield "em", match.group("em"), None
        elif safe_url(match.group("link_url")):
            yield "link", match.group("link_text"), match.group("link_url")
        else:
            yield "text", match.group(0), None
        pos = match.end()
    if pos < len(text):
        yield "text", text[pos:], None


def to_html(text: str) -> str:
    """Render the markup as escaped HTML."""
    out: list[str] = []
    for kind, piece, url in parts(text):
        if kind == "strong":
            out.append(f"<strong>{html.escape(piece)}</strong>")
        elif kind == "em":
            out.append(f"<em>{html.escape(piece)}</em>")
        elif kind == "link":
            out.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(piece)}</a>')
        else:
            out.append(html.escape(piece))
    return "".join(out)


def to_text(text: str) -> str:
    """Strip the markup, keeping link texts."""
    def plain(match: re.Match) -> str:
        return match.group("strong") or match.group("em") or match.group("link_text")

    return _TOKEN.sub(plain, text)
