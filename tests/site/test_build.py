"""The book builds from scratch with warnings as errors and produces every page; its launch
and download buttons point where they should (Binder, a configured JupyterHub, the .ipynb)."""

import re
import urllib.parse
from html import unescape

import pytest
import yaml

from tests.helpers import ROOT, build_site
from widgets.content import course

HUB = "https://jupyterhub.example.org"
#: A municipality publishing its own copy (the statement and privacy page must follow).
PUBLISHER = {"organisation": "Exempelby kommun", "contact_email": "tillganglighet@exempelby.se",
             "contact_phone": "0123-45 67 89", "statement_date": "2027-02-01", "compliance": "helt"}


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory):
    """A clean build, with a JupyterHub and a publisher configured as a school or municipality would."""
    out = tmp_path_factory.mktemp("build")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["launch_buttons"]["jupyterhub_url"] = HUB
    config["sphinx"]["config"]["tk_publisher"] = PUBLISHER
    config_file = out / "_config.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    result = build_site(out, config=config_file)
    return result, out / "_build" / "html"


def test_clean_build_has_no_warnings(clean_build):
    result, html = clean_build
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-6000:]
    assert "WARNING" not in log, log[-6000:]
    for page in course.pages():
        assert (html / page.html).exists(), f"{page.html} was not built"


def test_launch_and_download_buttons(clean_build):
    _, html = clean_build
    repo = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    owner_repo = repo.removeprefix("https://github.com/")
    for page in course.pages():
        if not page.is_notebook:
            continue
        text = (html / page.html).read_text(encoding="utf-8")
        binder = f"https://mybinder.org/v2/gh/{owner_repo}/main?urlpath=lab/tree/{page.docname}.ipynb"
        assert binder in text.replace("&amp;", "&"), f"{page.slug}: no Binder link"
        hub = re.search(rf'href="{re.escape(HUB)}/hub/user-redirect/git-pull\?([^"]+)"', text)
        assert hub, f"{page.slug}: no JupyterHub link"
        query = urllib.parse.parse_qs(hub.group(1).replace("&amp;", "&"))
        assert query["repo"] == [repo] and query["branch"] == ["main"]
        assert query["urlpath"][0].endswith(f"{page.docname}.ipynb")
        up = "../" * page.docname.count("/")  # the teacher guide's notebooks are a level deeper
        assert f'href="{up}_sources/{page.docname}.ipynb"' in text, f"{page.slug}: no .ipynb download"


def test_the_publisher_s_settings_fill_the_statement_and_privacy_page(clean_build):
    _, html = clean_build
    def article(name):
        page = (html / "book" / name).read_text(encoding="utf-8")
        # Sphinx hides e-mail addresses from harvesters (%40 and entities): read them as a browser does
        page = urllib.parse.unquote(unescape(page))
        return re.search(r'<article class="bd-article">(.*?)</article>', page, re.S).group(1)

    statement, privacy = article("tillganglighet.html"), article("personuppgifter.html")
    for page in (statement, privacy):
        assert "Exempelby kommun" in page
        assert 'href="mailto:tillganglighet@exempelby.se"' in page and "0123-45 67 89" in page
        assert "issues/new?template=sakfel.yml" not in page  # their contact, not GitHub's form
    assert "helt förenlig med lagen" in statement and "1 februari 2027" in statement
