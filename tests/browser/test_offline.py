"""The course offline (widgets/site/offline.py, book/_assets/tk-offline.js, the service worker):
saved with "Spara kursen för offline", a page never visited opens with the server stopped and
its self-test works; a new version of the site shows "En ny version av kursen finns", and
reloading removes the old cache. The site is served under a sub-path, as on GitHub Pages."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from tests.quiz_driver import answer, right_response, text, wrong_response
from widgets.build.browser import serve
from widgets.content.questions import load_chapter
from widgets.content.ui_text import TEXTS

OFFLINE = TEXTS["offline"]
SUB = "tillitskursen/"
NEVER_VISITED = "risker"


def sub_path_site(tmp_path, site):
    """A copy of the site under /tillitskursen/ (the server serves nothing outside its root,
    so a link will not do; a test may change the copy)."""
    root = tmp_path / "pages"
    root.mkdir()
    shutil.copytree(site, root / SUB.rstrip("/"), ignore=shutil.ignore_patterns("pdf", "fragebank"))
    return root


def controlled(page) -> None:
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null",
                           timeout=30000)


def outside(url: str):
    """A request listener that records every URL not on the test server."""
    seen: list[str] = []
    return seen, lambda request: seen.append(request.url) if not request.url.startswith(
        (url, "blob:", "data:")) else None


def test_a_page_without_a_manifest_link_registers_no_worker(browser, site, tmp_path):
    root = sub_path_site(tmp_path, site)
    page_file = root / SUB / "book" / "intro.html"
    page_file.write_text(re.sub(r'<link rel="manifest"[^>]*>', "", page_file.read_text("utf-8")),
                         encoding="utf-8")
    with serve(root) as url:
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        page.goto(url + SUB + "book/intro.html")
        page.wait_for_load_state("load")
        page.wait_for_timeout(1500)
        assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
        assert page.locator("[data-tk-offline]").is_hidden()
        context.close()


def test_the_saved_course_opens_offline_and_its_self_test_works(browser, site, tmp_path):
    root = sub_path_site(tmp_path, site)
    context = browser.new_context(service_workers="allow")
    with serve(root) as url:
        seen, listener = outside(url)
        context.on("request", listener)
        page = context.new_page()
        page.goto(url + SUB + "book/intro.html")
        controlled(page)
        scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
        assert scope == url + SUB
        box = page.locator("[data-tk-offline]")
        expect(box).to_be_visible()
        expect(box).to_contain_text(re.compile(r"Det tar ungefär [\d,]+ MB"))
        box.get_by_role("button", name=OFFLINE["save_button"]).click()
        status = box.locator(".tk-offline-status")
        expect(status).to_contain_text("Klart. Hela kursen är sparad", timeout=90000)
        assert box.get_attribute("data-result") == "saved"
    # the server is gone, and the browser is offline too (a kept-alive connection could
    # otherwise still reach the server's last thread): nothing answers on the network
    context.set_offline(True)
    page = context.new_page()
    page.goto(url + SUB + f"book/{NEVER_VISITED}.html")
    expect(page.locator("article h1")).to_be_visible()
    quiz = page.locator(".tk-quiz")
    expect(quiz).to_be_visible(timeout=20000)
    question_set = load_chapter(NEVER_VISITED)
    q = next(q for q in question_set.questions if q.graded)
    fieldset = quiz.locator(f'fieldset[data-question="{q.id}"]')
    answer(page, fieldset, q, wrong_response(q))
    expect(fieldset.locator(".tk-status")).not_to_have_text("")
    expect(fieldset).to_have_attribute("data-status", "wrong")
    fieldset.locator(".tk-retry").click()
    answer(page, fieldset, q, right_response(q))
    expect(fieldset.locator(".tk-status")).to_contain_text(text("right"))
    assert page.evaluate("fetch('../finns-inte.txt').then(() => 'svar', () => 'inget svar')") == "inget svar"
    # a page that is not saved gets the Swedish notice
    missing = context.new_page()
    missing.goto(url + SUB + "book/finns-inte.html")
    expect(missing.locator("main h1")).to_have_text(OFFLINE["offline_title"])
    assert seen == []
    context.close()


def test_a_new_version_is_announced_and_old_caches_go(browser, site, tmp_path):
    root = sub_path_site(tmp_path, site)
    worker = root / SUB / "sw.js"
    with serve(root) as url:
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        page.goto(url + SUB + "book/min-oversikt.html")
        controlled(page)
        old = page.evaluate("caches.keys()")
        assert len(old) == 1 and old[0].startswith("tillitskursen-")
        expect(page.get_by_text(OFFLINE["update_available"])).to_have_count(0)
        # publish a new version: another version hash in sw.js
        source = worker.read_text(encoding="utf-8")
        version = re.search(r'"version": "([0-9a-f]{12})"', source).group(1)
        worker.write_text(source.replace(version, "0123456789ab"), encoding="utf-8")
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        notice = page.locator(".tk-update")
        expect(notice).to_contain_text(OFFLINE["update_available"], timeout=30000)
        assert notice.get_attribute("role") == "status"
        with page.expect_navigation():
            notice.get_by_role("button", name=OFFLINE["update_reload"]).click()
        page.wait_for_load_state("load")
        page.wait_for_function("caches.keys().then(k => k.length === 1 && k[0].endsWith('0123456789ab'))",
                               timeout=30000)
        expect(page.locator(".tk-update")).to_have_count(0)
        # the unchanged files came over: the page still opens offline
        context.close()


@pytest.mark.parametrize("path", ["book/intro.html", "book/min-oversikt.html"])
def test_the_save_box_is_on_the_start_page_and_min_oversikt(open_page, path):
    """With workers blocked (every other test) the box says the browser cannot save the course,
    and nothing breaks."""
    page, log = open_page(path)
    assert page.locator("[data-tk-offline]").count() == 1
    status = page.locator("[data-tk-offline] .tk-offline-status")
    expect(status).to_have_text(OFFLINE["offline_unsupported"])
    expect(page.locator("[data-tk-offline] button")).to_be_hidden()
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert log.errors == [] and log.external == []
