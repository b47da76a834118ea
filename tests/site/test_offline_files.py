"""The offline files the build writes (widgets/site/offline.py): the manifest and its icons,
sw.js with every page and the files they use, the version in every page."""

from __future__ import annotations

import json
import re

from PIL import Image

from widgets.site.offline import SKIPPED_DIRS, site_files


def worker_data(site) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const TK_OFFLINE = (\{.*?\});\n", text, re.S).group(1))


def test_the_manifest_is_swedish_installable_and_relative(site):
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "sv" and manifest["name"] == "Tillitskursen"
    assert manifest["display"] == "standalone" and manifest["theme_color"] == "#1d5b8f"
    # relative URLs: the site works under a sub-path such as /tillitskursen/
    for url in [manifest["start_url"], manifest["scope"], manifest["id"],
                *(icon["src"] for icon in manifest["icons"])]:
        assert not url.startswith(("/", "http")), url
    assert (site / manifest["start_url"]).is_file()
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        with Image.open(site / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
            # the course's blue is in the picture (drawn from the favicon, not blank)
            assert (29, 91, 143, 255) in {c for _, c in image.convert("RGBA").getcolors(1 << 20)}


def test_the_worker_lists_every_page_and_what_they_use(site):
    data = worker_data(site)
    files = data["files"]
    pages = [p for p in site.rglob("*.html")
             if p.relative_to(site).parts[0] not in (*SKIPPED_DIRS, "_static")]
    for page in pages:
        assert page.relative_to(site).as_posix() in files
    for path in site_files(site):
        assert path.relative_to(site.resolve()).as_posix() in files
    assert "manifest.webmanifest" in files and "searchindex.js" in files
    assert not [f for f in files if f.endswith((".pdf", ".zip")) or f.startswith(("_sources/", "/"))]
    assert data["bytes"] > 0 and re.fullmatch(r"[0-9a-f]{12}", data["version"])


def test_every_page_names_the_version_and_the_manifest(site):
    version = worker_data(site)["version"]
    for page in ("book/intro.html", "book/min-oversikt.html", "book/lararhandledning/facit.html"):
        head = (site / page).read_text(encoding="utf-8").split("</head>", 1)[0]
        assert f'<meta name="tk-version" content="{version}" />' in head
        assert re.search(r'<link rel="manifest" href="(\.\./)+manifest\.webmanifest" />', head)
