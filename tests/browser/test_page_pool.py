"""The kept pages (tests/page_pool.py) give each test what a fresh browser would: if they did
not, a test could pass or fail because of the test before it."""

import pytest

from tests.page_pool import DEFAULT_VIEWPORT

PAGE = "book/intro.html"
#: Leaves something in every kind of storage a page can use.
FILL_STORAGE = """async () => {
    localStorage.setItem('tk-pool', '1');
    sessionStorage.setItem('tk-pool', '1');
    document.cookie = 'tk-pool=1; path=/';
    await caches.open('tk-pool').then(c => c.put('/tk-pool', new Response('1')));
    await new Promise((resolve, reject) => {
        const open = indexedDB.open('tk-pool', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('s');
        open.onsuccess = () => { open.result.close(); resolve(); };
        open.onerror = () => reject(open.error);
    });
}"""
STORAGE = """async () => ({
    local: Object.keys(localStorage).sort(), session: Object.keys(sessionStorage).sort(),
    cookie: document.cookie, caches: await caches.keys(),
    indexedDB: (await indexedDB.databases()).map(d => d.name),
})"""


def fresh_storage(browser, url: str) -> dict:
    """What the page keeps in a browser that never saw the site (the theme stores a few things)."""
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(url)
        return page.evaluate(STORAGE)
    finally:
        context.close()


def test_a_kept_page_is_reset_between_tests(browser, page_pool, base_url):
    first = page_pool.test()
    page, log = first.open(base_url + PAGE, viewport={"width": 375, "height": 700}, color_scheme="dark")
    page.evaluate(FILL_STORAGE)
    filled = page.evaluate(STORAGE)
    assert all("tk-pool" in str(filled[kind]) for kind in filled), filled
    seen = []
    page.on("console", lambda m: seen.append(m.text))
    page.route("**/*.css", lambda route: route.abort())
    page.emulate_media(media="print", forced_colors="active")
    page.evaluate("console.error('fel i förra testet')")
    with page.expect_popup():
        page.evaluate("window.open('about:blank', 'tk-pool')")
    first.end()

    second = page_pool.test()
    again, log = second.open(base_url + PAGE)
    try:
        assert again is page, "the page was not kept (each test would pay for a new one)"
        assert again.evaluate(STORAGE) == fresh_storage(browser, base_url + PAGE)
        assert again.viewport_size == DEFAULT_VIEWPORT
        media = again.evaluate("""() => ({dark: matchMedia('(prefers-color-scheme: dark)').matches,
            print: matchMedia('print').matches, forced: matchMedia('(forced-colors: active)').matches})""")
        assert media == {"dark": False, "print": False, "forced": False}
        assert again.evaluate("""() => [...document.querySelectorAll('link[rel=stylesheet]')]
            .every(link => link.sheet && link.sheet.cssRules.length > 0)"""), "the last test's route is on"
        again.evaluate("console.error('fel i det här testet')")
        assert seen == ["fel i förra testet"], "a listener of the last test is still there"
        assert log.errors == ["fel i det här testet"]
        assert again.context.pages == [again], "a pop-up of the last test is still open"
    finally:
        second.end()


def test_a_second_page_in_the_same_test_is_another_browser(pages, base_url):
    page, _ = pages.open(base_url + PAGE)
    page.evaluate("localStorage.setItem('tk-pool', '1')")
    other, _ = pages.open(base_url + PAGE)
    assert other is not page and other.context is not page.context
    assert other.evaluate("localStorage.getItem('tk-pool')") is None


@pytest.mark.parametrize("url", ["https://example.org/spion.js", "http://cdn.example.net/font.woff2"])
def test_another_host_is_listed_and_never_reached(pages, base_url, url):
    page, log = pages.open(base_url + PAGE)
    reached = page.evaluate("url => fetch(url).then(() => true, () => false)", url)
    assert reached is False
    assert log.external == [url]
