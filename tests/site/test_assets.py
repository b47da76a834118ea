"""The built pages load light: nothing blocks the first paint, one shared stylesheet, widget
modules as static files (not in the page), images with their size, fonts cut to what is used."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from widgets.content import course
from widgets.site import assets
from widgets.views import esm

PAGES = [p.html for p in course.pages()] + ["search.html", "genindex.html"]
STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', re.S)


class Head(HTMLParser):
    """The ``<script>`` and ``<link>`` tags in ``<head>`` and the ``<img>`` tags in ``<body>``."""

    def __init__(self):
        super().__init__()
        self.in_head = False
        self.scripts: list[dict] = []
        self.links: list[dict] = []
        self.images: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "script" and self.in_head:
            self.scripts.append(attributes)
        elif tag == "link" and self.in_head:
            self.links.append(attributes)
        elif tag == "img":
            self.images.append(attributes)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def parse(site: Path, path: str) -> Head:
    head = Head()
    head.feed((site / path).read_text(encoding="utf-8"))
    return head


@pytest.mark.parametrize("path", PAGES)
def test_no_script_in_head_blocks_rendering(site, path):
    blocking = [s["src"] for s in parse(site, path).scripts
                if "src" in s and "defer" not in s and "async" not in s and s.get("type") != "module"]
    assert blocking == [], f"{path}: scripts in <head> without defer/async: {blocking}"


@pytest.mark.parametrize("path", PAGES)
def test_one_shared_stylesheet(site, path):
    sheets = [link["href"] for link in parse(site, path).links if link.get("rel") == "stylesheet"
              and re.search(r"/tk/site\.", link["href"])]
    assert len(sheets) == 1, f"{path} links {len(sheets)} site stylesheets: {sheets}"
    assert re.fullmatch(r"(\.\./)*_static/tk/site\.[0-9a-f]{12}\.css", sheets[0])
    assert (site / path).parent.joinpath(sheets[0]).resolve().is_file()


def test_search_index_only_on_the_search_page(site):
    for path in PAGES:
        sources = [s.get("src", "") for s in parse(site, path).scripts]
        has_index = any(src.endswith("searchindex.js") for src in sources)
        assert has_index == (path == "search.html"), f"{path}: searchindex.js loaded: {has_index}"


def widget_states(site: Path) -> dict[str, dict]:
    states = {}
    for page in course.pages():
        found = STATE.search((site / page.html).read_text(encoding="utf-8"))
        if found:
            states[page.html] = json.loads(found.group(1))["state"]
    return states


def test_widget_modules_are_files_not_page_content(site):
    states = widget_states(site)
    assert states, "no page has widgets"
    for path, state in states.items():
        for model_id, model in state.items():
            traits = model["state"]
            if model["model_module"] != "anywidget":
                continue
            module = esm.parse_reference(traits["_esm"])
            style = esm.parse_reference(traits["_css"])
            assert module and style, f"{path} {model_id}: the page carries widget code"
            served = site / assets.OUT / esm.module_file_name(module.name)
            assert served.read_text(encoding="utf-8") == esm.module(module.name)
            assert served.name == f"{module.name}.{module.hash}.js"
            page = (site / path).read_text(encoding="utf-8")
            assert 'rel="modulepreload" href="' in page and served.name in page


def test_widget_css_is_linked_by_the_pages_that_show_the_widget(site):
    for path, state in widget_states(site).items():
        names = [esm.parse_reference(m["state"]["_css"]).name for m in state.values()
                 if m["model_module"] == "anywidget"]
        links = [link["href"] for link in parse(site, path).links if link.get("rel") == "stylesheet"]
        widget_links = [href.rsplit("/", 1)[1] for href in links if "/tk/site." not in href]
        assert widget_links == [assets.style_file_name(n) for n in dict.fromkeys(names)] or \
            sorted(widget_links) == sorted(assets.style_file_name(n) for n in set(names)), path
        for name in set(names):
            served = site / assets.OUT / assets.style_file_name(name)
            assert served.read_text(encoding="utf-8") == esm.stylesheet(name)
    for path in ["book/kallor.html", "search.html"]:  # no widgets, no widget CSS
        links = [link["href"] for link in parse(site, path).links if link.get("rel") == "stylesheet"]
        assert len(links) == 1


def test_each_view_has_a_placeholder_with_a_reserved_height(site):
    for path in widget_states(site):
        page = (site / path).read_text(encoding="utf-8")
        views = page.count('<script type="application/vnd.jupyter.widget-view+json">')
        reserved = re.findall(r'data-tk-placeholder style="--tk-reserve:(\d+)rem;--tk-reserve-wide:(\d+)rem"',
                              page)
        assert len(reserved) == views, f"{path}: {views} views, {len(reserved)} reserved placeholders"


def test_icon_fonts_are_cut_to_the_glyphs_in_use(site):
    fonts = sorted((site / assets.OUT).glob("*.woff2"))
    assert fonts, "no fonts in the site's stylesheet folder"
    sheet = next((site / assets.OUT).glob("site.*.css")).read_text(encoding="utf-8")
    for font in fonts:
        assert font.name in sheet
        assert font.stat().st_size < 10_000, f"{font.name} is {font.stat().st_size} bytes"
        glyphs = set(TTFont(font).getBestCmap())
        assert glyphs <= assets.used_codepoints(sheet) | set(range(0x20, 0x7F))
    assert "font-display:block" not in sheet.replace(" ", "")
    # the icons the pages show are still drawn: GitHub (brands), the theme switch (solid)
    drawn = set().union(*(set(TTFont(f).getBestCmap()) for f in fonts))
    assert {0xF09B, 0xF185, 0xF186} <= drawn


@pytest.mark.parametrize("path", [p.html for p in course.pages()])
def test_images_have_their_size_and_a_smaller_webp(site, path):
    for image in parse(site, path).images:
        src = image.get("src", "")
        if "://" in src or not src.endswith((".png", ".jpg", ".jpeg")):
            continue
        assert image.get("width") and image.get("height"), f"{path}: {src} has no width/height"
        raster = (site / path).parent / src
        webp = raster.with_suffix(".webp")
        if webp.exists():
            assert webp.stat().st_size < raster.stat().st_size
            assert f'srcset="{Path(src).with_suffix(".webp").as_posix()}"' in (site / path).read_text()
