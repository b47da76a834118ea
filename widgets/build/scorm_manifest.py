"""The ``imsmanifest.xml`` of a SCORM 1.2 package, and its check against the schemas.

A package has one organisation; each chapter is one item and one SCO resource that lists every
file its page loads (so a platform that copies resources one by one gets them all). The
schema files (IMS Content Packaging 1.1.2, IMS metadata 1.2.1, ADL SCORM 1.2) are kept in
``scorm_schemas/`` (from the PyPI package plct-bulder-for-sphinx 0.0.5; see its README.md)
and go into each package's root, as SCORM 1.2 requires.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

SCHEMA_DIR = Path(__file__).parent / "scorm_schemas"
#: The schema files a package carries in its root.
SCHEMA_FILES = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd")

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd "
                   f"{ADLCP} adlcp_rootv1p2.xsd")

ET.register_namespace("", IMSCP)
ET.register_namespace("adlcp", ADLCP)
ET.register_namespace("xsi", XSI)


@dataclass(frozen=True)
class Sco:
    """One chapter in a package: its id (the page's slug), title, page and every file it loads."""

    slug: str
    title: str
    href: str
    files: tuple[str, ...]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def manifest_xml(identifier: str, title: str, scos: list[Sco], mastery_score: int) -> bytes:
    """The manifest of a package with ``scos`` in course order."""
    root = ET.Element(f"{{{IMSCP}}}manifest", {"identifier": identifier, "version": "1.2",
                                               f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION})
    metadata = _sub(root, f"{{{IMSCP}}}metadata")
    _sub(metadata, f"{{{IMSCP}}}schema", "ADL SCORM")
    _sub(metadata, f"{{{IMSCP}}}schemaversion", "1.2")
    organizations = _sub(root, f"{{{IMSCP}}}organizations", default="org")
    organization = _sub(organizations, f"{{{IMSCP}}}organization", identifier="org")
    _sub(organization, f"{{{IMSCP}}}title", title)
    resources = _sub(root, f"{{{IMSCP}}}resources")
    for sco in scos:
        item = _sub(organization, f"{{{IMSCP}}}item", identifier=f"item-{sco.slug}",
                    identifierref=f"res-{sco.slug}", isvisible="true")
        _sub(item, f"{{{IMSCP}}}title", sco.title)
        _sub(item, f"{{{ADLCP}}}masteryscore", str(mastery_score))
        resource = _sub(resources, f"{{{IMSCP}}}resource", **{
            "identifier": f"res-{sco.slug}", "type": "webcontent",
            f"{{{ADLCP}}}scormtype": "sco", "href": sco.href})
        for file in sco.files:
            _sub(resource, f"{{{IMSCP}}}file", href=file)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def schema(schema_dir: Path = SCHEMA_DIR):
    """An lxml schema that checks a manifest against IMS CP 1.1.2, IMS MD 1.2.1 and ADL SCORM 1.2."""
    from lxml import etree  # a test and build dependency, imported where it is needed

    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{name}"/>'
                      for ns, name in ((IMSCP, "imscp_rootv1p1p2.xsd"), (ADLCP, "adlcp_rootv1p2.xsd"),
                                       (IMSMD, "imsmd_rootv1p2p1.xsd")))
    wrapper = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    document = etree.fromstring(wrapper.encode(), base_url=(schema_dir / "all.xsd").as_uri())
    return etree.XMLSchema(document)


def manifest_errors(data: bytes, schema_dir: Path = SCHEMA_DIR) -> list[str]:
    """What is wrong with a manifest by the schemas (empty when it is valid)."""
    from lxml import etree

    checker = schema(schema_dir)
    if checker.validate(etree.fromstring(data)):
        return []
    return [f"rad {e.line}: {e.message}" for e in checker.error_log]
