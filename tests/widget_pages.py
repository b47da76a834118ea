"""A page with nothing but some widgets, embedded the way myst-nb embeds them in the site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ipywidgets.embed import embed_data
from myst_nb.core.render import sanitize_script_content

from widgets.site.extension import host_texts_script

ROOT = Path(__file__).resolve().parent.parent
HOST = ROOT / "book" / "_assets" / "widget-host.js"


def standalone_page(directory: Path, name: str, widgets) -> Path:
    data = embed_data(views=list(widgets), drop_defaults=False)
    state = sanitize_script_content(json.dumps(data["manager_state"]))
    views = "\n".join(
        '<script type="application/vnd.jupyter.widget-view+json">'
        f"{sanitize_script_content(json.dumps(view))}</script>"
        for view in data["view_specs"]
    )
    shutil.copy(HOST, directory / HOST.name)
    page = directory / name
    page.write_text(
        '<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # no icon to ask the test server for (it has none: a 404 in the console)
        '<link rel="icon" href="data:,">'
        f"<title>Widgettest</title>"
        f'<script type="application/vnd.jupyter.widget-state+json">{state}</script>'
        f"</head><body><main><h1>Widgettest</h1>{views}{host_texts_script()}</main>"
        f'<script src="{HOST.name}"></script></body></html>',
        encoding="utf-8",
    )
    return page
