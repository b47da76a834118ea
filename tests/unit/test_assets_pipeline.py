"""The pieces of the site's asset pipeline that need no build: CSS joining, glyphs in use,
reserved widget heights."""

from widgets.site import assets
from widgets.views import esm


def test_joined_css_rebases_urls_and_inlines_imports(tmp_path):
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    (static / "tk").mkdir()
    (static / "basic.css").write_text('div { background: url("file.png"); }', encoding="utf-8")
    (static / "styles" / "theme.css").write_text(
        '@import "../basic.css";\n@font-face { src: url(../vendor/fa.woff2?v=1) format("woff2"); }\n'
        'a { background: url(data:image/png;base64,AAAA); }', encoding="utf-8")
    css = assets.combined_css([(static / "styles" / "theme.css").resolve()], tmp_path)
    assert "@import" not in css
    assert 'url("../file.png")' in css and 'url("../vendor/fa.woff2?v=1")' in css
    assert "url(data:image/png;base64,AAAA)" in css
    assert css.index("div {") < css.index("@font-face")  # the import stays where it was


def test_codepoints_in_use_come_from_css_strings():
    css = ('.fa-github:before{content:"\\f09b"}.x{--pst-icon-x:"\\f05a"}'
           '.y:after{content:"\\2014 "}.z{font-family:"Font Awesome 6 Free"}')
    assert assets.used_codepoints(css) >= {0xF09B, 0xF05A, 0x2014}
    assert assets.used_codepoints('.z{font-family:system-ui;content:""}') == set()


def test_reserved_heights_grow_with_a_self_tests_questions():
    one = {"_esm": esm.reference_for("_esm", esm.module("quiz")),
           "questions": [{"kind": "single", "prompt": "Vad?", "options": [{"text": "a"}, {"text": "b"}]}]}
    two = {**one, "questions": one["questions"] * 2}
    assert 0 < assets.widget_height_rem(one) < assets.widget_height_rem(two)
    assert assets.widget_height_rem({"_esm": "export default {}"}) is None
    explorer = {"_esm": esm.reference_for("_esm", esm.module("explorer")),
                "spec": {"controls": [{}, {}]}}
    assert assets.widget_height_rem(explorer) > assets.widget_height_rem(
        {**explorer, "spec": {"controls": [{}, {}], "question": {"prompt": "?"}}})


def test_a_stylesheet_linked_for_print_only_stays_print_only_when_joined(tmp_path):
    static = tmp_path / "_static"
    static.mkdir()
    page = tmp_path / "sida.html"
    page.write_text('<html><head><link rel="stylesheet" href="_static/screen.css" />\n'
                    '<link rel="stylesheet" href="_static/paper.css" media="print" />\n'
                    '</head><body></body></html>', encoding="utf-8")
    (static / "screen.css").write_text(".a { color: red; }", encoding="utf-8")
    (static / "paper.css").write_text(".b { display: none; }", encoding="utf-8")
    sources = assets.linked_stylesheets([page], tmp_path, tmp_path / "manifest.json")
    assert list(sources.values()) == ["all", "print"]
    css = assets.combined_css(sources, tmp_path)
    assert "@media print {\n.b { display: none; }" in css
    assert ".a { color: red; }" in css and css.index(".a {") < css.index("@media print")
    # an incremental build with no page to read remembers the media too
    page.write_text("<html><head></head><body></body></html>", encoding="utf-8")
    assert assets.linked_stylesheets([page], tmp_path, tmp_path / "manifest.json") == sources


def test_only_the_theme_s_pages_decide_the_site_s_stylesheet(tmp_path):
    """A later step of make book (the slide decks) writes pages with their own stylesheets into
    the same folder; a rebuild must not take them for the site's pages."""
    (tmp_path / "book").mkdir()
    (tmp_path / "bildspel").mkdir()
    theme = ('<html data-content_root="../"><head><link rel="stylesheet" href="../_static/a.css" />'
             "</head><body></body></html>")
    deck = ('<html lang="sv"><head><link rel="stylesheet" href="deck.css" /></head>'
            "<body></body></html>")
    redirect = '<html><head><meta http-equiv="refresh" content="0; url=book/x.html" /></head></html>'
    (tmp_path / "book" / "x.html").write_text(theme, encoding="utf-8")
    (tmp_path / "bildspel" / "genomgang.html").write_text(deck, encoding="utf-8")
    (tmp_path / "index.html").write_text(redirect, encoding="utf-8")
    assert assets._pages(tmp_path) == [tmp_path / "book" / "x.html"]
