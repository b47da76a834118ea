"""Helpers the tests and the benchmark share: building the site and finding Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from widgets.build.browser import CHROMIUM_ARGS, chromium_path, settle  # noqa: F401 (shared)

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("TILLITSKURSEN_SITE", ROOT / "_build" / "html"))


def build_site(output: Path | None = None, config: Path | None = None,
               toc: Path | None = None) -> subprocess.CompletedProcess:
    """Build the book into ``output``/_build/html if given, with warnings as errors unless
    ``toc`` names a table of contents with only some of the pages (their links to the others
    then warn)."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT)]
    if toc is None:
        command += ["-W", "--keep-going"]
    else:
        command += ["--toc", str(toc)]
    if output is not None:
        command += ["--path-output", str(output)]
    if config is not None:
        command += ["--config", str(config)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)



def chart_signature(explorer_el):
    return explorer_el.locator(".tk-chart-box").evaluate(
        "box => box.dataset.key + '|' + [...box.querySelectorAll('path.tk-line, rect.tk-bar')]"
        ".map(e => e.getAttribute('d') || e.getAttribute('width')).join(';')")
