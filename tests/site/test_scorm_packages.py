"""The SCORM 1.2 packages make book writes into _build/html/scorm/: one per numbered chapter and
one for the whole course; each manifest valid by the schemas the package carries (lxml); the
manifest, the zip and what the pages load agree; nothing in a package fetches another host or
the site, and the only absolute URLs are links the learner clicks to the published site."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from tests import nu_checker
from widgets.build import scorm
from widgets.build.scorm_manifest import ADLCP, IMSCP, SCHEMA_DIR, SCHEMA_FILES
from widgets.build.scorm_page import css_loads, js_loads, page_loads, remote_urls_in
from widgets.content import course
from widgets.content.publication import publication

CHAPTERS = course.chapters()
PACKAGES = [scorm.package_name(page.slug) for page in CHAPTERS] + [scorm.COURSE_PACKAGE]
SCHEMA_NAMESPACES = {"http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
                     ADLCP: "adlcp_rootv1p2.xsd",
                     "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd"}


@pytest.fixture(scope="module")
def packages(site) -> Path:
    out = site / "scorm"
    if not all((out / name).exists() for name in PACKAGES):
        scorm.build_all(site, out)
    return out


@pytest.fixture(scope="module", params=PACKAGES)
def package(request, packages, tmp_path_factory) -> Path:
    """One package, unzipped."""
    folder = tmp_path_factory.mktemp(request.param.removesuffix(".zip"))
    with zipfile.ZipFile(packages / request.param) as archive:
        assert archive.testzip() is None
        archive.extractall(folder)
    return folder


def manifest_files(folder: Path) -> dict[str, list[str]]:
    """Each SCO's page → the files its resource lists."""
    tree = ET.parse(folder / "imsmanifest.xml")
    return {r.get("href"): [f.get("href") for f in r.iter(f"{{{IMSCP}}}file")]
            for r in tree.iter(f"{{{IMSCP}}}resource")}


def loads_of(folder: Path, page: str) -> set[str]:
    """Every file a packaged page loads, following stylesheets and modules, read from the package."""
    pending = list(page_loads((folder / page).read_text(encoding="utf-8"), page))
    seen: set[str] = set()
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        file = folder / path
        assert file.is_file(), f"{page} loads {path}, which is not in the package"
        if path.endswith(".css"):
            pending += css_loads(file.read_text(encoding="utf-8"), path)
        elif path.endswith(".js"):
            pending += js_loads(file.read_text(encoding="utf-8"), path)
    return seen


def test_make_book_writes_a_package_per_chapter_and_one_for_the_course(packages):
    assert sorted(p.name for p in packages.glob("*.zip")) == sorted(PACKAGES)
    assert scorm.package_sizes(packages).keys() == set(PACKAGES)


def test_the_manifest_is_valid_by_the_schemas_in_the_package_root(package):
    for name in SCHEMA_FILES:
        assert (package / name).read_bytes() == (SCHEMA_DIR / name).read_bytes(), name
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{file}"/>'
                      for ns, file in SCHEMA_NAMESPACES.items())
    wrapper = etree.fromstring(f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}'
                               "</xsd:schema>", base_url=(package / "wrapper.xsd").as_uri())
    schema = etree.XMLSchema(wrapper)
    manifest = etree.parse(str(package / "imsmanifest.xml"))
    assert schema.validate(manifest), schema.error_log
    # and a broken one is caught by the same check
    text = (package / "imsmanifest.xml").read_bytes()
    broken = etree.fromstring(text.replace(b'scormtype="sco"', b'scormtype="x"'))
    assert not schema.validate(broken)


