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


def nodes(text: str) -> list[tuple[str, ...]]:
    """The markup as nodes: ``("text", s)``, ``("em", s)``, ``("strong", s)`` or
    ``("a", href, s)``; an unsafe link stays text."""
    out: list[tuple[str, ...]] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            out.append(("text", text[pos:match.start()]))
        if match.group("strong") is not None:
            out.append(("strong", match.group("strong")))
        elif match.group("em") is not None:
            out.append(("em", match.group("em")))
        elif safe_url(match.group("link_url")):
            out.append(("a", match.group("link_url"), match.group("link_text")))
        else:
            out.append(("text", match.group(0)))
        pos = match.end()
    if pos < len(text):
        out.append(("text", text[pos:]))
    return out


def to_html(text: str) -> str:
    """Render the markup as escaped HTML."""
    parts = []
    for node in nodes(text):
        if node[0] == "text":
            parts.append(html.escape(node[1]))
        elif node[0] == "a":
            parts.append(f'<a href="{html.escape(node[1], quote=True)}">{html.escape(node[2])}</a>')
        else:
            parts.append(f"<{node[0]}>{html.escape(node[1])}</{node[0]}>")
    return "".join(parts)


def to_text(text: str) -> str:
    """Strip the markup, keeping link texts."""
    def plain(match: re.Match) -> str:
        return match.group("strong") or match.group("em") or match.group("link_text")

    return _TOKEN.sub(plain, text)
