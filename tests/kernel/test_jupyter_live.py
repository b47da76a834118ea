"""In a live kernel: JupyterLab 4 and Notebook 7 run a chapter, the self-test works with the
real anywidget front-end, and Python reads the learner's answers back (traits).

A Jupyter server runs on 127.0.0.1 over a temporary copy of book/, so autosave never touches
the committed notebooks.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT
from widgets.content.questions import load_chapter

CHAPTER = "vad-ar-tillit.ipynb"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def jupyter(tmp_path_factory):
    root = tmp_path_factory.mktemp("jupyter")
    shutil.copytree(ROOT / "book", root / "book")
    # own settings and workspaces (no tabs restored from earlier sessions); render every cell
    # (JupyterLab otherwise draws only the cells in view)
    settings = root / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text(
        '{"windowingMode": "none", "autoStartDefaultKernel": true}')
    notifications = root / "settings" / "@jupyterlab" / "apputils-extension"
    notifications.mkdir(parents=True)
    (notifications / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    (root / "workspaces").mkdir()
    port, token = _free_port(), secrets.token_hex(8)
    command = [str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser",
               f"--port={port}", "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={root}", "--ServerApp.open_browser=False",
               "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               f"--LabApp.user_settings_dir={root / 'settings'}",
               f"--LabApp.workspaces_dir={root / 'workspaces'}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = open(root / "server.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=root)
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail((root / "server.log").read_text()[-3000:])
    yield f"http://127.0.0.1:{port}", token, root
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=30)
    log.close()


VISIBLE_NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"


SLOW = 180_000  # ms: JupyterLab's first load and a kernel start on a busy 2-core machine


def _wait(page, selector: str, name: str):
    """Wait for ``selector``; on time-out keep a screenshot (a CI artifact) and say what the
    page showed instead: kernel status, prompts, widget errors and console messages."""
    try:
        page.wait_for_selector(selector, timeout=SLOW)
    except Exception as error:
        shots = ROOT / "_build" / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"jupyter-{name}.png"))
        raise AssertionError(f"{selector} did not show ({error}).\n{_diagnose(page)}") from None


def _diagnose(page) -> str:
    """What the notebook shows now, for a failure message (CI keeps no live session)."""
    status = page.locator(".jp-Notebook-ExecutionIndicator").evaluate_all(
        "els => els.map(e => e.dataset.status)")
    prompts = page.locator(".jp-InputPrompt").evaluate_all(
        "els => els.map(e => e.textContent.trim()).filter(Boolean)")
    outputs = page.locator(".jp-OutputArea-output").evaluate_all(
        "els => els.map(e => e.textContent.trim().slice(0, 200)).filter(Boolean)")
    dialogs = page.get_by_role("dialog").all_inner_texts()
    console = getattr(page, "tk_console", [])
    return (f"kernel status: {status}\nprompts: {prompts}\noutputs: {outputs[:8]}\n"
            f"dialogs: {dialogs}\nconsole: {console[-15:]}")


def _run_all(page, rendered: str, name: str) -> None:
    """Run every cell and wait until ``rendered`` (a widget only a live kernel draws) shows.

    The committed notebook already shows prompts like ``[1]``, so a prompt number is no sign
    that this run happened; the live widget view is.
    """
    page.tk_console = []
    page.on("console", lambda m: m.type in ("error", "warning")
            and page.tk_console.append(f"{m.type}: {m.text[:300]}"))
    page.wait_for_selector(VISIBLE_NOTEBOOK, timeout=SLOW)
    # wait until the kernel is ready, so "Run All" does not race its start
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator"
                           "[data-status='idle']", timeout=SLOW)
    widget = page.locator(f"{VISIBLE_NOTEBOOK} {rendered}").first
    for _ in range(3):  # the menu can open before the notebook is ready: try again
        _choose_kernel_if_asked(page)
        page.locator(VISIBLE_NOTEBOOK).first.click()
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_text("Run All Cells", exact=True).first.click()
        _choose_kernel_if_asked(page)
        try:
            widget.wait_for(state="visible", timeout=SLOW // 2)
            return
        except Exception:
            page.keyboard.press("Escape")
    _wait(page, rendered, name)  # keeps a screenshot and raises


def _choose_kernel_if_asked(page) -> None:
    """A fresh machine may ask which kernel to start: take the proposed one."""
    select_kernel = page.get_by_role("dialog").get_by_role("button", name="Select", exact=True)
    try:
        select_kernel.wait_for(state="visible", timeout=2_000)
    except Exception:
        return
    select_kernel.click()


def _add_cell_and_run(page, code: str) -> str:
    page.keyboard.press("Escape")
    last = page.locator(f"{VISIBLE_NOTEBOOK} .jp-Cell").last
    last.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.keyboard.press("Enter")  # edit mode in the new cell
    page.keyboard.type(code)
    page.keyboard.press("Shift+Enter")
    cell = page.locator(f"{VISIBLE_NOTEBOOK} .jp-CodeCell", has_text=code[:20]).last
    output = cell.locator(".jp-OutputArea-output").first
    output.wait_for(timeout=60_000)
    return output.inner_text()


def _answer_first_question(page):
    question = load_chapter(Path(CHAPTER).stem).questions[0]
    fieldset = page.locator(f'fieldset[data-question="{question.id}"]')
    fieldset.scroll_into_view_if_needed()
    fieldset.locator(f'input[value="{question.key}"]').check()
    fieldset.locator("button", has_text="Kontrollera").click()
    assert fieldset.get_attribute("data-status") == "right"


def test_jupyterlab_runs_the_self_test_and_python_reads_the_score(browser, jupyter):
    base, token, _ = jupyter
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/lab/tree/book/{CHAPTER}?token={token}&reset")
    _run_all(page, ".tk-quiz", "lab-quiz")
    _answer_first_question(page)
    text = _add_cell_and_run(page, "[(w.score, w.answered) for w in Out.values() "
                                   "if type(w).__name__ == 'SelfTest']")
    assert "[(1, 1)]" in text
    assert errors == []
    context.close()


def test_notebook7_runs_the_self_test(browser, jupyter):
    base, token, _ = jupyter
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.goto(f"{base}/notebooks/book/{CHAPTER}?token={token}&reset")
    _run_all(page, ".tk-quiz", "notebook7-quiz")
    _answer_first_question(page)
    context.close()


def test_jupyterlab_explorer_recomputes_in_python(browser, jupyter):
    base, token, _ = jupyter
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.goto(f"{base}/lab/tree/book/sjalvuppfyllande-forvantningar.ipynb?token={token}&reset")
    selector = '.tk-explorer[data-explorer="tillitsspiralen-start"]'
    _run_all(page, selector, "lab-explorer")
    explorer = page.locator(selector)
    explorer.scroll_into_view_if_needed()
    explorer.get_by_role("button", name="Visa utan att gissa").click()
    slider = explorer.locator('input[type="range"]').first
    slider.focus()
    page.keyboard.press("Home")
    # the kernel recomputed the point from the model and sent it back
    explorer.locator(".tk-live").wait_for(state="visible", timeout=60_000)
    assert "0,2" in explorer.locator(".tk-reading").first.inner_text()
    # what is new: finer steps than the static grid's 0,2, and ten times the runs
    assert slider.get_attribute("max") == "16"
    page.keyboard.press("ArrowRight")  # JupyterLab's own arrow-key shortcuts stay out of the way
    assert slider.get_attribute("aria-valuetext") == "0,25"
    explorer.locator(".tk-live", has_text="mellan stegen").wait_for(timeout=60_000)
    assert "0,25" in explorer.locator(".tk-reading").first.inner_text()
    assert "10\u202f000" in explorer.locator(".tk-live").inner_text()
    context.close()


def test_jupyterlab_overview_links_to_the_notebooks(browser, jupyter):
    """In Jupyter, Min översikt links each chapter's notebook (on the site: its page)."""
    base, token, _ = jupyter
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    page.goto(f"{base}/lab/tree/book/min-oversikt.ipynb?token={token}&reset")
    _run_all(page, ".tk-overview", "lab-overview")
    link = page.locator('.tk-overview tr[data-chapter="vad-ar-tillit"] a')
    assert link.get_attribute("href") == "vad-ar-tillit.ipynb"
    assert link.evaluate("a => new URL(a.href).pathname") == "/lab/tree/book/vad-ar-tillit.ipynb"
    context.close()
