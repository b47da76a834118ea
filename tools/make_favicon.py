"""Write book/_extra/favicon.ico (16, 32 and 48 px) from book/_assets/favicon.svg.

Browsers ask for /favicon.ico on their own for anything that names no icon (a PDF, a text
file, an old bookmark); without it the server answers 404. Pages name the SVG; this file is
the same picture for everything else. Chromium draws the SVG, Pillow packs the ICO.
Run again after changing the SVG: ``.venv/bin/python tools/make_favicon.py``.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

from widgets.build.browser import CHROMIUM_ARGS, chromium_path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "book" / "_assets" / "favicon.svg"
ICO = ROOT / "book" / "_extra" / "favicon.ico"
SIZE = 256


def main() -> None:
    svg = SVG.read_text(encoding="utf-8")
    page_html = (f'<body style="margin:0;background:transparent">'
                 f'<div style="width:{SIZE}px;height:{SIZE}px">{svg}</div></body>')
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": SIZE, "height": SIZE})
        page.set_content(page_html.replace("<svg ", f'<svg width="{SIZE}" height="{SIZE}" '))
        png = page.screenshot(omit_background=True)
        browser.close()
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    ICO.parent.mkdir(parents=True, exist_ok=True)
    image.save(ICO, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    print(f"{ICO.relative_to(ROOT)}: {ICO.stat().st_size} bytes")


if __name__ == "__main__":
    main()
