"""The publisher settings (tk_publisher) fill the accessibility statement and the privacy page;
wrong settings stop the build with a Swedish message that names the setting and the fix."""

import datetime as dt

import pytest
import yaml
from sphinx.errors import ConfigError

from widgets.paths import ROOT
from widgets.site import publisher

REPO = "https://github.com/tillitskursen/tillitskursen"


def subs(raw=None, repository=REPO):
    return publisher.substitutions(publisher.read_settings(raw), site_title="Tillitskursen",
                                   repository_url=repository)


def test_defaults_name_the_authors_and_send_readers_to_the_issue_form():
    values = subs({})
    assert values["tk_organisation"] == "Tillitskursens författare"
    assert values["tk_compliance"] == "delvis förenlig"
    assert values["tk_statement_date"] == "30 november 2026"
    assert values["tk_statement_updated"] == "30 november 2026"
    assert f"({REPO}/issues/new?template=sakfel.yml)" in values["tk_contact"]
    assert values["tk_privacy_contact"] == ""


def test_a_municipality_s_values_appear_on_the_pages():
    values = subs({"organisation": "Exempelby kommun", "contact_email": "tillganglighet@exempelby.se",
                   "contact_phone": "0123-45 67 89", "contact_form": "https://exempelby.se/kontakt",
                   "statement_date": dt.date(2027, 3, 1), "statement_updated": "2027-04-15",
                   "compliance": "helt", "privacy_contact": "dso@exempelby.se",
                   "hosting": "Exempelby kommuns webbserver", "hosting_url": ""})
    assert values["tk_organisation"] == "Exempelby kommun"
    lines = values["tk_contact"].splitlines()
    assert lines == ["- E-post: [tillganglighet@exempelby.se](mailto:tillganglighet@exempelby.se)",
                     "- Telefon: 0123-45 67 89",
                     "- Webbformulär: [https://exempelby.se/kontakt](https://exempelby.se/kontakt)"]
    assert "github" not in values["tk_contact"]  # their own contacts replace the issue form
    assert "github" not in subs({"contact_phone": "0123-45 67 89"})["tk_contact"]
    assert values["tk_statement_date"] == "1 mars 2027"
    assert values["tk_statement_updated"] == "15 april 2027"
    assert values["tk_compliance"] == "helt förenlig"
    assert values["tk_hosting"] == "Exempelby kommuns webbserver"
    assert "mailto:dso@exempelby.se" in values["tk_privacy_contact"]


def test_names_are_text_not_markdown():
    values = subs({"organisation": "Region *Test* [länk](https://x.se) <b>"})
    assert values["tk_organisation"] == r"Region \*Test\* \[länk\]\(https://x.se\) \<b\>"


@pytest.mark.parametrize(("raw", "message"), [
    ({"organisaton": "Exempelby"}, r"tk_publisher.organisaton .*finns inte.*organisation"),
    ({"statement_date": "30/11/2026"}, r"statement_date .*inget datum.*ÅÅÅÅ-MM-DD"),
    ({"contact_email": "info(at)exempelby.se"}, r"contact_email .*ingen e-postadress"),
    ({"contact_form": "exempelby.se/kontakt"}, r"contact_form .*ingen webbadress.*https://"),
    ({"compliance": "nästan"}, r"compliance .*helt, delvis, inte"),
    ({"statement_date": "2026-11-30", "statement_updated": "2026-01-01"}, r"statement_updated"),
    ({"organisation": ""}, r"organisation .*namnet saknas"),
])
def test_wrong_settings_name_the_setting_and_the_fix(raw, message):
    with pytest.raises(ConfigError, match=message) as error:
        subs(raw)
    assert "_config.yml" in str(error.value) and "Så här rättar du" in str(error.value)


def test_a_site_off_github_needs_a_contact():
    with pytest.raises(ConfigError, match="inget sätt att kontakta"):
        subs({}, repository="https://gitlab.example.org/kurs/tillitskursen")
    own = subs({"contact_email": "a@b.se"}, repository="https://gitlab.example.org/x/y")
    assert "E-post" in own["tk_contact"]


def test_the_configured_values_are_valid_and_the_issue_form_exists():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    publisher.read_settings(config["sphinx"]["config"]["tk_publisher"])
    form_file = ROOT / ".github" / "ISSUE_TEMPLATE" / publisher.ISSUE_FORM
    form = yaml.safe_load(form_file.read_text(encoding="utf-8"))
    assert publisher.ISSUE_PAGE_FIELD in [field.get("id") for field in form["body"]]
