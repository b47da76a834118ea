"""Print the course's performance figures (a table; nothing here is a timed test).

    .venv/bin/python tools/benchmark.py                 # pages of the built site (make book first)
    .venv/bin/python tools/benchmark.py --builds        # + clean and incremental build, nbval
    .venv/bin/python tools/benchmark.py --stock         # + a chapter built with the stock widget
                                                        #   runtime (@jupyter-widgets/html-manager,
                                                        #   from npm) for comparison
    .venv/bin/python tools/benchmark.py --lighthouse --baseline ../wt-baseline/_build/html
                                                        # + Lighthouse (mobile) on every page of
                                                        #   _toc.yml, side by side with another build

Per page: requests, bytes of JS, CSS, fonts, images, HTML, and widget data (the widget state
embedded in the page), uncompressed and gzipped; the JavaScript the course adds beyond the
theme (widget host + widget modules); time to the load event in headless Chromium. Then the
whole site's size. Goals (issue tracker): chapter page with self-test and explorer
≤ 2.6 MB in total; ≤ 300 KB JS beyond the theme; clean build ≤ 60 s; incremental ≤ 15 s;
nbval for all chapters ≤ 120 s.

With ``--lighthouse``: Lighthouse 12 (mobile preset, simulated slow 4G; see
:mod:`widgets.build.lighthouse`) on every page, served like GitHub Pages (gzip, ``max-age=600``;
:mod:`widgets.build.serve`): the four category scores, FCP, LCP, TBT, CLS and the bytes
transferred on a first visit, by resource type; then a repeat visit (chapter 2 after chapter 1,
warm cache). With ``--baseline DIR`` every page is measured in that build too, alternating page
by page in the same browser, so both columns see the same machine load. Goals (issue 13):
performance ≥ 95, ≤ 200 KB on a first visit, CLS ≤ 0.02 on every page.
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
from contextlib import ExitStack
from pathlib import Path

from playwright.sync_api import sync_playwright

from widgets.build.browser import CHROMIUM_ARGS, block_other_hosts, chromium_path, serve, settle
from widgets.build.lighthouse import RESOURCE_TYPES, Lighthouse
from widgets.build.scorm import package_sizes
from widgets.content import course
from widgets.paths import ROOT

SITE = ROOT / "_build" / "html"
BIN = Path(sys.executable).parent
#: The JavaScript the course adds beyond the theme: the widget host and the widget modules.
COURSE_JS = re.compile(r"/_static/(widget-host\.js|tk/[a-z]+\.[0-9a-f]{12}\.js)$")
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
    course_files: dict[str, int] = {}

    def on_response(response):
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        bodies.append((kind(response.url, response.headers.get("content-type", "")), body))
        if COURSE_JS.search(response.url.split("?")[0]):
            course_files[response.url] = len(body)

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
    # modules the state carries as code (older builds) plus the module files the page loaded
    modules = set()
    if state_json:
        for model in json.loads(state_json).get("state", {}).values():
            esm = model.get("state", {}).get("_esm")
            if esm and "tk-module:" not in esm[:20]:
                modules.add(esm)
    course_js = sum(len(m.encode()) for m in modules) + sum(course_files.values())
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
            context = browser.new_context(service_workers="block")
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


#: Budgets of issue 13 for every page (mobile Lighthouse, first visit).
PERFORMANCE_GOAL, BYTES_GOAL, CLS_GOAL = 95, 200_000, 0.02


def lighthouse_table(sites: dict[str, Path], pages: list[str], runs: int = 1) -> dict[str, dict]:
    """Lighthouse on ``pages`` of each site (label → built site), page by page in turn."""
    results: dict[str, dict] = {label: {} for label in sites}
    with ExitStack() as stack:
        bases = {label: stack.enter_context(serve(site)) for label, site in sites.items()}
        lighthouse = stack.enter_context(Lighthouse())
        for path in pages:
            for label, base in bases.items():
                results[label][path] = lighthouse.median_run(base + path, runs)
        first, second = pages_for_repeat_visit(pages)
        for label, base in bases.items():
            results[label]["repeat"] = lighthouse.repeat_visit(base + first, base + second)
    return results


def pages_for_repeat_visit(pages: list[str]) -> tuple[str, str]:
    """Chapter 1, then chapter 2: the commonest second page a learner opens."""
    chapters = [p for p in pages if p.startswith("book/") and p != "book/intro.html"]
    return chapters[0], chapters[1]


def print_lighthouse(results: dict[str, dict], pages: list[str]) -> None:
    labels = list(results)
    print("\nLighthouse 12.8.2, mobile (simulated slow 4G), first visit; served with gzip and "
          "max-age=600. Per page: " + " | ".join(labels))
    head = f"{'sida':42} " + " | ".join(
        f"{'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'FCP':>5} {'LCP':>5} {'TBT':>4} {'CLS':>5} {'KB':>6}"
        for _ in labels)
    print(head)
    print("-" * len(head))
    for path in pages:
        cells = []
        for label in labels:
            r = results[label][path]
            m = r.metrics
            cells.append(f"{r.scores.get('performance', 0):4d} {r.scores.get('accessibility', 0):4d} "
                         f"{r.scores.get('best-practices', 0):4d} {r.scores.get('seo', 0):4d} "
                         f"{m['fcp'] / 1000:5.1f} {m['lcp'] / 1000:5.1f} {m['tbt']:4.0f} "
                         f"{m['cls']:5.3f} {r.bytes / 1000:6.1f}")
        print(f"{path[:42]:42} " + " | ".join(cells))
    print("\nBytes transferred on a first visit by type (KB, gzip): " + " | ".join(labels))
    head = f"{'sida':42} " + " | ".join(" ".join(f"{t[:6]:>6}" for t in RESOURCE_TYPES) + f" {'req':>3}"
                                         for _ in labels)
    print(head)
    print("-" * len(head))
    for path in pages:
        cells = [" ".join(f"{results[label][path].by_type[t] / 1000:6.1f}" for t in RESOURCE_TYPES)
                 + f" {results[label][path].requests:3d}" for label in labels]
        print(f"{path[:42]:42} " + " | ".join(cells))
    first, second = pages_for_repeat_visit(pages)
    print(f"\nRepeat visit: {second} right after {first} (same browser profile, warm HTTP cache)")
    for label in labels:
        cold, warm = results[label]["repeat"]
        parts = ", ".join(f"{t} {warm.by_type[t] / 1000:.1f}" for t in RESOURCE_TYPES if warm.by_type[t])
        print(f"  {label:10} first {cold.bytes / 1000:6.1f} KB, then {warm.bytes / 1000:6.1f} KB "
              f"({parts or 'nothing'}); performance {warm.scores.get('performance', 0)}")
    for label in labels:
        rows = [results[label][p] for p in pages]
        worst_perf = min(r.scores.get("performance", 0) for r in rows)
        most_bytes = max(r.bytes for r in rows)
        worst_cls = max(r.metrics["cls"] for r in rows)
        ok = worst_perf >= PERFORMANCE_GOAL and most_bytes <= BYTES_GOAL and worst_cls <= CLS_GOAL
        print(f"  {label:10} lowest performance {worst_perf} (goal ≥ {PERFORMANCE_GOAL}), most bytes "
              f"{most_bytes / 1000:.1f} KB (goal ≤ {BYTES_GOAL // 1000}), highest CLS {worst_cls:.3f} "
              f"(goal ≤ {CLS_GOAL}): {'all goals met' if ok else 'NOT met'}")


def print_scorm_packages(site: Path) -> None:
    """The SCORM 1.2 packages' sizes (make book writes them; widgets.build.scorm)."""
    sizes = package_sizes(site / "scorm")
    if not sizes:
        print("\nSCORM packages: none in the build (make book writes them)")
        return
    total = kb(sum(sizes.values())).strip()
    print(f"\nSCORM 1.2 packages (KB, zip): {len(sizes)} packages, {total} KB in all")
    for name, size in sizes.items():
        print(f"  {name:48} {kb(size)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--builds", action="store_true", help="also time builds and nbval")
    parser.add_argument("--stock", action="store_true", help="also measure the stock widget runtime")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse on every page")
    parser.add_argument("--baseline", type=Path, help="another build to measure side by side")
    parser.add_argument("--runs", type=int, default=1,
                        help="Lighthouse runs per page and site (the median is reported)")
    parser.add_argument("--skip-pages", action="store_true", help="skip the Playwright page table")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        print("Bygg först: make book", file=sys.stderr)
        return 1
    print(f"Tillitskursen benchmark, {time.strftime('%Y-%m-%d')}, {platform.node()}: "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}")
    print_scorm_packages(args.site)
    pages = [p.html for p in course.pages()] + ["search.html"]
    if args.lighthouse:
        sites = {"före": args.baseline, "efter": args.site} if args.baseline else {"nu": args.site}
        toc_pages = [p.html for p in course.pages()]
        print_lighthouse(lighthouse_table(sites, toc_pages, args.runs), toc_pages)
    if args.skip_pages:
        return 0
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
