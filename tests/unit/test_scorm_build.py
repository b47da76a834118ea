"""The SCORM packager's pure parts: what a page loads, how a page is made fit for a package,
the manifest and its schemas, the mastery score from _config.yml."""

from __future__ import annotations

import json
import zipfile

import pytest
from bs4 import BeautifulSoup

from widgets.build import scorm
from widgets.build.scorm_manifest import Sco, manifest_errors, manifest_xml
from widgets.build.scorm_page import css_loads, js_loads, package_page, page_loads, remote_urls_in
from widgets.content.data_files import DataFileError
from widgets.content.ui_text import TEXTS

SITE = "https://example.org/kurs/"
STATE = json.dumps({"state": {
    "m1": {"state": {"_esm": "// tk-module:quiz@0123456789ab\nexport default {};\n"}},
    "m2": {"state": {"_esm": "export default {}; // real code, nothing to load"}},
}})
PAGE = f"""<!DOCTYPE html>
<html lang="sv"><head>
<link rel="stylesheet" href="../_static/tk/site.abc.css" />
<link rel="modulepreload" href="../_static/tk/quiz.0123456789ab.js" />
<link rel="manifest" href="../manifest.webmanifest" />
<link rel="canonical" href="{SITE}book/a.html" />
<link rel="next" title="B" href="b.html" />
<link rel="icon" href="../_static/favicon.svg"/>
<meta property="og:url" content="{SITE}book/a.html" />
<script defer src="../_static/tk-site.js?v=f1506e3f"></script>
<script src="https://cdn.example.com/x.js"></script>
</head><body>
<dialog id="pst-search-dialog"><form class="bd-search" action="../search.html"></form></dialog>
<button class="btn search-button__button">Sök</button>
<div class="dropdown"><ul class="dropdown-menu">
<li><a href="https://github.com/x/y" target="_blank">GitHub</a></li></ul></div>
<div class="dropdown"><ul class="dropdown-menu">
<li><a href="../pdf/a.pdf">PDF</a></li><li><a href="https://mybinder.org/v2">Binder</a></li></ul></div>
<p>Se <a href="b.html#del-2">kapitel 2</a>, <a href="a.html#x">här</a>, <a href="#y">här</a>
och <a class="reference external" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>.
<a href="{SITE}book/c.html">C</a> <a href="mailto:a@example.org">mejla</a></p>
<img src="../_images/fig.png" srcset="../_images/fig-2x.png 2x, ../_images/fig-3x.png 3x" alt="">
<div style="background: url('../_static/bg.png')"></div>
<script type="application/vnd.jupyter.widget-state+json">{STATE}</script>
</body></html>"""
SETTINGS = {"chapter": "a", "mastery": 70, "texts": {"platform_error": "Fel <b>"}}


def packaged() -> BeautifulSoup:
    return BeautifulSoup(package_page(PAGE, "book/a.html", SITE, SETTINGS), "html.parser")


def test_a_page_loads_its_links_scripts_images_srcset_styles_and_widget_modules():
    assert page_loads(PAGE, "book/a.html") == {
        "_static/tk/site.abc.css", "_static/tk/quiz.0123456789ab.js", "manifest.webmanifest",
        "_static/favicon.svg", "_static/tk-site.js", "_images/fig.png", "_images/fig-2x.png",
        "_images/fig-3x.png", "_static/bg.png",
    }


def test_stylesheets_and_modules_load_relative_to_themselves():
    css = "@import 'more.css'; @font-face{src:url(fonts/a.woff2) format('woff2'), url(\"../b.ttf\")} " \
          "x{background:url(data:image/png;base64,AAA)} y{background:url(https://cdn.example.com/c.png)}"
    assert css_loads(css, "_static/tk/site.css") == {"_static/tk/more.css", "_static/tk/fonts/a.woff2",
                                                      "_static/b.ttf"}
    js = 'import {a} from "./common.js";\nimport "../side.js";\nexport * from "./re.js";\n' \
         'const m = import("./lazy.js"); import x from "bare-package"; const s = "import(\'no\')";'
    assert js_loads(js, "_static/tk/quiz.js") == {"_static/tk/common.js", "_static/side.js",
                                                  "_static/tk/re.js", "_static/tk/lazy.js"}


def test_a_packaged_page_fetches_nothing_from_the_site_or_another_host():
    soup = packaged()
    assert not soup.select('link[rel~="manifest"], link[rel~="canonical"], link[rel~="next"]')
    assert not soup.select("#pst-search-dialog, .search-button__button, form.bd-search")
    assert not soup.find("meta", property="og:url")
    assert soup.find("link", rel="icon")["href"] == "../_static/favicon.svg"
    assert soup.find("script", src="../_static/tk-site.js"), "the query string is gone"
    # what is left: links the learner clicks to the published site, and a script from another
    # host (no page of the site has one; widgets.build.scorm stops on it)
    assert sorted(remote_urls_in(str(soup), "html")) == sorted([
        "https://cdn.example.com/x.js", f"{SITE}book/b.html#del-2", f"{SITE}pdf/a.pdf", f"{SITE}book/c.html"])


