"""Icons drawn from the favicon (widgets/site/offline.py): the real favicon draws, an SVG the
small drawer cannot draw fails with a Swedish message naming the file and the element."""

import pytest
from sphinx.errors import ExtensionError

from widgets.paths import ROOT
from widgets.site.offline import draw_svg


def test_the_favicon_draws_with_its_colours(tmp_path):
    image = draw_svg(ROOT / "book" / "_assets" / "favicon.svg", 64)
    assert image.size == (64, 64)
    assert image.getpixel((32, 6))[:3] == (29, 91, 143)  # the circle
    assert image.getpixel((32, 28))[:3] == (255, 255, 255)  # the T
    assert image.getpixel((1, 1))[3] == 0  # transparent corner
    maskable = draw_svg(ROOT / "book" / "_assets" / "favicon.svg", 64, maskable=True,
                        background="#1d5b8f")
    assert maskable.getpixel((1, 1))[:3] == (29, 91, 143)


@pytest.mark.parametrize("svg, words", [
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><text fill="#000">T</text></svg>',
     "<text>: bara circle, rect och path"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8">'
     '<path d="M0 0 C1 1 2 2 3 3z" fill="#000"/></svg>',
     "bara raka linjer"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle r="3"/></svg>',
     "ingen fyllnadsfärg"),
])
def test_an_svg_it_cannot_draw_is_named(tmp_path, svg, words):
    path = tmp_path / "ikon.svg"
    path.write_text(svg, encoding="utf-8")
    with pytest.raises(ExtensionError, match="ikon.svg") as caught:
        draw_svg(path, 32)
    assert words in str(caught.value)


def test_the_site_version_depends_on_content_not_on_the_last_build(tmp_path):
    """A rebuild leaves unchanged pages with the last build's version and size in them: the
    version must be the same as for a clean build, and change when a page's text does."""
    from widgets.site.offline import site_version

    clean = tmp_path / "clean"
    rebuilt = tmp_path / "rebuilt"
    for folder in (clean, rebuilt):
        folder.mkdir()
        (folder / "site.css").write_text("body { color: black }", encoding="utf-8")
    page = ('<html><head>\n{meta}<title>Kapitel</title></head><body><p>Text</p>'
            '<span class="tk-offline-size">{size}</span></body></html>')
    (clean / "a.html").write_text(page.format(meta="", size=""), encoding="utf-8")
    (rebuilt / "a.html").write_text(page.format(meta='<meta name="tk-version" content="0123456789ab" />\n',
                                                size="Cirka 3,4 MB"), encoding="utf-8")
    files = lambda folder: sorted(folder.iterdir())  # noqa: E731
    assert site_version(files(clean), clean) == site_version(files(rebuilt), rebuilt)

    (rebuilt / "a.html").write_text(page.format(meta="", size="").replace("Text", "Ny text"),
                                    encoding="utf-8")
    assert site_version(files(rebuilt), rebuilt)[0] != site_version(files(clean), clean)[0]
