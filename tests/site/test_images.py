"""Every image in the built pages has a text alternative."""

from html.parser import HTMLParser

import pytest

from widgets.content import course

PAGES = [p.html for p in course.pages()]


@pytest.mark.parametrize("path", PAGES)
def test_every_image_has_a_text_alternative(site, path):
    images = []

    class Images(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "img":
                images.append(dict(attrs))

    Images().feed((site / path).read_text(encoding="utf-8"))
    for attrs in images:
        decorative = attrs.get("role") in ("presentation", "none") or attrs.get("aria-hidden") == "true"
        assert "alt" in attrs, f"{path}: <img src={attrs.get('src')}> has no alt"
        assert decorative or attrs["alt"].strip(), f"{path}: <img src={attrs.get('src')}> has an empty alt"
