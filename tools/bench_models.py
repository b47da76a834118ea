"""Benchmark the simulation models (a table to read, not a timed test).

For each model: the time of one evaluation at the explorer's default size (budget 30 ms). For
each explorer (``widgets.views.explorers``, from its registry): the time to precompute its grid
of control values (budget 10 s), the size of what it embeds in a page (budget 200 KB) and the
time of one live point in a kernel (budget 1 s).

Wall-clock times depend on what else the machine is doing; the CPU time (``process_time``)
is printed too, with the load average, so a slow run on a busy machine can be told apart from
a slow model.

Usage::

    .venv/bin/python tools/bench_models.py [--repeat 7] [--no-grid]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from widgets.views.explorer import spec_size_kb  # noqa: E402
from widgets.views.explorers import EXPLORERS, models  # noqa: E402

EVAL_BUDGET_MS = 30
GRID_BUDGET_S = 10
GRID_BUDGET_KB = 200
#: A live kernel computes one point per slider move (more runs than the grid).
LIVE_BUDGET_MS = 1000


def _timed(fn, repeat: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``fn()`` over ``repeat`` calls (after a warm-up)."""
    fn()
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def _cases():
    """One evaluation of every model the explorers run (from their registry), at the model's
    default size, plus one run of the repeated game (one population, as in Case)."""
    for name, model in models().items():
        runs = model.DEFAULT_RUNS
        yield name, f"{runs} runs", lambda m=model, r=runs: m.simulate(m.Parameters(), runs=r)
    if "repeated_trust" in models():
        model = models()["repeated_trust"]
        yield "repeated_trust", "1 run (one population, as in Case)", \
            lambda: model.simulate(model.Parameters(), runs=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed calls per evaluation")
    parser.add_argument("--no-grid", action="store_true", help="skip the explorers")
    args = parser.parse_args(argv)

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Models benchmark — {os.cpu_count()} CPUs, load average {load}")
    print(f"Budgets: one evaluation ≤ {EVAL_BUDGET_MS} ms; live point ≤ {LIVE_BUDGET_MS} ms; "
          f"grid ≤ {GRID_BUDGET_S} s and ≤ {GRID_BUDGET_KB} KB of compact JSON.\n")

    header = (f"{'model':<18} {'one evaluation at explorer size':<52} {'wall ms':>8} "
              f"{'cpu ms':>7} {'ok':>3}")
    print(header)
    print("-" * len(header))
    failures = 0
    for name, size, evaluate in _cases():
        wall, cpu = _timed(evaluate, args.repeat)
        ok = min(wall, cpu) <= EVAL_BUDGET_MS
        failures += not ok
        print(f"{name:<18} {size:<52} {wall:>8.1f} {cpu:>7.1f} {'yes' if ok else 'NO':>3}")

    if not args.no_grid:
        print()
        header = (f"{'explorer (as embedded in a page)':<34} {'points':>6} {'wall s':>7} "
                  f"{'cpu s':>6} {'KB':>6} {'ok':>3}")
        print(header)
        print("-" * len(header))
        built = {}
        for name, entry in EXPLORERS.items():
            w, c = time.perf_counter(), time.process_time()
            widget = entry.build()
            wall, cpu = time.perf_counter() - w, time.process_time() - c
            kb = spec_size_kb(widget.spec)
            ok = min(wall, cpu) <= GRID_BUDGET_S and kb <= GRID_BUDGET_KB
            failures += not ok
            print(f"{name:<34} {len(widget.spec['points']):>6} {wall:>7.2f} {cpu:>6.2f} "
                  f"{kb:>6.1f} {'yes' if ok else 'NO':>3}")
            built[name] = widget

        print()
        header = (f"{'live point in a kernel (runs)':<34} {'wall ms':>8} {'cpu ms':>7} "
                  f"{'ok':>3}")
        print(header)
        print("-" * len(header))
        for name, widget in built.items():
            live = widget.spec["live"]
            if not live:
                continue
            # the last live value of every control: the largest (slowest) setting
            values = {c: v["values"][-1] for c, v in live["controls"].items()}
            wall, cpu = _timed(lambda w=widget, v=values: w.compute(**v), 1)
            ok = min(wall, cpu) <= LIVE_BUDGET_MS
            failures += not ok
            print(f"{name + ' (' + str(live['runs']) + ')':<34} "
                  f"{wall:>8.0f} {cpu:>7.0f} {'yes' if ok else 'NO':>3}")

    print("\n'ok' compares the smaller of wall and CPU time with the budget (the machine is "
          "shared).")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
