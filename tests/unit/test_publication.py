"""What the printed course says about itself (cover, PDF metadata) and the workshop handout's
list of sections: read from _config.yml, CITATION.cff and data/deltagarmaterial.yml, with
Swedish errors naming the file, the item and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from widgets.content.data_files import DataFileError
from widgets.content.handout import load_handout
from widgets.content.publication import CITATION_FILE, CONFIG_FILE, publication

CITATION = """\
title: Kursen
authors:
  - name: Kursens författare
license: CC-BY-4.0
version: 2.0.0
references:
  - type: article
    title: Något annat
  - type: slides
    title: Ett föredrag
    authors:
      - family-names: Talare
        given-names: Ada
        affiliation: Ett förbund
"""
CONFIG = 'title: "Kursen"\nhtml:\n  baseurl: "https://example.org/kursen"\n'


def _files(tmp_path: Path, config: str = CONFIG, citation: str = CITATION) -> tuple[Path, Path]:
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    (tmp_path / "CITATION.cff").write_text(citation, encoding="utf-8")
    return tmp_path / "_config.yml", tmp_path / "CITATION.cff"


def test_the_course_reads_its_own_files():
    pub = publication()
    config = yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8"))
    assert pub.title == config["title"]
    assert pub.site_url == config["html"]["baseurl"]
    assert pub.talk.title in CITATION_FILE.read_text(encoding="utf-8")
    assert pub.licence == "CC BY 4.0" and pub.licence_url.startswith("https://creativecommons.org/")


def test_facts_from_a_config_and_a_citation(tmp_path):
    pub = publication(*_files(tmp_path))
    assert pub.site_url == "https://example.org/kursen/"   # a slash is added
    assert pub.url("/book/x.html") == "https://example.org/kursen/book/x.html"
    assert (pub.authors, pub.version, pub.licence) == ("Kursens författare", "2.0.0", "CC BY 4.0")
    talk = (pub.talk.title, pub.talk.speaker, pub.talk.affiliation)
    assert talk == ("Ett föredrag", "Ada Talare", "Ett förbund")


@pytest.mark.parametrize(("config", "citation", "names"), [
    ('title: "Kursen"\nhtml:\n  baseurl: "http://example.org/"\n', CITATION, ("html.baseurl", "https://")),
    ('title: "Kursen"\n', CITATION, ("html.baseurl",)),
    (CONFIG, CITATION.replace("CC-BY-4.0", "Alla rättigheter"), ("license", "CC-BY-4.0")),
    (CONFIG, CITATION.replace("type: slides", "type: book"), ("references", "type: slides")),
    (CONFIG, CITATION.replace("  - name: Kursens författare\n", ""), ("authors",)),
])
def test_bad_facts_name_the_file_the_field_and_the_fix(tmp_path, config, citation, names):
    paths = _files(tmp_path, config, citation)
    with pytest.raises(DataFileError) as caught:
        publication(*paths)
    message = str(caught.value)
    assert message.startswith(str(tmp_path)) and "Så här rättar du:" in message, message
    for name in names:
        assert name in message, message


# --- The workshop handout -----------------------------------------------------------------

def _handout(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "deltagarmaterial.yml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_course_handout_lists_the_summary_triangle_hallmarks_and_case():
    handout = load_handout()
    chosen = [(s.page, s.section) for s in handout.sections]
    assert chosen == [("vad-ar-tillit", "sammanfattning"), ("vad-ar-tillit", "tillitstriangeln"),
                      ("sju-kannetecken", "sju-kannetecken-i-korthet"),
                      ("bestallare-och-utforare", "ett-fall-hemtjanst-i-exempelby")]


HEAD = "title: T\nintro: I\nsections:\n"
SUMMARY = "  - page: vad-ar-tillit\n    section: sammanfattning\n"


@pytest.mark.parametrize(("body", "names"), [
    ("title: T\nintro: I\nsections: []\n", ("sections",)),
    (HEAD + "  - page: finns-inte\n    section: sammanfattning\n", ("rad 4", "finns-inte", "_toc.yml")),
    (HEAD + "  - page: vad-ar-tillit\n    section: Sammanfattning\n", ("rad 4", "Sammanfattning", "a–z")),
    (HEAD + SUMMARY + SUMMARY, ("rad 6", "finns redan")),
    (HEAD + SUMMARY + "    rubrik: Fel fält\n", ("okänt fält: rubrik",)),
    (HEAD + SUMMARY + "    heading: ''\n", ("heading", "tomt")),
    ("title: T\nsections:\n" + SUMMARY, ("intro",)),
])
def test_a_bad_handout_file_names_the_line_and_the_fix(tmp_path, body, names):
    path = _handout(tmp_path, body)
    with pytest.raises(DataFileError) as caught:
        load_handout(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "Så här rättar du:" in message, message
    for name in names:
        assert name in message, message
