"""The course text: LIX ≤ 45 on every page, glossary terms valid, used and linked.

The markup allowed in widget text has its own shared table: ``tests/unit/test_markup.py``."""

import re

import pytest

from widgets.build import readability
from widgets.content import course
from widgets.content.data_files import DataFileError
from widgets.content.glossary import load_glossary, swedish_sort_key

PAGES = [p for p in course.pages() if p.slug not in ("kallor", "ordlista")]


@pytest.mark.parametrize("page", PAGES, ids=[p.slug for p in PAGES])
def test_lix_at_most_45(page):
    result = readability.page_readability(page.path)
    assert result.words > 0
    assert result.lix <= readability.LIMIT, f"{page.slug}: LIX {result.lix:.1f}"


def test_lix_formula_on_a_known_text():
    blocks = readability.running_text("Det här är en mening. Kommunfullmäktige beslutar.")
    r = readability.measure(blocks)
    assert (r.words, r.sentences, r.long_words) == (7, 2, 2)
    assert r.lix == pytest.approx(7 / 2 + 100 * 2 / 7)


def test_running_text_skips_code_quotes_tables_and_citations():
    md = ("# Rubrik\n\n> Ett långt citat som inte räknas alls.\n\n| a | b |\n|---|---|\n\n"
          "```python\nx = 1\n```\n\nText med {term}`tilliten <tillit>` {cite:p}`mayer1995integrative`.\n")
    assert readability.running_text(md) == [
        "Text med {term}`tilliten <tillit>` {cite:p}`mayer1995integrative`."]


def _all_text() -> str:
    return "\n".join(readability.markdown_of(p.path) for p in course.pages())


def test_glossary_is_sorted_in_swedish_and_every_term_is_linked():
    terms = load_glossary()
    assert [t.term for t in terms] == sorted((t.term for t in terms), key=swedish_sort_key)
    linked = {m.lower() for m in re.findall(r"\{term\}`(?:[^`<]*<)?([^`>]+)>?`", _all_text())}
    unlinked = [t.term for t in terms if not ({w.lower() for w in t.headwords} & linked)]
    assert unlinked == [], f"glossary terms no chapter links to: {unlinked}"


def test_swedish_sort_order():
    words = ["öppenhet", "ärende", "zon", "åtgärd", "avtal"]
    assert sorted(words, key=swedish_sort_key) == ["avtal", "zon", "åtgärd", "ärende", "öppenhet"]


def test_glossary_errors_name_the_problem(tmp_path):
    path = tmp_path / "ordlista.yml"
    path.write_text("- term: tillit\n  definition: A\n- term: Tillit\n  definition: B\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="finns redan"):
        load_glossary(path)
    path.write_text("- term: tillit\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="'definition' saknas"):
        load_glossary(path)


def test_an_anthology_is_listed_under_its_editor():
    # SOU 2018:38 is an anthology: Bringselius is its editor (red.), not its author, and the
    # source list sorts it under her name like any other entry.
    from pybtex.database import parse_file

    from widgets.paths import ROOT
    from widgets.site.citations import _swedish_formatting_style

    style = _swedish_formatting_style()()
    entries = parse_file(ROOT / "book" / "references.bib").entries
    assert "editor" in entries["sou2018_38"].persons and "author" not in entries["sou2018_38"].persons
    (formatted,) = style.format_entries([entries["sou2018_38"]])
    assert formatted.text.render_as("text").startswith("Louise Bringselius (red.). Styra och leda")
    order = [e.key for e in style.sort(entries.values())]
    assert order.index("bringselius2017ramverk") < order.index("sou2018_38") < order.index(
        "brorstrom2019tillitsdelegationen")
