"""Who publishes the course, and the two pages every Swedish public-sector site needs.

A kommun, region or myndighet that publishes its own copy of the course sets
``tk_publisher`` in ``_config.yml`` (under ``sphinx: config:``)::

    tk_publisher:
      organisation: Exempelby kommun
      contact_email: tillganglighet@exempelby.se
      statement_date: 2026-11-30

Everything has a default (:data:`DEFAULTS`). The accessibility statement
(``book/tillganglighet.md``, after DIGG's model for lag 2018:1937) and the privacy page
(``book/personuppgifter.md``) read the values as MyST substitutions (``{{ tk_organisation }}``,
``{{ tk_contact }}`` …, see :func:`substitutions`), and the footer of every page links to both
pages (``templates/tk-footer-links.html``). A wrong value stops the build with a Swedish
message that names the setting and the fix.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from urllib.parse import quote

from babel.dates import format_date
from sphinx.application import Sphinx
from sphinx.errors import ConfigError

from widgets.content.ui_text import texts_for
from widgets.site.metadata import site_title

#: The site's words (section "site" of the one table of learner-facing words).
t = texts_for("site")

#: The two pages, as Sphinx docnames; the footer of every page links to them.
STATEMENT_DOC = "book/tillganglighet"
PRIVACY_DOC = "book/personuppgifter"
FOOTER_DOCS = (STATEMENT_DOC, PRIVACY_DOC)

#: The issue form (in .github/ISSUE_TEMPLATE/) that the site's "Rapportera fel" opens, and
#: the id of its field for the page's address.
ISSUE_FORM = "sakfel.yml"
ISSUE_PAGE_FIELD = "sida"

COMPLIANCE = {"helt": "helt förenlig", "delvis": "delvis förenlig", "inte": "inte förenlig"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class Publisher:
    """The ``tk_publisher`` settings, checked. Empty strings mean "not given"."""

    organisation: str = "Tillitskursens författare"
    contact_email: str = ""
    contact_phone: str = ""
    #: A web form for questions and reports; empty means the repository's issue form.
    contact_form: str = ""
    #: When the accessibility was last assessed, and when the statement was last updated.
    statement_date: dt.date = dt.date(2026, 11, 30)
    statement_updated: dt.date | None = None
    #: How far the site meets the law: "helt", "delvis" or "inte" (förenlig).
    compliance: str = "delvis"
    #: Where the site is hosted, and what that server logs about visits.
    hosting: str = "GitHub Pages, en tjänst från GitHub"
    hosting_url: str = "https://docs.github.com/sv/site-policy/privacy-policies/github-general-privacy-statement"
    server_logs: str = (
        "GitHub sparar bland annat besökarnas IP-adresser i sina loggar, för att skydda "
        "tjänsten. Vi som ger ut kursen kan inte se loggarna."
    )
    #: The organisation's data protection officer (dataskyddsombud), if any.
    privacy_contact: str = ""

    @property
    def updated(self) -> dt.date:
        return self.statement_updated or self.statement_date


DEFAULTS = {f.name: f.default for f in fields(Publisher)}


def _fail(key: str, value, problem: str, fix: str) -> ConfigError:
    return ConfigError(f"_config.yml, sphinx.config.tk_publisher.{key} = {value!r}: {problem} "
                       f"Så här rättar du: {fix}")


def _date(key: str, value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise _fail(key, value, "det är inget datum.",
                    "skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-30.") from None


def read_settings(raw: dict | None) -> Publisher:
    """Check ``tk_publisher`` from ``_config.yml`` and fill in the defaults."""
    raw = dict(raw or {})
    unknown = sorted(set(raw) - set(DEFAULTS))
    if unknown:
        raise _fail(unknown[0], raw[unknown[0]], "den inställningen finns inte.",
                    f"använd någon av {', '.join(sorted(DEFAULTS))}.")
    values = {}
    for key, value in raw.items():
        if key in ("statement_date", "statement_updated"):
            values[key] = _date(key, value)
            continue
        if value is None:
            value = ""
        if not isinstance(value, (str, int)):
            raise _fail(key, value, "värdet ska vara en text.", "skriv värdet inom citattecken.")
        values[key] = str(value).strip()
    if values.get("statement_date") is None:
        values.pop("statement_date", None)
    settings = Publisher(**values)
    if not settings.organisation:
        raise _fail("organisation", settings.organisation, "namnet saknas.",
                    "skriv namnet på den organisation som ger ut kursen.")
    for key in ("contact_email", "privacy_contact"):
        value = getattr(settings, key)
        if value and not _EMAIL.match(value):
            raise _fail(key, value, "det är ingen e-postadress.",
                        "skriv en adress som namn@exempel.se, eller lämna fältet tomt.")
    for key in ("contact_form", "hosting_url"):
        value = getattr(settings, key)
        if value and not _URL.match(value):
            raise _fail(key, value, "det är ingen webbadress.",
                        "skriv en adress som börjar med https://, eller lämna fältet tomt.")
    if settings.compliance not in COMPLIANCE:
        raise _fail("compliance", settings.compliance, "värdet går inte att tolka.",
                    f"skriv {', '.join(COMPLIANCE)} (förenlig med lagen).")
    if settings.updated < settings.statement_date:
        raise _fail("statement_updated", settings.statement_updated,
                    "redogörelsen kan inte ha uppdaterats före bedömningen.",
                    "ange ett datum samma dag som statement_date eller senare.")
    return settings


def _md(text: str) -> str:
    """Text as literal Markdown: no emphasis, links or HTML from a configured name."""
    return re.sub(r"([\\`*_{}\[\]<>()#|!~])", r"\\\1", text)


def swedish_date(day: dt.date) -> str:
    return format_date(day, "d MMMM y", locale="sv")


def issue_form_url(repository_url: str) -> str:
    """The repository's Swedish issue form, or '' if the repository is not on GitHub."""
    if not repository_url.startswith("https://github.com/"):
        return ""
    return f"{repository_url.rstrip('/')}/issues/new?template={quote(ISSUE_FORM)}"


