"""Screenshot a page of the built site in headless Chromium (for looking at layout).

    .venv/bin/python tools/screenshot.py book/vad-ar-tillit.html /tmp/kapitel.png [--width 375] [--dark]

Serves _build/html (or --site DIR) on 127.0.0.1, blocks every other host, and prints any
console errors and blocked requests.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from widgets.build.browser import CHROMIUM_ARGS, block_other_hosts, chromium_path, serve, settle
from widgets.paths import ROOT

SITE = ROOT / "_build" / "html"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("output")
    parser.add_argument("--site", default=str(SITE))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--click", action="append", default=[], help="CSS selector to click first")
    args = parser.parse_args()
    blocked, errors = [], []
    with serve(Path(args.site)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height},
                                color_scheme="dark" if args.dark else "light",
                                service_workers="block")
        block_other_hosts(page, base, blocked)
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + args.page)
        settle(page)
        for selector in args.click:
            page.click(selector)
        page.wait_for_timeout(300)
        page.screenshot(path=args.output, full_page=True)
        browser.close()
    print(f"sparade {args.output}; blockerade: {blocked or 'inga'}; konsolfel: {errors or 'inga'}")
    return 1 if blocked or errors else 0


if __name__ == "__main__":
    sys.exit(main())
