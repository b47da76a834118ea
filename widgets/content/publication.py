"""What a published copy of the course says about itself: title, authors, address, licence.

The facts come from the two files the project already keeps them in, so that a printed cover,
the PDF metadata and the website cannot disagree:

- ``_config.yml``: the title (``title``) and the address of the published site
  (``html.baseurl``);
- ``CITATION.cff``: the authors, the licence, the version, the keywords and the talk the
  course builds on (the first reference of type ``slides``).

Every reader raises :class:`DataFileError` naming the file, the field and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from widgets.content.data_files import DataFileError, load_yaml, strip_lines, text_field
from widgets.paths import ROOT

CONFIG_FILE = ROOT / "_config.yml"
CITATION_FILE = ROOT / "CITATION.cff"

#: Licences the course may be published under: SPDX id → (short name, Swedish deed).
LICENCES = {
    "CC-BY-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.sv"),
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/deed.sv"),
}


@dataclass(frozen=True)
class Talk:
    """The talk the course builds on."""

    title: str
    speaker: str
    affiliation: str


@dataclass(frozen=True)
class Publication:
    title: str
    site_url: str
    authors: str
    licence: str
    licence_url: str
    version: str
    talk: Talk
    keywords: tuple[str, ...] = ()

    def url(self, path: str = "") -> str:
        """The published address of ``path`` (relative to the site root)."""
        return self.site_url + path.lstrip("/")


def site_url(config: dict, path: Path = CONFIG_FILE) -> str:
    """``html.baseurl``: an https address that ends with a slash."""
    html = config.get("html") if isinstance(config.get("html"), dict) else {}
    url = html.get("baseurl")
    if not isinstance(url, str) or not url.startswith("https://"):
        raise DataFileError(path, "webbplatsens adress saknas eller börjar inte med https://.",
                            item="html.baseurl",
                            fix="skriv den publicerade adressen, till exempel "
                                "'baseurl: \"https://example.github.io/tillitskursen/\"'.")
    return url if url.endswith("/") else url + "/"


def _talk(path: Path, citation: dict) -> Talk:
    for number, ref in enumerate(citation.get("references") or [], start=1):
        if isinstance(ref, dict) and ref.get("type") == "slides":
            authors = ref.get("authors") or []
            person = authors[0] if authors and isinstance(authors[0], dict) else {}
            speaker = " ".join(str(person.get(k, "")).strip()
                               for k in ("given-names", "family-names")).strip()
            item = f"references, post {number}"
            if not speaker:
                raise DataFileError(path, "föredraget saknar talare.", item=item,
                                    fix="lägg till authors med given-names och family-names.")
            return Talk(title=text_field(path, ref, "title", item),
                        speaker=speaker, affiliation=str(person.get("affiliation", "")).strip())
    raise DataFileError(path, "föredraget som kursen bygger på saknas.", item="references",
                        fix="lägg till en referens med 'type: slides'.")


@cache
def publication(config_file: Path = CONFIG_FILE, citation_file: Path = CITATION_FILE) -> Publication:
    """Read and check the course's publication facts."""
    config = strip_lines(load_yaml(config_file))
    citation = strip_lines(load_yaml(citation_file))
    if not isinstance(config, dict) or not isinstance(citation, dict):
        bad = config_file if not isinstance(config, dict) else citation_file
        raise DataFileError(bad, "filen ska vara en mappning av fält.",
                            fix="skriv fälten som 'namn: värde'.")
    licence_id = text_field(citation_file, citation, "license", "license")
    if licence_id not in LICENCES:
        raise DataFileError(citation_file, f"licensen '{licence_id}' är okänd för utskriften.",
                            item="license",
                            fix=f"använd en av {', '.join(LICENCES)}, eller lägg till licensen "
                                "i LICENCES i widgets/content/publication.py.")
    authors = citation.get("authors") or []
    names = [str(a.get("name") or " ".join(filter(None, (a.get("given-names"), a.get("family-names")))))
             for a in authors if isinstance(a, dict)]
    names = [n.strip() for n in names if n and n.strip()]
    if not names:
        raise DataFileError(citation_file, "kursens författare saknas.", item="authors",
                            fix="lägg till '- name: …' under authors.")
    name, url = LICENCES[licence_id]
    return Publication(
        title=text_field(config_file, config, "title", "title"),
        site_url=site_url(config, config_file),
        authors=", ".join(names),
        licence=name,
        licence_url=url,
        version=str(citation.get("version") or "").strip() or "–",
        talk=_talk(citation_file, citation),
        keywords=tuple(str(k).strip() for k in citation.get("keywords") or [] if str(k).strip()),
    )
