"""What search engines and link previews read in the built site: a Swedish description on every
page taken from its own text, canonical links, robots.txt, sitemap.xml and the root page."""

import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
import yaml

from tests.helpers import ROOT
from widgets.content import course
from widgets.site import metadata

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
BASEURL = CONFIG["html"]["baseurl"]
REDIRECTS = CONFIG["sphinx"]["config"]["tk_redirects"]
PAGES = [p.html for p in course.pages()]
ENGLISH = re.compile(r"\b(the|and|with|this|your|page|content|of)\b", re.IGNORECASE)


def description(page_html: str) -> list[str]:
    return [html.unescape(d) for d in re.findall(r'<meta name="description" content="([^"]*)"', page_html)]


def visible_text(page_html: str) -> str:
    article = re.search(r'<article class="bd-article">(.*?)</article>', page_html, re.S).group(1)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


@pytest.mark.parametrize("path", [*PAGES, "search.html", "genindex.html"])
def test_every_page_has_one_swedish_description(site, path):
    found = description((site / path).read_text(encoding="utf-8"))
    assert len(found) == 1, f"{path}: {len(found)} descriptions"
    text = found[0]
    assert 40 <= len(text) <= metadata.LIMIT, f"{path}: {len(text)} characters: {text!r}"
    assert not re.search(r"[<>{}`*]|\]\(", text), f"{path}: markup in {text!r}"
    assert not ENGLISH.search(text), f"{path}: not Swedish: {text!r}"
    assert re.search(r"[åäö]", text), f"{path}: not Swedish: {text!r}"


def test_chapter_descriptions_come_from_their_own_text_and_differ(site):
    seen = {}
    for page in course.pages():
        page_html = (site / page.html).read_text(encoding="utf-8")
        (text,) = description(page_html)
        assert text not in seen, f"{page.html} has the same description as {seen.get(text)}"
        seen[text] = page.html
        if page.slug in ("ordlista", "kallor"):
            continue  # lists of terms and sources: a description in the page's front matter
        # the first words (a parenthetical citation later in the sentence is left out)
        start = " ".join(text.split()[:6])
        assert start in visible_text(page_html), f"{page.html}: {start!r} is not the page's own text"


def test_canonical_links_point_to_the_published_address(site):
    for path in PAGES:
        page_html = (site / path).read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{BASEURL}{path}" />' in page_html, path


def test_robots_txt_and_sitemap_list_every_page_once(site):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"^User-agent: \*$", robots, re.M)
    assert f"Sitemap: {BASEURL}sitemap.xml" in robots
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert sorted(urls) == sorted(BASEURL + path for path in PAGES)
    assert not set(urls) & {BASEURL + old for old in REDIRECTS}


def test_the_root_page_is_swedish_with_title_icon_and_canonical(site):
    root = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in root and f"<title>{CONFIG['title']}</title>" in root
    icon = re.search(r'<link rel="icon" href="([^"]+)">', root).group(1)
    assert (site / icon).is_file()
    start = course.pages()[0].html
    assert f'url={start}"' in root and f'<link rel="canonical" href="{BASEURL}{start}">' in root
    assert len(description(root)) == 1
    # browsers ask for /favicon.ico by themselves (for a PDF, a text file): it must exist
    assert (site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


@pytest.mark.parametrize("old", sorted(REDIRECTS))
def test_redirect_pages_have_the_favicon(site, old):
    page = (site / old).read_text(encoding="utf-8")
    icon = re.search(r'<link rel="icon" href="([^"]+)">', page).group(1)
    assert (site / old).parent.joinpath(icon).resolve().is_file()
    assert urljoin("https://x/" + old, icon).endswith("_static/favicon.svg")
