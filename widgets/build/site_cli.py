"""The command line shared by the tools that read the built site (``pdf``, ``slides``):
``python -m widgets.build.<tool> [SITE]``, with SITE ``_build/html`` by default."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from widgets.paths import ROOT


def run(argv: list[str] | None, description: str, build: Callable[..., list[Path]],
        report: Callable[[Path, list[Path], float], None],
        errors: tuple[type[Exception], ...], *, can_skip: bool = False) -> int:
    """Parse SITE, check that it is built, ``build(site)`` and ``report(site, written,
    seconds)``; an error in ``errors`` is printed (it is in Swedish) and gives exit code 1.
    A tool that ``can_skip`` work that is up to date gets ``--force`` (``build(site, force=…)``)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "_build" / "html")
    if can_skip:
        parser.add_argument("--force", action="store_true", help="do it even if it is up to date")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"Hittar ingen byggd webbplats i {args.site}. Kör 'make book' först.", file=sys.stderr)
        return 1
    start = time.perf_counter()
    try:
        written = build(args.site, force=args.force) if can_skip else build(args.site)
    except errors as err:
        print(f"FEL: {err}", file=sys.stderr)
        return 1
    report(args.site, written, time.perf_counter() - start)
    return 0
