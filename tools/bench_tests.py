"""How long the contributors' commands take: ``make check`` and the whole ``make test``.

Times this checkout and, with ``--baseline DIR``, another checkout of the course (for example
the commit before a change, in a git worktree with its own ``.venv`` and ``node_modules``)
side by side on the same machine in one run: each command runs in both checkouts in turn,
``--runs`` times, and the best and median wall times are printed with the number of tests
each run passed, failed and skipped (the same or more tests must run in less time).

Both checkouts should be built first (``make book``): ``make test`` then rebuilds only what
changed, as it does for a contributor.

    .venv/bin/python tools/bench_tests.py --baseline ../wt-baseline --runs 1
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTS = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)")


def run(checkout: Path, target: str) -> tuple[float, dict[str, int], int]:
    """``make <target>`` in ``checkout``: wall seconds, pytest's counts, exit status."""
    started = time.perf_counter()
    result = subprocess.run(["make", "-s", target], cwd=checkout, capture_output=True, text=True,
                            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    seconds = time.perf_counter() - started
    counts: dict[str, int] = {}
    for line in (result.stdout + result.stderr).splitlines():
        if re.search(r"\b(passed|failed)\b.* in [\d.]+s", line):   # one summary per pytest run
            for number, word in COUNTS.findall(line):
                counts[word] = counts.get(word, 0) + int(number)
    return seconds, counts, result.returncode


def describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {word}" for word, n in sorted(counts.items())) or "no pytest summary"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout to time side by side")
    parser.add_argument("--runs", type=int, default=1, help="runs of each command per checkout")
    parser.add_argument("--targets", nargs="+", default=["check", "test"])
    args = parser.parse_args(argv)
    checkouts = {"this": ROOT}
    if args.baseline:
        checkouts = {"baseline": args.baseline.resolve(), **checkouts}
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"make check / make test — {os.cpu_count()} CPUs, load average {load} at start")
    for name, path in checkouts.items():
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=path,
                                capture_output=True, text=True).stdout.strip()
        print(f"  {name:8s} {path} ({commit})")
    print()
    print(f"{'command':12s} {'checkout':9s} {'best s':>8s} {'median s':>9s}  tests (last run)")
    best: dict[tuple[str, str], float] = {}
    for target in args.targets:
        times: dict[str, list[float]] = {name: [] for name in checkouts}
        last: dict[str, tuple[dict[str, int], int]] = {}
        for _ in range(args.runs):
            for name, path in checkouts.items():  # alternate, so load changes hit both
                seconds, counts, status = run(path, target)
                times[name].append(seconds)
                last[name] = (counts, status)
        for name in checkouts:
            counts, status = last[name]
            best[(target, name)] = min(times[name])
            failed = "" if status == 0 else f"  (exit {status})"
            print(f"make {target:7s} {name:9s} {min(times[name]):8.1f} "
                  f"{statistics.median(times[name]):9.1f}  {describe(counts)}{failed}")
    if args.baseline:
        print()
        for target in args.targets:
            ratio = best[(target, "this")] / best[(target, "baseline")]
            print(f"make {target}: this checkout takes {100 * ratio:.0f} % of the baseline's time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
