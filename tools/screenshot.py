"""Screenshot a page of the built site in headless Chromium (for looking at layout).

    .venv/bin/python tools/screenshot.py book/vad-ar-tillit.html /tmp/kapitel.png [--width 375] [--dark]

Serves _build/html (or --site DIR) on 127.0.0.1, blocks every other host, and prints any
console errors and blocked requests.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.helpers import CHROMIUM_ARGS, SITE, chromium_path, settle  # noqa: E402


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


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
    handler = functools.partial(_Quiet, directory=args.site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    blocked, errors = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height},
                                color_scheme="dark" if args.dark else "light")
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith((base, "blob:", "data:"))
                   else (blocked.append(r.request.url), r.abort()))
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