def test_links_to_other_pages_go_to_the_published_site_in_a_new_tab():
    soup = packaged()
    chapter_2 = soup.find("a", href=f"{SITE}book/b.html#del-2")
    assert (chapter_2["target"], chapter_2["rel"]) == ("_blank", ["noopener"])
    # a screen reader hears that the link opens a new tab; the visible words stay the same
    note = chapter_2.find("span", class_="tk-visually-hidden")
    assert note.get_text() == " " + TEXTS["scorm"]["new_tab"]
    assert chapter_2.get_text() == "kapitel 2" + note.get_text()
    assert soup.find("a", href=f"{SITE}pdf/a.pdf").find(class_="tk-visually-hidden")
    assert [a["href"] for a in soup.find_all("a", string="här")] == ["#x", "#y"]
    assert soup.find("a", string="mejla")["href"] == "mailto:a@example.org"


def test_links_to_other_hosts_go_and_their_words_stay():
    soup = packaged()
    assert not soup.find("a", string="GitHub") and not soup.find(string="GitHub"), "the empty menu is gone"
    assert not soup.find(string="Binder")
    assert soup.find("a", href=f"{SITE}pdf/a.pdf"), "a menu with an entry left stays"
    licence = soup.find(string="CC BY")
    assert licence.parent.name == "span" and not licence.parent.get("href")


def test_the_settings_go_into_the_head_as_json_safe_inside_a_script():
    script = packaged().head.find("script", id="tk-scorm")
    assert json.loads(script.string) == SETTINGS
    assert "<b>" not in script.string


def test_a_manifest_is_valid_by_the_schemas_and_a_broken_one_is_not():
    scos = [Sco("a", "1. Å", "book/a.html", ("book/a.html", "_static/x.css")),
            Sco("b", "2. B", "book/b.html", ("book/b.html", "_static/x.css"))]
    good = manifest_xml("tillitskursen", "Tillitskursen", scos, 70)
    assert manifest_errors(good) == []
    assert good.count(b"<adlcp:masteryscore>70</adlcp:masteryscore>") == 2
    assert manifest_errors(good.replace(b'scormtype="sco"', b'scormtype="lesson"'))
    misspelt = good.replace(b"organizations", b"organisations")
    assert manifest_errors(misspelt)


@pytest.mark.parametrize("text, expected", [
    ("title: T\n", 70),
    ("title: T\nscorm:\n  mastery_score: 85\n", 85),
    ("title: T\nscorm:\n  mastery_score: 0\n", 0),
])
def test_the_mastery_score_comes_from_config(tmp_path, text, expected):
    config = tmp_path / "_config.yml"
    config.write_text(text, encoding="utf-8")
    assert scorm.mastery_score(config) == expected


@pytest.mark.parametrize("value", ["101", "-1", "'70'", "70.5", "true", "[]"])
def test_a_bad_mastery_score_names_the_file_the_item_and_the_fix(tmp_path, value):
    config = tmp_path / "_config.yml"
    config.write_text(f"title: T\nscorm:\n  mastery_score: {value}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        scorm.mastery_score(config)
    message = str(caught.value)
    assert "_config.yml" in message and "scorm.mastery_score" in message and "heltal 0–100" in message


def test_a_page_that_loads_a_missing_file_stops_the_build(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "a.css").write_text("x{background:url(gone.png)}", encoding="utf-8")
    html = '<link rel="stylesheet" href="../_static/a.css">'
    with pytest.raises(FileNotFoundError, match="gone.png"):
        scorm.files_loaded(tmp_path, "book/x.html", html)
    (tmp_path / "_static" / "gone.png").write_bytes(b"png")
    assert scorm.files_loaded(tmp_path, "book/x.html", html) == ["_static/a.css", "_static/gone.png"]


def test_a_page_that_loads_from_another_host_stops_the_build(tmp_path, monkeypatch):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "a.html").write_text(PAGE, encoding="utf-8")
    page = scorm.course.Page("book/a", tmp_path / "a.ipynb", "Kursen")
    with pytest.raises(ValueError, match="cdn.example.com"):
        scorm.packaged_page(tmp_path, page, 70)


def test_a_zip_is_the_same_bytes_for_the_same_files(tmp_path):
    entries = {"b.txt": b"b", "imsmanifest.xml": b"<m/>", "a/c.txt": b"c"}
    scorm._write_zip(tmp_path / "one.zip", entries)
    scorm._write_zip(tmp_path / "two.zip", dict(reversed(entries.items())))
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    assert zipfile.ZipFile(tmp_path / "one.zip").namelist()[0] == "imsmanifest.xml"
