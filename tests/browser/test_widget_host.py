"""The site's widget host (``book/_assets/widget-host.js``) never leaves blank space: every way a
view can fail to draw gives the Swedish notice from ``ui_text`` (section ``host``), and one
failing listener does not stop the others."""

import json
import shutil

import pytest

from tests.widget_pages import HOST
from widgets.build.browser import serve
from widgets.content.ui_text import TEXTS
from widgets.site.extension import host_texts_script

GOOD_MODULE = """export default { render({ model, el }) {
  const p = document.createElement('p'); p.className = 'drawn'; p.textContent = model.get('word');
  el.append(p);
  model.on('change:word', () => { throw new Error('the first listener fails'); });
  model.on('change:word', () => { p.textContent = model.get('word'); p.dataset.heard = '1'; });
  model.set('word', 'efter');
} };"""


def anywidget_state(esm: str, **state) -> dict:
    return {"model_module": "anywidget", "model_name": "AnyModel", "model_module_version": "~0.11",
            "state": {"_esm": esm, "_css": "", **state}}


def page_html(state_text: str, views: list[str]) -> str:
    view_tags = "".join(f'<script type="application/vnd.jupyter.widget-view+json">{v}</script>'
                        for v in views)
    return ('<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Värden</title>'
            f'<script type="application/vnd.jupyter.widget-state+json">{state_text}</script>'
            f"</head><body><main><h1>Värden</h1>{view_tags}{host_texts_script()}</main>"
            f'<script src="{HOST.name}"></script></body></html>')


def view(model_id: str) -> str:
    return json.dumps({"version_major": 2, "version_minor": 0, "model_id": model_id})


CASES = {
    "unreadable view": (lambda: json.dumps({"version_major": 2, "state": {}}), ["{inte json"], "unreadable"),
    "unreadable state": (lambda: "{trasig", [view("a")], "unreadable"),
    "missing model": (lambda: json.dumps({"state": {}}), [view("saknas")], "missing"),
    "not an anywidget": (lambda: json.dumps({"state": {"a": {"model_module": "@jupyter-widgets/controls",
                                                             "model_name": "IntSliderModel", "state": {}}}}),
                         [view("a")], "unsupported"),
    "module without render": (lambda: json.dumps({"state": {"a": anywidget_state("export default {};")}}),
                              [view("a")], "failed"),
    "module that does not parse": (lambda: json.dumps({"state": {"a": anywidget_state("export default {")}}),
                                   [view("a")], "failed"),
    "factory that gives nothing": (
        lambda: json.dumps({"state": {"a": anywidget_state("export default () => null;")}}),
        [view("a")], "failed"),
    "render that throws": (lambda: json.dumps({"state": {"a": anywidget_state(
        "export default { render({ el }) { el.append('halv'); throw new Error('x'); } };")}}),
        [view("a")], "failed"),
}


@pytest.fixture
def host_page(browser, tmp_path):
    shutil.copy(HOST, tmp_path / HOST.name)
    contexts = []
    with serve(tmp_path) as url:
        def _open(name: str, html: str):
            (tmp_path / name).write_text(html, encoding="utf-8")
            context = browser.new_context(service_workers="block")
            contexts.append(context)
            page = context.new_page()
            messages = []
            page.on("console", lambda m: messages.append((m.type, m.text)))
            page.on("pageerror", lambda e: messages.append(("pageerror", str(e))))
            page.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
            page.goto(f"{url}/{name}")
            page.wait_for_load_state("load")
            return page, messages
        yield _open
    for context in contexts:
        context.close()


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_view_that_cannot_draw_says_so_in_swedish(host_page, case):
    state, views, key = CASES[case]
    page, messages = host_page("sida.html", page_html(state(), views))
    notice = page.locator(".tk-widget .tk-widget-notice")
    notice.wait_for()
    assert notice.get_attribute("data-notice") == key
    assert notice.inner_text() == TEXTS["host"][key]
    assert notice.get_attribute("role") == "note"
    assert page.locator(".tk-widget").inner_text() == TEXTS["host"][key], "nothing half-drawn"
    assert not [m for m in messages if m[0] in ("error", "pageerror")
                and "Failed to load" not in m[1] and "SyntaxError" not in m[1]], messages


def test_a_failing_listener_does_not_stop_the_others(host_page):
    state = json.dumps({"state": {"a": anywidget_state(GOOD_MODULE, word="före")}})
    page, messages = host_page("lyssnare.html", page_html(state, [view("a")]))
    drawn = page.locator(".tk-widget p.drawn")
    drawn.wait_for()
    assert drawn.inner_text() == "efter" and drawn.get_attribute("data-heard") == "1"
    assert page.locator(".tk-widget-notice").count() == 0
    assert any(kind == "warning" and "listener for change:word failed" in text for kind, text in messages)
    assert not [m for m in messages if m[0] in ("error", "pageerror")], messages


def test_every_host_text_is_used_by_a_case():
    assert {case[2] for case in CASES.values()} == set(TEXTS["host"])
