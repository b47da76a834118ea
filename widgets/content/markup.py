"""The small, safe markup allowed in questions, feedback and other widget text.

Allowed: ``*emphasis*``, ``**strong**`` and ``[link text](https://… or relative/path.html)``.
Everything else is text: ``<script>`` shows as the characters ``<script>``.

The front-end (``static/common.js``: ``markupNodes``, ``linkTarget``, ``renderMarkup``) applies
the same rules, step for step, and builds DOM nodes, never ``innerHTML``. This module gives the
same result as HTML for exports (answer key, Moodle XML, GIFT) and as plain text. One table of
hostile inputs, ``tests/tables/markup.json``, runs through both (``tests/unit/test_markup.py``,
``tests/js/markup.test.mjs``) and through the browser's own DOM (``tests/browser/``).

**Which links are links.** A browser decides a link's scheme after its own URL parsing
(WHATWG URL): it strips leading and trailing C0 controls and spaces and removes every tab and
newline, so ``\\x01javascript:`` and ``java\\tscript:`` are ``javascript:``. :func:`link_target`
does the same before it looks at the scheme, and it decodes character references first
(``&#106;``, ``&colon;``). A link is kept only if what remains is ``https:``, ``http:``,
``mailto:``, a relative path or a fragment, with no control, invisible or space character
left and no ``//host`` (protocol-relative) start. The ``href`` is exactly the string that was
checked, so the browser cannot read it differently. Anything else stays text.
"""

from __future__ import annotations

import html
import re
import unicodedata

#: Inline tokens, tried in this order at each position. The URL may not hold ")", spaces or
#: C0 controls (an explicit class: Python's and JavaScript's ``\s`` differ).
_TOKEN = re.compile(
    r"\*\*(?P<strong>[^*]+?)\*\*"
    r"|\*(?P<em>[^*]+?)\*"
    r"|\[(?P<link_text>[^\]]+)\]\((?P<link_url>[^)\x00-\x20]+)\)"
)
SAFE_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

#: Named character references decoded in URLs: every name that gives an ASCII character,
#: and the invisible and space characters. Any other ``&name;`` makes the URL no link.
NAMED_REFERENCES = {
    "Tab": "\t", "NewLine": "\n", "excl": "!", "quot": '"', "QUOT": '"', "num": "#",
    "dollar": "$", "percnt": "%", "amp": "&", "AMP": "&", "apos": "'", "lpar": "(",
    "rpar": ")", "ast": "*", "midast": "*", "plus": "+", "comma": ",", "period": ".",
    "sol": "/", "colon": ":", "semi": ";", "lt": "<", "LT": "<", "equals": "=", "gt": ">",
    "GT": ">", "quest": "?", "commat": "@", "lsqb": "[", "lbrack": "[", "bsol": "\\",
    "rsqb": "]", "rbrack": "]", "Hat": "^", "lowbar": "_", "UnderBar": "_", "grave": "`",
    "DiacriticalGrave": "`", "lcub": "{", "lbrace": "{", "verbar": "|", "vert": "|",
    "VerticalLine": "|", "rcub": "}", "rbrace": "}", "nbsp": "\u00a0", "NoBreak": "\u2060",
    "ZeroWidthSpace": "\u200b", "zwnj": "\u200c", "zwj": "\u200d", "lrm": "\u200e",
    "rlm": "\u200f", "shy": "\u00ad", "ensp": "\u2002", "emsp": "\u2003",
    "thinsp": "\u2009", "hairsp": "\u200a",
}
_REFERENCE = re.compile(r"&#[xX]([0-9A-Fa-f]+);?|&#([0-9]+);?|&([A-Za-z][A-Za-z0-9]*);")
_LEFT_OVER = re.compile(r"&#|&[A-Za-z][A-Za-z0-9]*;")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
#: C0 controls and space, which a URL parser strips from both ends.
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
#: Unicode categories never allowed in a link: controls, invisible formatting, separators.
_REFUSED_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}


def _code_point(digits: str, base: int) -> str:
    digits = digits.lstrip("0") or "0"
    value = int(digits, base) if len(digits) <= 7 else 0x110000
    if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return "\ufffd"
    return chr(value)


def _decode(match: re.Match) -> str:
    hexa, decimal, name = match.groups()
    if hexa is not None:
        return _code_point(hexa, 16)
    if decimal is not None:
        return _code_point(decimal, 10)
    return NAMED_REFERENCES.get(name, match.group(0))


def link_target(url: str) -> str | None:
    """The URL a link may point to, normalised as a browser reads it; None if it is no link."""
    decoded = _REFERENCE.sub(_decode, url)
    if _LEFT_OVER.search(decoded):
        return None  # an unknown or double-encoded reference: refuse rather than guess
    target = _TAB_OR_NEWLINE.sub("", decoded.strip(_C0_OR_SPACE))
    if not target or any(unicodedata.category(c) in _REFUSED_CATEGORIES for c in target):
        return None
    if target[:2].replace("\\", "/") == "//":
        return None  # protocol-relative: another host
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(0).lower() not in SAFE_SCHEMES:
        return None
    return target


def nodes(text: str) -> list[tuple[str, ...]]:
    """The markup as nodes: ``("text", s)``, ``("em", s)``, ``("strong", s)`` or
    ``("a", href, s)``; neighbouring text is joined and empty text left out."""
    out: list[tuple[str, ...]] = []

    def add_text(value: str) -> None:
        if not value:
            return
        if out and out[-1][0] == "text":
            out[-1] = ("text", out[-1][1] + value)
        else:
            out.append(("text", value))

    pos = 0
    for match in _TOKEN.finditer(text):
        add_text(text[pos:match.start()])
        if match.group("strong") is not None:
            out.append(("strong", match.group("strong")))
        elif match.group("em") is not None:
            out.append(("em", match.group("em")))
        else:
            target = link_target(match.group("link_url"))
            if target is None:
                add_text(match.group(0))
            else:
                out.append(("a", target, match.group("link_text")))
        pos = match.end()
    add_text(text[pos:])
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
    """The text without markup: link texts kept, refused links as they were written."""
    return "".join(node[-1] for node in nodes(text))
