"""Stable addresses: every redirect in _config.yml leads to its page, and renamed pages can
never silently break (a redirect to a missing page, or over a real page, stops the build)."""

import pytest
import yaml

from widgets.paths import ROOT
from widgets.site.extension import write_redirects

REDIRECTS = yaml.safe_load((ROOT / "_config.yml").read_text())["sphinx"]["config"]["tk_redirects"]


@pytest.mark.parametrize("old", sorted(REDIRECTS))
def test_old_address_leads_to_the_page(open_page, base_url, old):
    page, log = open_page(old)
    page.wait_for_url(base_url + REDIRECTS[old])
    assert page.locator("main h1").count() >= 1
    assert log.external == []


def test_writer_refuses_to_point_nowhere_or_overwrite(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "ny.html").write_text("<h1>Ny</h1>", encoding="utf-8")
    (written,) = write_redirects(tmp_path, {"gammal/sida.html": "book/ny.html"})
    assert 'url=../book/ny.html"' in written.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="inte finns"):
        write_redirects(tmp_path, {"x.html": "book/saknas.html"})
    with pytest.raises(ValueError, match="skriva över"):
        write_redirects(tmp_path, {"book/ny.html": "book/ny.html"})
