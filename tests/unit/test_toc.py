"""The table of contents and the notebooks in book/ agree."""

from pathlib import Path

from widgets.content import course

ROOT = Path(__file__).resolve().parents[2]


def test_every_notebook_is_in_the_toc_and_every_toc_entry_exists():
    toc_notebooks = {p.path for p in course.pages() if p.is_notebook}
    on_disk = {p for p in (ROOT / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts}
    assert on_disk - toc_notebooks == set(), "notebooks missing from _toc.yml"
    assert toc_notebooks - on_disk == set(), "_toc.yml names notebooks that do not exist"
    for page in course.pages():
        assert page.path.exists(), f"_toc.yml names {page.docname}, which has no file"


def test_every_page_has_a_title():
    for page in course.pages():
        assert page.title != page.path.stem, f"{page.path} has no '# Rubrik'"
