"""Print-only HTML documents for the PDFs, composed from the built site's rendered pages.

Chromium tags a PDF (a structure tree that screen readers follow), writes its outline and
numbers its pages only within one print. So every PDF is printed from ONE document, and this
module writes that document: the cover, the contents and the pages (or some of their
sections) one after the other. A :class:`Snapshot` is one built page's article as the
browser rendered it, widgets included, in print mode (:mod:`widgets.build.pdf_print`).

While joining pages, :class:`Document`

- makes every id unique by giving it its page's prefix (``<slug>--<id>``), together with
  every reference to it (``href="#…"``, ``for``, ``headers``, ``aria-*``, ``url(#…)``);
- turns a link to a place that is inside the document into an internal link
  (``#<slug>--<id>``; Chromium makes it a link to that place in the PDF), and every other
  link to the site into its published address (``html.baseurl``), so no link points to the
  temporary print server;
- keeps resource addresses (images, style sheets) relative to the site root, where the
  print server finds them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

#: The id of the document's first element (the target of a link to the PDF itself).
TOP = "tk-pdf-top"
#: Attributes that hold a list of ids.
ID_LIST_ATTRIBUTES = ("for", "headers", "list", "form", "popovertarget", "aria-labelledby",
                      "aria-describedby", "aria-controls", "aria-owns", "aria-activedescendant",
                      "aria-details", "aria-errormessage", "aria-flowto")
_URL_REF = re.compile(r"url\(\s*(['\"]?)#([^)'\"]+)\1\s*\)")
_HEADING = re.compile(r"^h([1-6])$")


class MissingSection(LookupError):
    """A section id that the page does not have."""

    def __init__(self, path: str, section: str):
        self.path, self.section = path, section
        super().__init__(f"{path} har inget avsnitt med id '{section}'.")


@dataclass(frozen=True)
class Snapshot:
    """One built page as the browser rendered it (see :mod:`widgets.build.pdf_print`).

    ``path`` is the page's path in the site (``book/vad-ar-tillit.html``); ``article`` the
    inner HTML of its article, with every same-site address made root-relative (``/…``);
    ``styles`` the ``<link rel="stylesheet">`` and ``<style>`` elements of its head.
    """

    path: str
    article: str
    styles: tuple[str, ...]

    @property
    def slug(self) -> str:
        return self.path.rsplit("/", 1)[-1].removesuffix(".html")


def text_of(tag: Tag) -> str:
    """The visible words of a heading: without its ``#`` link, spaces collapsed."""
    parts = [s for s in tag.find_all(string=True)
             if not any("headerlink" in (p.get("class") or []) for p in s.parents if isinstance(p, Tag))]
    return " ".join("".join(parts).split())


def _prefix_ids(root: Tag, prefix: str) -> None:
    def rename(value: str) -> str:
        return f"{prefix}--{value}"

    for tag in [root, *root.find_all(True)]:
        for name, value in list(tag.attrs.items()):
            if name == "id":
                tag[name] = rename(value)
            elif name in ID_LIST_ATTRIBUTES:
                ids = value if isinstance(value, list) else str(value).split()
                tag[name] = " ".join(rename(v) for v in ids)
            elif name in ("href", "xlink:href") and tag.name != "a" and str(value).startswith("#"):
                tag[name] = "#" + rename(str(value)[1:])
            elif isinstance(value, str) and "url(#" in value.replace(" ", ""):
                tag[name] = _URL_REF.sub(
                    lambda m: f"url({m.group(1)}#{rename(m.group(2))}{m.group(1)})", value)


def _shift_headings(root: Tag, top_level: int) -> None:
    """Renumber the headings in ``root`` so that its first heading has ``top_level``."""
    headings = [t for t in root.find_all(_HEADING)]
    if not headings:
        return
    shift = top_level - int(headings[0].name[1])
    for tag in headings:
        tag.name = f"h{min(6, max(1, int(tag.name[1]) + shift))}"


