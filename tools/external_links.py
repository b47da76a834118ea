"""List (and with --check, try) every link from the built site to another host.

The tests check internal links and anchors (tests/test_links.py). External links are only
checked here, in a separate, non-blocking job: the test machines have no internet.

    .venv/bin/python tools/external_links.py            # list them, with the pages that use them
    .venv/bin/python tools/external_links.py --check    # also request each one (needs internet)
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = ("_static", "_sources")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href and href.startswith(("http://", "https://")):
            self.links.append(href.split("#")[0])


def external_links(site: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for page in sorted(site.rglob("*.html")):
        if any(part in SKIP for part in page.parts):
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in dict.fromkeys(parser.links):
            found[link].append(str(page.relative_to(site)))
    return dict(sorted(found.items()))


def check(url: str) -> str:
    request = urllib.request.Request(url, method="GET", headers={"User-Agent": "Tillitskursen-lankkontroll"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return str(response.status)
    except urllib.error.HTTPError as err:
        return str(err.code)
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        return f"fel: {getattr(err, 'reason', err)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--check", action="store_true", help="request each link (needs internet)")
    args = parser.parse_args()
    links = external_links(args.site)
    broken = 0
    for url, pages in links.items():
        status = check(url) if args.check else "-"
        if args.check and not status.startswith(("2", "3")):
            broken += 1
        print(f"{status:>6}  {url}  ({len(pages)} sidor, t.ex. {pages[0]})")
    print(f"\n{len(links)} externa länkar" + (f", {broken} svarade inte med 2xx/3xx." if args.check else "."))
    # red when a link is broken (the workflow runs it with continue-on-error: it warns, a
    # flaky outside site does not block a pull request)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
