"""The book builds from scratch with warnings as errors, and produces every page."""

import pytest

from tests.helpers import build_site
from widgets import course


@pytest.mark.build
def test_clean_build_has_no_warnings(tmp_path):
    result = build_site(tmp_path)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-6000:]
    assert "WARNING" not in log, log[-6000:]
    html = tmp_path / "_build" / "html"
    for page in course.pages():
        assert (html / page.html).exists(), f"{page.html} was not built"
