"""What a screen reader reads on every page: no private-use icon glyph (theme icons drawn with
<i> elements or with CSS ::before/::after), no English landmark names from the theme."""

import re

import pytest

from tests.helpers import settle
from widgets.content import course

PAGES = [p.html for p in course.pages()] + ["search.html?q=tillit", "genindex.html"]
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


@pytest.mark.parametrize("path", PAGES)
def test_nothing_read_out_is_an_icon_glyph_or_english_theme_words(open_page, path):
    page, _ = open_page(path, viewport={"width": 1280, "height": 900})
    settle(page)
    snapshot = page.locator("body").aria_snapshot()
    glyphs = [line.strip() for line in snapshot.splitlines() if PRIVATE_USE.search(line)]
    assert glyphs == [], f"{path}: icon glyphs read out: {glyphs[:5]}"
    assert not re.search(r'(navigation|region|dialog) "(Main|Page|Contents)"', snapshot), path