def _parse(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


class Document:
    """One print-only HTML document: parts added in reading order, then :meth:`html`.

    ``file_name`` is the PDF's name (a link to ``pdf/<file_name>`` leads to the document's
    start); ``site_url`` the published address that links outside the document go to.
    """

    def __init__(self, *, title: str, file_name: str, site_url: str, lang: str = "sv-SE"):
        self.title = title
        self.file_name = file_name
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.lang = lang
        self._soup = _parse(f'<div class="tk-pdf-document" id="{TOP}"></div>')
        self._root = self._soup.div
        self._styles: list[str] = []
        self._prefixes: dict[str, str] = {}   # page path → id prefix
        self._whole: dict[str, str] = {}      # page path → id of the part that holds all of it

    # -- adding parts --------------------------------------------------------------------
    def add_html(self, markup: str, *, into: Tag | None = None) -> Tag:
        """A part written for the document (a cover, contents), at the end of the document or of
        ``into``; returns its first element. Its links are resolved like the pages' links:
        ``#id`` and ``https://…`` stay, ``/book/x.html#y`` goes to that place if it is here.
        """
        tags = [t for t in _parse(markup).contents if isinstance(t, Tag)]
        for tag in tags:
            (into or self._root).append(tag.extract())
        return tags[0] if tags else self._root

    def replace(self, old: Tag, markup: str) -> Tag:
        """Put ``markup`` where ``old`` is."""
        tags = [t for t in _parse(markup).contents if isinstance(t, Tag)]
        for tag in reversed(tags):
            old.insert_after(tag.extract())
        old.decompose()
        return tags[0]

    def add_styles(self, styles: tuple[str, ...] | list[str]) -> None:
        """Style sheets (``<link>``/``<style>`` elements of a page's head) for a document
        written without a page of the site, so that it prints with the site's fonts."""
        for style in styles:
            if style not in self._styles:
                self._styles.append(style)

    def _take(self, snapshot: Snapshot) -> BeautifulSoup:
        self.add_styles(snapshot.styles)
        article = _parse(snapshot.article)
        for tag in article.find_all(["script", "noscript", "template"]):
            tag.decompose()
        if snapshot.path not in self._prefixes:
            taken = set(self._prefixes.values())
            prefix, number = snapshot.slug, 1
            while prefix in taken:           # two pages with the same file name in two folders
                number += 1
                prefix = f"{snapshot.slug}-{number}"
            self._prefixes[snapshot.path] = prefix
        prefix = self._prefixes[snapshot.path]
        for tag in article.find_all(True):
            href = tag.get("href")
            if tag.name in ("a", "area") and isinstance(href, str) and href.startswith("#"):
                tag["href"] = f"/{snapshot.path}{href}"   # a place on the same page
        wrapper = article.new_tag("div")
        for child in list(article.contents):
            wrapper.append(child.extract())
        _prefix_ids(wrapper, prefix)
        return wrapper

    def add_page(self, snapshot: Snapshot, *, part_id: str | None = None) -> Tag:
        """The whole page, as a part that starts on a new page; returns the part."""
        content = self._take(snapshot)
        part = self._soup.new_tag("section", attrs={"class": "tk-pdf-part", "id": part_id or snapshot.slug})
        for child in list(content.contents):
            part.append(child.extract())
        self._whole[snapshot.path] = part["id"]
        self._root.append(part)
        return part

    def add_section(self, snapshot: Snapshot, section: str, *, heading: str | None = None,
                    level: int = 2, after_heading: str = "", content_only: bool = False,
                    into: Tag | None = None) -> Tag:
        """The element with id ``section`` on the page, its headings renumbered from ``level``.

        ``heading`` replaces the words of its first heading; ``after_heading`` is markup put
        right after that heading; ``content_only`` leaves the first heading out. It goes at
        the end of the document, or of ``into``. Raises :class:`MissingSection`.
        """
        content = self._take(snapshot)
        prefix = self._prefixes[snapshot.path]
        found = content.find(id=f"{prefix}--{section}")
        if found is None:
            raise MissingSection(snapshot.path, section)
        found = found.extract()
        _shift_headings(found, level)
        first = found.find(_HEADING)
        if first is not None:
            if heading:
                for child in list(first.contents):
                    if not (isinstance(child, Tag) and "headerlink" in (child.get("class") or [])):
                        child.extract()
                first.insert(0, heading)
            if after_heading:
                for tag in reversed([t for t in _parse(after_heading).contents if isinstance(t, Tag)]):
                    first.insert_after(tag.extract())
            if content_only:
                first.decompose()
        (into or self._root).append(found)
        return found

    # -- finishing -----------------------------------------------------------------------
    def ids(self) -> set[str]:
        return {tag["id"] for tag in self._soup.find_all(id=True)}

    def parts(self) -> list[tuple[str, str]]:
        """(id, title) of every part that starts on a new page; the title is its first h1."""
        found = []
        for part in self._root.find_all("section", class_="tk-pdf-part", recursive=False):
            h1 = part.find("h1")
            found.append((part["id"], text_of(h1) if h1 else part["id"]))
        return found

    def _link(self, href: str) -> str:
        """Where a root-relative link (``/book/x.html#y``) goes in the PDF."""
        parts = urlsplit(href)
        path, fragment = unquote(parts.path).lstrip("/"), unquote(parts.fragment)
        if path == "pdf/" + self.file_name:
            return "#" + TOP
        prefix = self._prefixes.get(path)
        if prefix and fragment and f"{prefix}--{fragment}" in self._ids:
            return f"#{prefix}--{fragment}"
        if not fragment and path in self._whole:
            return "#" + self._whole[path]
        target = self.site_url + parts.path.lstrip("/")
        if parts.query:
            target += "?" + parts.query
        if parts.fragment:
            target += "#" + parts.fragment
        return target

    def html(self, css: str = "") -> str:
        """The finished document: every link resolved, ready to print."""
        self._ids = self.ids()
        for tag in self._soup.find_all(["a", "area"], href=True):
            href = tag["href"]
            if href.startswith("/") and not href.startswith("//"):
                tag["href"] = self._link(href)
        seen: set[str] = set()
        for tag in self._soup.find_all(id=True):
            if tag["id"] in seen:
                raise ValueError(f"id '{tag['id']}' finns två gånger i {self.file_name}.")
            seen.add(tag["id"])
        styles = "\n".join(self._styles)
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{html.escape(self.lang)}" data-theme="light" data-mode="light">\n'
            f'<head>\n<meta charset="utf-8">\n<title>{html.escape(self.title)}</title>\n'
            f"{styles}\n<style>\n{css}\n</style>\n</head>\n"
            '<body class="tk-pdf">\n'
            '<div class="bd-container"><div class="bd-container__inner bd-page-width">'
            '<main class="bd-main"><div class="bd-content"><div class="bd-article-container">'
            f'<article class="bd-article">\n{self._root}\n</article>'
            "</div></div></main></div></div>\n</body>\n</html>\n"
        )


def css_string(text: str) -> str:
    """``text`` as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def page_css(footer: str, *, numbered_first_page: bool) -> str:
    """``@page`` rules: A4, and a footer ``footer`` in which ``{page}`` is the page number."""
    before, _, after = footer.partition("{page}")
    content = " ".join(x for x in (css_string(before) if before else "", "counter(page)",
                                   css_string(after) if after else "") if x)
    rules = f"@page {{ @bottom-center {{ content: {content}; }} }}\n"
    if not numbered_first_page:
        rules += "@page :first { @bottom-center { content: none; } }\n"
    return rules
