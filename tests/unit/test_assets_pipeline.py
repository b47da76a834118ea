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
