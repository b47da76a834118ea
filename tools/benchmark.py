"""Print the course's performance figures (a table; nothing here is a timed test).

    .venv/bin/python tools/benchmark.py                 # pages of the built site (make book first)
    .venv/bin/python tools/benchmark.py --builds        # + clean and incremental build, nbval
    .venv/bin/python tools/benchmark.py --stock         # + a chapter built with the stock widget
                                                        #   runtime (@jupyter-widgets/html-manager,
                                                        #   from npm) for comparison

Per page: requests, bytes of JS, CSS, fonts, images, HTML, and widget data (the widget state
embedded in the page), uncompressed and gzipped; the JavaScript the course adds beyond the
theme (widget host + widget modules); time to the load event in headless Chromium. Then the
whole site's size. Goals (issue tracker): chapter page with self-test and explorer
≤ 2.6 MB in total; ≤ 300 KB JS beyond the theme; clean build ≤ 60 s; incremental ≤ 15 s;
nbval for all chapters ≤ 120 s.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from widgets.build.browser import CHROMIUM_ARGS, block_other_hosts, chromium_path, serve, settle
from widgets.content import course
from widgets.paths import ROOT

SITE = ROOT / "_build" / "html"
BIN = Path(sys.executable).parent
STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', re.S)


def kind(url: str, content_type: str) -> str:
    path = url.split("?")[0]
    if path.endswith(".js") or "javascript" in content_type:
        return "js"
    if path.endswith(".css") or "css" in content_type:
        return "css"
    if path.endswith((".woff2", ".woff", ".ttf")) or "font" in content_type:
        return "fonts"
    if path.endswith((".png", ".svg", ".jpg", ".gif", ".ico")) or content_type.startswith("image/"):
        return "images"
    if path.endswith((".html", "/")) or "html" in content_type:
        return "html"
    return "other"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def measure_page(page, base: str, path: str, wait=settle) -> dict:
    sizes: dict[str, list[int]] = {}
    blocked: list[str] = []
    bodies: list[tuple[str, bytes]] = []

    def on_response(response):
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        bodies.append((kind(response.url, response.headers.get("content-type", "")), body))

    page.on("response", on_response)
    block_other_hosts(page, base, blocked)
    page.goto(base + path)
    wait(page)
    page.wait_for_timeout(300)
    load_ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.remove_listener("response", on_response)
    html_text = next((b.decode("utf-8", "replace") for k, b in bodies if k == "html"), "")
    state_json = "".join(STATE.findall(html_text))
    # the widget state is data inside the HTML: count it apart from the page's markup
    for k, body in bodies:
        if k == "html" and state_json:
            body = body.replace(state_json.encode(), b"")
        sizes.setdefault(k, []).append(len(body))
        sizes.setdefault(k + "_gz", []).append(gz(body))
    sizes["data"] = [len(state_json.encode())]
    sizes["data_gz"] = [gz(state_json.encode())]
    modules = set()
    if state_json:
        for model in json.loads(state_json).get("state", {}).values():
            esm = model.get("state", {}).get("_esm")
            if esm:
                modules.add(esm)
    host = SITE / "_static" / "widget-host.js"
    host_bytes = host.stat().st_size if state_json and host.exists() else 0
    course_js = sum(len(m.encode()) for m in modules) + host_bytes
    total = {k: sum(v) for k, v in sizes.items()}
    return {"page": path, "requests": len(bodies), "blocked": len(blocked), "load_ms": round(load_ms),
            "course_js": course_js, **total,
            "total": sum(v for k, v in total.items() if not k.endswith("_gz")),
            "total_gz": sum(v for k, v in total.items() if k.endswith("_gz"))}


def kb(n: int) -> str:
    return f"{n / 1000:7.1f}"


def page_table(site: Path, pages: list[str], wait=settle) -> list[dict]:
    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for path in pages:
            context = browser.new_context()
            page = context.new_page()
            rows.append(measure_page(page, base, path, wait))
            context.close()
        browser.close()
    return rows


def print_pages(rows: list[dict], title: str) -> None:
    print(f"\n{title} (KB; uncompressed, gzip in the total column)")
    head = (f"{'sida':42} {'req':>4} {'JS':>7} {'CSS':>7} {'fonter':>7} {'bilder':>7} {'HTML':>7} "
            f"{'data':>7} {'totalt':>7} {'gzip':>7} {'kursJS':>7} {'load ms':>8}")
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['page'][:42]:42} {r['requests']:4d} {kb(r.get('js', 0))} {kb(r.get('css', 0))} "
              f"{kb(r.get('fonts', 0))} {kb(r.get('images', 0))} {kb(r.get('html', 0))} {kb(r['data'])} "
              f"{kb(r['total'])} {kb(r['total_gz'])} {kb(r['course_js'])} {r['load_ms']:8d}")
        if r["blocked"]:
            print(f"   !!! {r['blocked']} requests to other hosts were blocked")


def site_size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        print(result.stdout[-2000:], result.stderr[-2000:])
        raise SystemExit(f"failed: {' '.join(command)}")
    return time.perf_counter() - start


def build_times() -> None:
    out = Path(tempfile.mkdtemp(prefix="tk-bench-"))
    build = [str(BIN / "jupyter-book"), "build", ".", "--path-output", str(out), "-W", "--keep-going"]
    clean = timed(build)
    chapter = ROOT / "book" / "vad-ar-tillit.ipynb"
    os.utime(chapter)
    incremental = timed(build)
    notebooks = [str(p.path) for p in course.pages() if p.is_notebook]
    nbval = timed([str(BIN / "python"), "-m", "pytest", "-q", "-p", "no:xdist", *notebooks])
    shutil.rmtree(out, ignore_errors=True)
    print("\nBuild and test times (s)")
    print(f"  clean build (jupyter-book, -W)          {clean:6.1f}   goal ≤ 60")
    print(f"  incremental build (one chapter changed) {incremental:6.1f}   goal ≤ 15")
    print(f"  nbval, all {len(notebooks)} notebooks, one process  {nbval:6.1f}   goal ≤ 120")


def stock_runtime_page(page: str) -> list[dict]:
    """Build the site with the stock widget runtime (vendored from npm) and measure ``page``."""
    work = Path(tempfile.mkdtemp(prefix="tk-stock-"))
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(work),
                    "@jupyter-widgets/html-manager@1.0.15", "requirejs@2.3.7", "anywidget@0.11.0"],
                   check=True, capture_output=True)
    static = work / "stock"
    static.mkdir()
    modules = work / "node_modules"
    shutil.copy(modules / "requirejs" / "require.js", static / "require.js")
    shutil.copy(modules / "@jupyter-widgets" / "html-manager" / "dist" / "embed-amd.js",
                static / "embed-amd.js")
    shutil.copy(modules / "anywidget" / "dist" / "index.js", static / "anywidget.js")
    (static / "stock-config.js").write_text(
        "require.config({paths: {anywidget: document.documentElement.dataset.content_root + "
        "'_static/anywidget'}});\n", encoding="utf-8")
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    config = config.replace('html_static_path: ["book/_assets"]',
                            f'html_static_path: ["book/_assets", "{static}"]')
    config = config.replace("      widget-host.js: {}",
                            "      require.js: {}\n      stock-config.js: {}\n      embed-amd.js: {}")
    stock_config = work / "_config.yml"
    stock_config.write_text(config, encoding="utf-8")
    out = work / "out"
    timed([str(BIN / "jupyter-book"), "build", ".", "--config", str(stock_config),
           "--path-output", str(out), "--all"])
    # the stock runtime draws its own elements: wait for the network to go quiet instead
    rows = page_table(out / "_build" / "html", [page],
                      wait=lambda p: p.wait_for_load_state("networkidle"))
    for row in rows:
        row["course_js"] = sum((static / f).stat().st_size for f in ("require.js", "embed-amd.js",
                                                                     "anywidget.js", "stock-config.js"))
    shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--builds", action="store_true", help="also time builds and nbval")
    parser.add_argument("--stock", action="store_true", help="also measure the stock widget runtime")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        print("Bygg först: make book", file=sys.stderr)
        return 1
    print(f"Tillitskursen benchmark, {time.strftime('%Y-%m-%d')}, {platform.node()}: "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}")
    pages = [p.html for p in course.pages()] + ["search.html"]
    rows = page_table(args.site, pages)
    print_pages(rows, "Pages of the built site")
    theme_only = next(r for r in rows if r["page"].endswith("kallor.html"))
    heaviest = max(rows, key=lambda r: r["total"])
    print(f"\n  theme-only page (Källor): {kb(theme_only['total'])} KB; heaviest page: "
          f"{heaviest['page']} {kb(heaviest['total'])} KB (goal ≤ 2600)")
    print(f"  most course JS on a page: {kb(max(r['course_js'] for r in rows))} KB (goal ≤ 300)")
    count, size = site_size(args.site)
    pdf = sum(p.stat().st_size for p in (args.site / "pdf").glob("*.pdf"))
    print(f"  whole site: {count} files, {size / 1e6:.1f} MB (of which PDF {pdf / 1e6:.1f} MB)")
    if args.stock:
        print_pages(stock_runtime_page("book/vad-ar-tillit.html"),
                    "The chapter-1 page built with the stock widget runtime instead")
    if args.builds:
        build_times()
    return 0


if __name__ == "__main__":
    sys.exit(main())
