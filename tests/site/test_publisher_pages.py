"""The accessibility statement and the privacy page exist, say what _config.yml's tk_publisher
says, and every page's footer links to both."""

import html
import re
import urllib.parse
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT
from widgets.content import course
from widgets.site import publisher

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
SETTINGS = publisher.read_settings(CONFIG["sphinx"]["config"]["tk_publisher"])
PAGES = [p.html for p in course.pages()] + ["search.html", "genindex.html"]


def text_of(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    article = re.search(r'<article class="bd-article">(.*?)</article>', page, re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article.group(1))).split())


def test_both_pages_are_in_the_toc_under_om_kursen():
    about = [p.docname for p in course.pages() if p.part == "Om kursen"]
    assert publisher.STATEMENT_DOC in about and publisher.PRIVACY_DOC in about


def test_the_statement_says_who_when_how_accessible_and_where_to_complain(site):
    page = site / f"{publisher.STATEMENT_DOC}.html"
    text = text_of(page)
    assert SETTINGS.organisation in text
    assert f"{publisher.COMPLIANCE[SETTINGS.compliance]} med lagen (2018:1937)" in text
    assert publisher.swedish_date(SETTINGS.statement_date) in text
    assert "Myndigheten för digital förvaltning (Digg)" in text and "www.digg.se/tdosanmalan" in text
    assert 'href="https://www.digg.se/tdosanmalan"' in page.read_text(encoding="utf-8")
    for part in ("Innehåll som inte är tillgängligt", "PDF", "Så har vi testat kursen", "självskattning",
                 "annan form"):
        assert part in text, part
    assert "{{" not in text  # every substitution was filled


def test_the_privacy_page_says_what_is_kept_where_and_how_to_clear_it(site):
    text = text_of(site / f"{publisher.PRIVACY_DOC}.html")
    assert "inga kakor" in text and "lokal lagring" in text
    assert "tillitskursen:v1:" in text  # the prefix tk-site.js and the widgets store under
    assert "Rensa mina svar" in text and "Min översikt" in text
    assert SETTINGS.organisation in text and "{{" not in text
    assert "IP-adress" in text


def test_the_contact_lines_come_from_the_settings(site):
    page = (site / f"{publisher.STATEMENT_DOC}.html").read_text(encoding="utf-8")
    if SETTINGS.contact_email:  # Sphinx cloaks addresses (%40 and entities)
        page = urllib.parse.unquote(html.unescape(page))
        assert f'href="mailto:{SETTINGS.contact_email}"' in page
    if not (SETTINGS.contact_email or SETTINGS.contact_phone or SETTINGS.contact_form):
        form = publisher.issue_form_url(CONFIG["repository"]["url"])
        assert f'href="{html.escape(form)}"' in page


@pytest.mark.parametrize("path", PAGES)
def test_every_footer_links_to_both_pages(site, path):
    page = (site / path).read_text(encoding="utf-8")
    footer = re.search(r'<footer class="bd-footer-content">(.*?)</footer>', page, re.S)
    assert footer, f"{path} has no footer"
    nav = re.search(r'<nav class="tk-footer-links" aria-label="([^"]+)">(.*?)</nav>', footer.group(1), re.S)
    assert nav and nav.group(1) == "Om webbplatsen"
    targets = {(site / path).parent.joinpath(href).resolve()
               for href in re.findall(r'href="([^"#]+)"', nav.group(2))}
    assert targets == {(site / f"{doc}.html").resolve() for doc in publisher.FOOTER_DOCS}
