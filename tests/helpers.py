"""Helpers the tests and the benchmark share: building the site and finding Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("TILLITSKURSEN_SITE", ROOT / "_build" / "html"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """Debian's Chromium (or TILLITSKURSEN_CHROMIUM); None means Playwright's own download."""
    configured = os.environ.get("TILLITSKURSEN_CHROMIUM")
    if configured:
        return configured
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return None


def build_site(output: Path | None = None) -> subprocess.CompletedProcess:
    """Build the book with warnings as errors; into ``output``/_build/html if given."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT),
               "-W", "--keep-going"]
    if output is not None:
        command += ["--path-output", str(output)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)


def settle(page) -> None:
    """Wait until the page and every widget on it have rendered (no fixed sleeps)."""
    page.wait_for_load_state("load")
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    if views:
        page.wait_for_function(
            "n => document.querySelectorAll('.tk-widget > *').length >= n", arg=views
        )
