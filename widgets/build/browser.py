"""Headless Chromium for the build (PDF) and the tests: where it is and how to start it."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from widgets.build.serve import serving

#: Flags for a closed network: no background requests, no first-run or sync traffic.
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


@contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port) like GitHub Pages (gzip, cache headers)
    and yield its base URL."""
    with serving(directory) as url:
        yield url


def block_other_hosts(page, base_url: str, blocked: list[str] | None = None) -> None:
    """Let the page reach only ``base_url`` (and blob:/data:); record anything else."""
    def route(request_route):
        url = request_route.request.url
        if url.startswith((base_url, "blob:", "data:")):
            request_route.continue_()
        else:
            if blocked is not None:
                blocked.append(url)
            request_route.abort()

    page.route("**/*", route)


def settle(page) -> None:
    """Wait until the page and every widget on it have rendered (no fixed sleeps)."""
    page.wait_for_load_state("load")
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    if views:
        page.wait_for_function(
            "n => document.querySelectorAll('.tk-widget > *').length >= n", arg=views
        )