def test_title_identifier_mastery_score_and_course_order(package):
    tree = ET.parse(package / "imsmanifest.xml")
    root = tree.getroot()
    scos = list(manifest_files(package))
    expected = [page.html for page in CHAPTERS] if len(scos) > 1 else \
        [next(p.html for p in CHAPTERS if package.name.startswith(p.slug))]
    assert scos == expected
    assert root.get("identifier").startswith("tillitskursen")
    title = root.find(f".//{{{IMSCP}}}organization/{{{IMSCP}}}title").text
    assert title.startswith(publication().title)
    items = list(root.iter(f"{{{IMSCP}}}item"))
    assert [i.find(f"{{{IMSCP}}}title").text for i in items] == \
        [next(p.title for p in CHAPTERS if p.html == href) for href in scos]
    mastery = scorm.mastery_score()
    assert [i.find(f"{{{ADLCP}}}masteryscore").text for i in items] == [str(mastery)] * len(items)
    for resource in root.iter(f"{{{IMSCP}}}resource"):
        assert resource.get(f"{{{ADLCP}}}scormtype") == "sco"


def test_the_manifest_the_zip_and_what_the_pages_load_agree(package):
    listed = manifest_files(package)
    in_zip = {str(p.relative_to(package)) for p in package.rglob("*") if p.is_file()}
    every_listed = {f for files in listed.values() for f in files}
    assert every_listed <= in_zip, f"listed but not in the zip: {every_listed - in_zip}"
    assert in_zip - every_listed == {"imsmanifest.xml", *SCHEMA_FILES}, "in the zip but not listed"
    for page, files in listed.items():
        assert files[0] == page
        loaded = loads_of(package, page)
        assert loaded <= set(files), f"{page} loads files its resource does not list: {loaded - set(files)}"
        assert set(files) - {page} <= loaded, f"{page}'s resource lists files it does not load"
        assert any(f.startswith("_static/tk/quiz.") and f.endswith(".js") for f in files), \
            "the self-test's module is in the package"


def test_nothing_in_a_package_comes_from_another_host_or_the_site(package):
    site_url = publication().site_url
    files = [p for p in package.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert not names & {"sw.js", "manifest.webmanifest", "searchindex.js", "search.html"}
    for file in files:
        kind = {".html": "html", ".css": "css", ".js": "js"}.get(file.suffix)
        if kind is None:
            continue
        text = file.read_text(encoding="utf-8")
        remote = remote_urls_in(text, kind)
        if kind != "html":
            assert remote == [], f"{file.name} loads {remote}"
            continue
        soup = BeautifulSoup(text, "html.parser")
        assert not soup.select('link[rel~="manifest"], link[rel~="canonical"], form[action]')
        clicked = {a["href"] for a in soup.find_all("a", href=True)}
        for url in remote:
            assert url.startswith(site_url) and url in clicked, f"{file.name}: {url}"
        for anchor in soup.find_all("a", href=lambda h: h and h.startswith(site_url)):
            assert anchor.get("target") == "_blank", anchor
            assert anchor.find(class_="tk-visually-hidden"), f"{file.name}: says no new tab: {anchor}"


def test_each_page_carries_its_chapter_and_the_mastery_score(package):
    texts_needed = {"saved_platform", "platform_error"}
    for page in manifest_files(package):
        soup = BeautifulSoup((package / page).read_text(encoding="utf-8"), "html.parser")
        settings = json.loads(soup.find("script", id="tk-scorm").string)
        assert settings["chapter"] == Path(page).stem
        assert settings["mastery"] == scorm.mastery_score()
        assert texts_needed <= settings["texts"].keys()


def test_the_teacher_guide_gives_the_mastery_score_and_links_every_package(site):
    page = site / "book" / "lararhandledning" / "larplattform.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    text = " ".join(soup.get_text().split())
    assert f"{scorm.mastery_score()} procent" in text
    for name in PACKAGES:
        assert name in text, name
    links = {a["href"] for a in soup.find_all("a", href=True)}
    assert "../../scorm/tillitskursen-scorm12.zip" in links


def test_the_packaged_pages_are_valid_html(packages, tmp_path):
    """The pages as rewritten for the packages pass the same Nu HTML check as the site's pages."""
    with zipfile.ZipFile(packages / scorm.COURSE_PACKAGE) as archive:
        archive.extractall(tmp_path)
    found = nu_checker.messages([tmp_path / page.html for page in CHAPTERS])
    errors = nu_checker.errors(found, [re.compile(e["message"]) for e in nu_checker.exceptions()])
    assert errors == [], "\n".join(errors[:40])