def substitutions(settings: Publisher, *, site_title: str, repository_url: str) -> dict[str, str]:
    """The MyST substitutions the two pages use: each value is Markdown."""
    contact = []
    if settings.contact_email:
        contact.append(t["contact_email"].format(
            link=f"[{_md(settings.contact_email)}](mailto:{settings.contact_email})"))
    if settings.contact_phone:
        contact.append(t["contact_phone"].format(phone=_md(settings.contact_phone)))
    if settings.contact_form:
        contact.append(t["contact_form"].format(
            link=f"[{_md(settings.contact_form)}]({settings.contact_form})"))
    if not contact and issue_form_url(repository_url):
        # nobody configured: the course's own authors answer, in the repository's issue form
        contact.append(t["contact_github"].format(url=issue_form_url(repository_url)))
    if not contact:
        raise _fail("contact_email", "", "kursen har inget sätt att kontakta er.",
                    "ange contact_email, contact_phone eller contact_form.")
    hosting = _md(settings.hosting)
    return {
        "tk_organisation": _md(settings.organisation),
        "tk_site": _md(site_title),
        "tk_contact": "\n".join(f"- {line}" for line in contact),
        "tk_compliance": COMPLIANCE[settings.compliance],
        "tk_statement_date": swedish_date(settings.statement_date),
        "tk_statement_updated": swedish_date(settings.updated),
        "tk_hosting": f"[{hosting}]({settings.hosting_url})" if settings.hosting_url else hosting,
        "tk_server_logs": _md(settings.server_logs),
        "tk_privacy_contact": (t["privacy_contact"].format(
            link=f"[{_md(settings.privacy_contact)}](mailto:{settings.privacy_contact})")
            if settings.privacy_contact else ""),
    }


def _config_inited(app: Sphinx, config) -> None:
    settings = read_settings(config.tk_publisher)
    repository = (config.html_theme_options or {}).get("repository_url", "")
    values = substitutions(settings, site_title=site_title(config), repository_url=repository)
    config.myst_substitutions = {**(config.myst_substitutions or {}), **values}


def footer_links(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """``tk_footer_links`` for the footer template: (address, title, is it this page) of both."""
    links = []
    for docname in FOOTER_DOCS:
        if docname not in app.env.titles:
            raise ConfigError(f"Sidan {docname} saknas, men sidfoten på varje sida länkar dit. "
                              "Så här rättar du: lägg tillbaka sidan och ta med den i _toc.yml.")
        here = docname == pagename
        # Sphinx writes "#" for a link to the page itself; name the file, and mark it current
        href = app.builder.get_target_uri(docname).rsplit("/", 1)[-1] if here else context["pathto"](docname)
        links.append((href, app.env.titles[docname].astext(), here))
    context["tk_footer_links"] = links
    context["tk_footer_label"] = t["footer_nav"]


def setup(app: Sphinx) -> dict:
    app.add_config_value("tk_publisher", {}, "env")
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", footer_links)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
