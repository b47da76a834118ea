"""Lighthouse (pinned in package.json) against a served copy of the site, offline, from Python.

    python -m widgets.build.lighthouse URL [URL …]          # cold visits, one table row each
    python -m widgets.build.lighthouse --repeat FIRST SECOND   # SECOND after FIRST, warm cache

Every run uses Lighthouse's mobile preset with its default simulated throttling (slow 4G,
150 ms round trip, 1.6 Mbit/s, a mid-range phone's CPU) and Debian's Chromium. One Chromium
(its own temporary profile, ``--headless=new``) serves all runs of a :class:`Lighthouse`; before
each cold run Lighthouse clears the cache and storage, so every page is a first visit.

A *repeat visit* is two runs in the same profile: the first page cold, then the second page
with ``--disable-storage-reset``, so the HTTP cache the first visit filled (``max-age=600`` from
:mod:`widgets.build.serve`) is used, as when a learner goes on to the next chapter. Its byte
counts are what Lighthouse saw transferred over the network on the second page: files served
from the cache count 0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from widgets.build.browser import chromium_path
from widgets.paths import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
#: Runs several pages in one Node process (Lighthouse's Node API, the same settings as the CLI).
RUNS_SCRIPT = Path(__file__).with_name("lighthouse_runs.mjs")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: Lighthouse's resource types, in the order the tables show them.
RESOURCE_TYPES = ("document", "script", "stylesheet", "font", "image", "other")
METRICS = {"fcp": "first-contentful-paint", "lcp": "largest-contentful-paint",
           "tbt": "total-blocking-time", "cls": "cumulative-layout-shift", "si": "speed-index"}


@dataclass
class Result:
    """One Lighthouse run: scores 0–100, metrics (ms; CLS unitless), bytes transferred."""

    url: str
    scores: dict[str, int]
    metrics: dict[str, float]
    bytes: int
    by_type: dict[str, int]
    requests: int
    failed_audits: dict[str, list[str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_report(cls, report: dict) -> Result:
        audits = report["audits"]
        scores = {name: round(100 * cat["score"]) for name, cat in report["categories"].items()
                  if cat.get("score") is not None}
        metrics = {short: audits[name]["numericValue"] for short, name in METRICS.items()
                   if name in audits and audits[name].get("numericValue") is not None}
        summary = {item["resourceType"]: item for item in                # (performance only)
                   audits.get("resource-summary", {}).get("details", {}).get("items", [])}
        by_type = {kind: summary.get(kind, {}).get("transferSize", 0) for kind in RESOURCE_TYPES}
        failed = {}
        for name, category in report["categories"].items():
            if name == "performance":
                continue
            failing = [ref["id"] for ref in category["auditRefs"] if ref.get("weight", 0) > 0
                       and audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1]
            if failing:
                failed[name] = failing
        return cls(url=report["finalDisplayedUrl"], scores=scores, metrics=metrics,
                   bytes=int(audits.get("total-byte-weight", {}).get("numericValue", 0)), by_type=by_type,
                   requests=summary.get("total", {}).get("requestCount", 0),
                   failed_audits=failed, warnings=list(report.get("runWarnings", [])))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lighthouse:
    """A Chromium with a remote-debugging port and a temporary profile, for Lighthouse runs.

    Use as a context manager; :meth:`run` measures one URL.
    """

    def __init__(self, categories: tuple[str, ...] = CATEGORIES):
        if not LIGHTHOUSE.exists():
            raise RuntimeError(f"{LIGHTHOUSE} saknas. Kör 'npm ci' i kursens mapp.")
        executable = chromium_path()
        if executable is None:
            raise RuntimeError("Ingen Chromium hittades. Kör 'make chromium' eller sätt "
                               "TILLITSKURSEN_CHROMIUM.")
        self.categories = categories
        self._chromium = executable
        self._profile: Path | None = None
        self._process: subprocess.Popen | None = None
        self.port = 0

    def __enter__(self) -> Lighthouse:
        self._profile = Path(tempfile.mkdtemp(prefix="tk-lighthouse-"))
        self.port = _free_port()
        self._process = subprocess.Popen(
            [self._chromium, "--headless=new", "--no-sandbox", f"--remote-debugging-port={self.port}",
             f"--user-data-dir={self._profile}", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--disable-default-apps", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError("Chromium startade inte (ingen port för fjärrstyrning).")

    def __exit__(self, *exc) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=20)
            self._process = None
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    def run(self, url: str, *, keep_cache: bool = False) -> Result:
        """One Lighthouse run on ``url``: cold, or with the cache of earlier runs (``keep_cache``)."""
        return self.run_many([url], keep_cache=keep_cache)[0]

    def run_many(self, urls: list[str], *, keep_cache: bool = False) -> list[Result]:
        """One run per URL, in order, in one Node process (Lighthouse takes seconds to load):
        each cold, or each with the cache of the runs before it (``keep_cache``)."""
        with tempfile.TemporaryDirectory(prefix="tk-lh-report-") as folder:
            command = ["node", str(RUNS_SCRIPT), str(self.port), ",".join(self.categories), folder,
                       *(url + (":keep" if keep_cache else "") for url in urls)]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                                  timeout=300 * len(urls))
            reports = [Path(folder) / f"{index}.json" for index in range(len(urls))]
            if done.returncode != 0 or not all(report.exists() for report in reports):
                raise RuntimeError(f"Lighthouse misslyckades för {', '.join(urls)}:\n{done.stderr[-2000:]}")
            return [Result.from_report(json.loads(report.read_text(encoding="utf-8")))
                    for report in reports]

    def median_run(self, url: str, runs: int) -> Result:
        """The run with the median performance score of ``runs`` cold runs (Lighthouse's own
        advice for noisy machines: several runs, report the median)."""
        results = [self.run(url) for _ in range(max(1, runs))]
        middle = statistics.median_low(r.scores.get("performance", 0) for r in results)
        return next(r for r in results if r.scores.get("performance", 0) == middle)

    def repeat_visit(self, first: str, second: str) -> tuple[Result, Result]:
        """``first`` cold, then ``second`` with the cache the first visit filled."""
        return self.run(first), self.run(second, keep_cache=True)


def row(result: Result) -> str:
    scores = " ".join(f"{result.scores.get(c, 0):4d}" for c in CATEGORIES)
    m = result.metrics
    return (f"{scores} {m.get('fcp', 0) / 1000:5.1f} {m.get('lcp', 0) / 1000:5.1f} "
            f"{m.get('tbt', 0):5.0f} {m.get('cls', 0):6.3f} {result.bytes / 1000:7.1f}")


HEADER = (f"{'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} {'FCP s':>5} {'LCP s':>5} {'TBT':>5} "
          f"{'CLS':>6} {'KB':>7}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="*")
    parser.add_argument("--repeat", nargs=2, metavar=("FÖRSTA", "ANDRA"),
                        help="measure ANDRA after FÖRSTA in the same browser (warm cache)")
    parser.add_argument("--runs", type=int, default=1, help="cold runs per URL (median reported)")
    args = parser.parse_args(argv)
    with Lighthouse() as lighthouse:
        print(f"{'url':60} {HEADER}")
        for url in args.urls:
            result = lighthouse.median_run(url, args.runs)
            print(f"{url[-60:]:60} {row(result)}")
            for category, failing in result.failed_audits.items():
                print(f"    {category}: {', '.join(failing)}")
        if args.repeat:
            first, second = lighthouse.repeat_visit(*args.repeat)
            for label, result in (("first", first), ("then", second)):
                print(f"{label + ' ' + result.url[-54:]:60} {row(result)}")
                print("    " + ", ".join(f"{k} {v / 1000:.1f} KB" for k, v in result.by_type.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
