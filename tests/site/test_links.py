"""No broken internal link or anchor anywhere in the built site."""

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

from widgets.content import course


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            value = attrs.get(key)
            if value:
                self.links.append(value)


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def internal_targets(site: Path):
    pages = sorted(site.rglob("*.html"))
    pages = [p for p in pages if "_static" not in p.parts and "_sources" not in p.parts]
    parsed = {p: _parse(p) for p in pages}
    return pages, parsed


def test_no_broken_internal_links_or_anchors(site):
    pages, parsed = internal_targets(site)
    assert {site / p.html for p in course.pages()} <= set(pages)
    broken = []
    for page, found in parsed.items():
        for link in found.links:
            url = urlparse(link)
            if url.scheme or link.startswith(("//", "mailto:", "data:", "javascript:")):
                continue
            target, anchor = urldefrag(link)
            target_path = (page.parent / unquote(target.split("?")[0])).resolve() if target else page
            if target_path.is_dir():
                target_path = target_path / "index.html"
            if not target_path.exists():
                broken.append(f"{page.relative_to(site)} → {link} (filen finns inte)")
                continue
            if anchor and target_path.suffix == ".html":
                ids = parsed[target_path].ids if target_path in parsed else _parse(target_path).ids
                if unquote(anchor) not in ids:
                    broken.append(f"{page.relative_to(site)} → {link} (ankaret finns inte)")
    assert broken == [], "\n".join(broken[:50])
