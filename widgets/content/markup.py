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


def to_html(text: str) -> str:
    """Render the markup as escaped HTML."""
    out: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        out.append(html.escape(text[pos:match.start()]))
        if match.group("strong") is not None:
            out.append(f"<strong>{html.escape(match.group('strong'))}</strong>")
        elif match.group("em") is not None:
            out.append(f"<em>{html.escape(match.group('em'))}</em>")
        else:
            label, url = match.group("link_text"), match.group("link_url")
            if safe_url(url):
                out.append(f'<a href="{html.escape(url, quote=True)}">{html.escape(label)}</a>')
            else:
                out.append(html.escape(match.group(0)))
        pos = match.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def to_text(text: str) -> str:
    """Strip the markup, keeping link texts."""
    def plain(match: re.Match) -> str:
        return match.group("strong") or match.group("em") or match.group("link_text")

    return _TOKEN.sub(plain, text)
