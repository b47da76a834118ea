"""A built chapter page made fit for a SCORM package, and the files it loads.

Pure functions of text (no files written), used by :mod:`widgets.build.scorm`:

- :func:`package_page` rewrites a page of ``_build/html`` for a package: no part that would
  fetch the site or another host (the web app manifest, the search dialog and buttons,
  ``<link rel>`` to other pages, the header's buttons to GitHub or Binder), links to other
  pages of the course go to the published site (``html.baseurl``) in a new tab, links to other
  hosts become plain text, and the package's settings (``<script id="tk-scorm">``, read by
  ``widgets/views/static/scorm.js``) go into the head.
- :func:`page_loads`, :func:`css_loads`, :func:`js_loads` find what a page, a stylesheet and a
  script load, by reading them (``link``, ``script``, ``img``, ``srcset``, the widget state's
  module references, CSS ``url()`` and ``@import``, ES module imports), so the packager copies
  exactly that and nothing is hard-coded.
"""

from __future__ import annotations

import json
import posixpath
import re
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from widgets.content.ui_text import TEXTS
from widgets.views.esm import MODULE_REFERENCE

#: The words a packaged page adds (ui_text's scorm section).
t = TEXTS["scorm"]

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
SETTINGS_ID = "tk-scorm"

#: <link rel> values that point to other pages or would make the browser fetch or install
#: something from the site (the manifest registers the offline service worker).
DROPPED_LINK_RELS = {"manifest", "canonical", "index", "search", "next", "prev", "alternate",
                     "prefetch", "dns-prefetch", "preconnect"}
#: <link rel> values that name another page instead of loading a file.
NAVIGATION_LINK_RELS = {"canonical", "index", "search", "next", "prev", "alternate", "help",
                        "license", "author", "up", "first", "last"}
#: Parts of the theme that need the site's search (search.html, searchindex.js).
DROPPED_SELECTORS = ("#pst-search-dialog", ".search-button__button", ".search-button-field",
                     "#searchbox", "form.bd-search")
#: Attributes that load something (a URL, or a srcset of them).
LOADING_ATTRIBUTES = {"link": ("href",), "script": ("src",), "img": ("src", "srcset"),
                      "source": ("src", "srcset"), "video": ("src", "poster"),
                      "audio": ("src",), "track": ("src",), "iframe": ("src",),
                      "embed": ("src",), "object": ("data",), "input": ("src",)}

#: URLs that name no file to copy.
NOT_FILES = ("#", "data:", "blob:", "about:", "javascript:", "mailto:")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]+?)\1\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+(['"])(?P<url>[^'"]+)\1""")
#: Static ES module imports and string-literal dynamic imports.
_JS_IMPORT = re.compile(r"""(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+\s*from\s*)?(['"])(?P<url>[^'"\s]+)\1"""
                        r"""|\bimport\(\s*(['"])(?P<dyn>[^'"\s]+)\3\s*\)""")


def parsed(html: str | BeautifulSoup) -> BeautifulSoup:
    """A page's tree (parsed once; the functions here take either the text or the tree)."""
    return html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "html.parser")


def is_remote(url: str) -> bool:
    """A URL with a scheme or host (it leaves the package), not a relative path or a fragment."""
    parts = urlsplit(url.strip())
    return bool(parts.scheme or parts.netloc or url.strip().startswith("//"))


def local_path(url: str, base: str) -> str | None:
    """The site-relative path ``url`` (as written in the file at ``base``) loads, or None for a
    remote URL, a data: URL or a bare fragment."""
    url = url.strip()
    if not url or url.startswith(NOT_FILES) or is_remote(url):
        return None
    path = urlsplit(url).path
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), unquote(path)))
    return None if joined.startswith("../") or joined == ".." else joined


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _module_files(state_text: str) -> set[str]:
    """The widget modules the host imports for this page's widget state (``_static/tk/…``)."""
    found = set()
    try:
        state = json.loads(state_text).get("state", {})
    except (ValueError, AttributeError):
        return found
    for model in state.values():
        source = (model.get("state") or {}).get("_esm") if isinstance(model, dict) else None
        match = MODULE_REFERENCE.match(source) if isinstance(source, str) else None
        if match:
            found.add(f"_static/tk/{match['name']}.{match['hash']}.js")
    return found


def page_loads(html: str | BeautifulSoup, page: str) -> set[str]:
    """Site-relative paths of every file the page at ``page`` (e.g. ``book/x.html``) loads:
    stylesheets, scripts, preloads, icons, images (src and srcset), inline styles' url() and
    the widget modules its widget state names. Not what those files load in turn."""
    soup = parsed(html)
    found: set[str] = set()
    for tag, attributes in LOADING_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            if tag == "link" and {r.lower() for r in element.get("rel") or []} & NAVIGATION_LINK_RELS:
                continue
            for attribute in attributes:
                value = element.get(attribute)
                if not value:
                    continue
                urls = _srcset_urls(value) if attribute == "srcset" else [value]
                found.update(p for p in (local_path(u, page) for u in urls) if p)
    for element in soup.find_all(style=True):
        found.update(css_loads(element["style"], page))
    for style in soup.find_all("style"):
        found.update(css_loads(style.get_text(), page))
    for script in soup.find_all("script", type=WIDGET_STATE):
        found.update(_module_files(script.get_text()))
    return found


