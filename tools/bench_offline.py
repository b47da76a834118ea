"""Lighthouse (mobile) with and without the offline parts: the built site, and a copy whose pages
have no manifest link and no tk-offline.js (so no worker is registered); alternating, in the
same browser, so both see the same machine load. Run from the repository root after make book:

    .venv/bin/python tools/bench_offline.py
"""

import re
import shutil
import tempfile
from pathlib import Path

from widgets.build.browser import serve
from widgets.build.lighthouse import Lighthouse

site = Path("_build/html")
base = Path(tempfile.mkdtemp()) / "html"
shutil.copytree(site, base, ignore=shutil.ignore_patterns("pdf", "fragebank"))
for page in base.rglob("*.html"):
    text = page.read_text("utf-8")
    text = re.sub(r'\n?<link rel="manifest"[^>]*>', "", text)
    text = re.sub(r'<script[^>]*tk-offline\.js[^>]*></script>', "", text)
    page.write_text(text, "utf-8")
pages = ["book/intro.html", "book/sjalvuppfyllande-forvantningar.html", "book/min-oversikt.html"]
categories = ("performance", "accessibility", "best-practices", "seo")
with serve(site) as a, serve(base) as b, Lighthouse(categories=categories) as lh:
    for path in pages:
        for label, url in (("with offline", a), ("without", b)) * 2:
            r = lh.run(url + path)
            m = r.metrics
            print(f"{path:45s} {label:13s} {r.scores} FCP {m.get('fcp', 0) / 1000:.2f} "
                  f"LCP {m.get('lcp', 0) / 1000:.2f} TBT {m.get('tbt', 0):.0f} "
                  f"CLS {m.get('cls', 0):.3f}", flush=True)
