"""A school's or municipality's own settings reach the pages: the launch and download
buttons (Binder, a configured JupyterHub, the .ipynb) and the publisher's accessibility
statement and privacy page.

Built once, with only the pages these settings touch (the whole book is built with warnings
as errors by ``make book``, which ``make test`` and CI run first; a second full build here
would only repeat it)."""

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
#: The pages built: the start page, two chapters (notebooks) and the two publisher pages.
SUBSET = ["book/vad-ar-tillit", "book/sjalvuppfyllande-forvantningar"]
STATEMENTS = ["book/tillganglighet", "book/personuppgifter"]


@pytest.fixture(scope="module")
def configured_build(tmp_path_factory):
    """The pages built with a JupyterHub and a publisher configured, as a school or municipality
    would configure its own copy."""
    out = tmp_path_factory.mktemp("build")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["launch_buttons"]["jupyterhub_url"] = HUB
    config["sphinx"]["config"]["tk_publisher"] = PUBLISHER
    config["sphinx"]["config"]["tk_redirects"] = {}  # their targets are not in the subset
    config_file = out / "_config.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    toc["parts"] = [{"caption": "Kursen", "numbered": 1, "chapters": [{"file": f} for f in SUBSET]},
                    {"caption": "Om kursen", "chapters": [{"file": f} for f in STATEMENTS]}]
    toc_file = out / "_toc.yml"
    toc_file.write_text(yaml.safe_dump(toc, allow_unicode=True), encoding="utf-8")
    result = build_site(out, config=config_file, toc=toc_file)
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
    return out / "_build" / "html"


def test_launch_and_download_buttons(configured_build):
    html = configured_build
    repo = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    owner_repo = repo.removeprefix("https://github.com/")
    built = [page for page in course.pages() if page.docname in SUBSET]
    assert len(built) == len(SUBSET) and all(page.is_notebook for page in built)
    for page in built:
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


def test_the_publisher_s_settings_fill_the_statement_and_privacy_page(configured_build):
    html = configured_build
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