def css_loads(css: str, path: str) -> set[str]:
    """Site-relative paths a stylesheet at ``path`` loads (url() and @import)."""
    urls = [m["url"] for m in _CSS_URL.finditer(css)] + [m["url"] for m in _CSS_IMPORT.finditer(css)]
    return {p for p in (local_path(u, path) for u in urls) if p}


def js_loads(js: str, path: str) -> set[str]:
    """Site-relative paths an ES module at ``path`` imports (relative specifiers only)."""
    found = set()
    for match in _JS_IMPORT.finditer(js):
        url = match["url"] or match["dyn"]
        if url.startswith((".", "/")):
            local = local_path(url, path)
            if local:
                found.add(local)
    return found


def remote_urls_in(text: str | BeautifulSoup, kind: str) -> list[str]:
    """Absolute URLs a file of ``kind`` ("html", "css", "js") would load or link to: for HTML
    the loading attributes and every href/action/formaction, for CSS url() and @import, for
    JavaScript its import specifiers. (What a package test checks; URLs in comments and licence
    texts are not loaded and are not looked at.)"""
    if kind == "css":
        urls = [m["url"] for m in _CSS_URL.finditer(text)] + [m["url"] for m in _CSS_IMPORT.finditer(text)]
    elif kind == "js":
        urls = [m["url"] or m["dyn"] for m in _JS_IMPORT.finditer(text)]
    else:
        soup = parsed(text)
        urls = []
        for element in soup.find_all(True):
            for attribute in ("href", "src", "srcset", "action", "formaction", "poster", "data", "content"):
                value = element.get(attribute)
                if not value:
                    continue
                refresh = element.get("http-equiv", "").lower() == "refresh"
                if attribute == "content" and not (refresh or element.get("property", "").startswith("og:")):
                    continue
                urls += _srcset_urls(value) if attribute == "srcset" else [value]
        for element in soup.find_all(style=True):
            urls += [m["url"] for m in _CSS_URL.finditer(element["style"])]
    return [u for u in urls if is_remote(u) and not u.startswith(("data:", "mailto:"))]


def _site_link(href: str, page: str, site_url: str) -> str:
    """A relative link of the page at ``page`` as the published address."""
    target = local_path(href, page) or ""
    fragment = urlsplit(href).fragment
    return urljoin(site_url, target) + (f"#{fragment}" if fragment else "")


def package_page(html: str, page: str, site_url: str, settings: dict) -> str:
    """The page at ``page`` as it goes into a package (see the module's docstring)."""
    return str(package_tree(parsed(html), page, site_url, settings))


def _open_in_new_tab(soup: BeautifulSoup, anchor) -> None:
    """A link out of the package opens the published site in a new tab, and says so to a screen
    reader (the platform's window stays where the learner was)."""
    anchor["target"], anchor["rel"] = "_blank", "noopener"
    note = soup.new_tag("span", attrs={"class": "tk-visually-hidden"})
    note.string = " " + t["new_tab"]
    anchor.append(note)


def package_tree(soup: BeautifulSoup, page: str, site_url: str, settings: dict) -> BeautifulSoup:
    """:func:`package_page` on a parsed page (changed in place and returned)."""
    for link in soup.find_all("link"):
        rels = {r.lower() for r in (link.get("rel") or [])}
        if rels & DROPPED_LINK_RELS:
            link.decompose()
    for meta in soup.find_all("meta"):
        if meta.get("property", "").startswith("og:") and is_remote(meta.get("content", "")):
            meta.decompose()
    for selector in DROPPED_SELECTORS:
        for element in soup.select(selector):
            element.decompose()
    for anchor in soup.find_all("a", href=True):
        href = anchor["href"].strip()
        if href.startswith(("#", "mailto:")):
            continue
        if is_remote(href):
            if href.startswith(site_url):
                _open_in_new_tab(soup, anchor)
                continue
            item = anchor.find_parent("li")
            if item is not None and item.find_parent(class_="dropdown-menu") is not None:
                item.decompose()  # a header button's entry (Binder, GitHub): nothing to keep
            else:
                anchor.name = "span"  # a link to another host in the text: the words stay
                for attribute in ("href", "target", "rel", "class", "title"):
                    anchor.attrs.pop(attribute, None)
            continue
        target = local_path(href, page)
        if target == page:
            fragment = urlsplit(href).fragment
            anchor["href"] = f"#{fragment}" if fragment else "#"
            continue
        anchor["href"] = _site_link(href, page, site_url)
        _open_in_new_tab(soup, anchor)
    # a header dropdown left without entries goes too
    for menu in soup.select(".dropdown-menu"):
        if not menu.find("li"):
            (menu.find_parent(class_="dropdown") or menu).decompose()
    for element in soup.find_all(["link", "script", "img", "source"]):
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value and not is_remote(value) and "?" in value:
                element[attribute] = value.split("?", 1)[0]  # a file in the zip has no query
    settings_script = soup.new_tag("script", attrs={"type": "application/json", "id": SETTINGS_ID})
    settings_script.string = json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c")
    (soup.head or soup).append(settings_script)
    return soup
