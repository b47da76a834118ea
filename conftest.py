"""Loaded for every pytest run, also ``pytest book/x.ipynb`` alone (the fixtures and the
layers' markers are in tests/conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
#: With nbval on, each chapter's freshness check uses nbval's run: one execution each.
pytest_plugins = ["tests.notebooks.nbval_freshness"]

#: A test module whose tests are independent (see pytest_xdist_make_scheduler).
SPREAD = re.compile(r"^SPREAD_OVER_WORKERS = True\b", re.M)


@pytest.hookimpl(optionalhook=True)  # pytest -p no:xdist has no such hook
def pytest_xdist_make_scheduler(config, log):
    """``-n 2``: a module's tests run together on one worker (module fixtures such as a build,
    a Lighthouse runner or PDF readers are made once; a notebook's cells share one kernel, in
    order), except in a module marked ``SPREAD_OVER_WORKERS = True`` (one test per page): its
    tests go one by one to whichever worker is free. (pytest-xdist's own ``loadgroup`` marks do
    not reach the scheduler with pytest 9.2.)"""
    from xdist.scheduler import LoadScopeScheduling

    spread: dict[str, bool] = {}

    def is_spread(module: str) -> bool:
        if module not in spread:
            path = ROOT / module
            spread[module] = (path.suffix == ".py" and path.is_file()
                              and bool(SPREAD.search(path.read_text(encoding="utf-8"))))
        return spread[module]

    class ModuleOrSpread(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return nodeid if is_spread(module) else module

    return ModuleOrSpread(config, log)
