"""The performance budget of issue 13, as bytes and requests (no timings): what a learner's
phone downloads on a first visit, what a second chapter reuses, and that search and the
widgets still work with everything loaded as late as it can be.

The site is served like GitHub Pages (gzip, ``max-age=600``: :mod:`widgets.build.serve`), and
bytes are what went over the network (Chromium's DevTools protocol, ``encodedDataLength``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from tests.helpers import settle
from widgets.site import assets
from widgets.views import esm

#: Bytes a first visit to any page may transfer (gzip), with every widget drawn.
BUDGET = 200_000
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
         "has_touch": True}
PAGES = ["book/intro.html", "book/tillitsbaserad-styrning.html",
         "book/sjalvuppfyllande-forvantningar.html", "book/min-oversikt.html", "search.html"]


@dataclass
class Traffic:
    """What one page loaded: URL → bytes over the network, and the URLs served from the cache."""

    transferred: dict[str, int] = field(default_factory=dict)
    cached: set[str] = field(default_factory=set)
    urls: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.transferred.values())

    def loaded(self, pattern: str) -> list[str]:
        return [url for url in self.urls.values() if re.search(pattern, url)]


def visit(page, url: str, *, scroll: bool = True) -> Traffic:
    """Open ``url`` in ``page`` and record its network traffic until every widget is drawn
    (and, with ``scroll``, every lazy image below the fold has loaded too)."""
    traffic = Traffic()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.requestWillBeSent",
           lambda e: traffic.urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.requestServedFromCache",
           lambda e: traffic.cached.add(traffic.urls.get(e["requestId"], "")))
    cdp.on("Network.responseReceived", lambda e: traffic.cached.add(e["response"]["url"])
           if e["response"].get("fromDiskCache") or e["response"].get("fromMemoryCache") else None)
    cdp.on("Network.loadingFinished",
           lambda e: traffic.transferred.__setitem__(traffic.urls.get(e["requestId"], e["requestId"]),
                                                     int(e["encodedDataLength"])))
    page.goto(url)
    settle(page)
    if scroll:
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    cdp.detach()
    return traffic


@pytest.fixture
def phone(browser, base_url):
    """A phone-sized page. No request routing here: Playwright's routing turns off the HTTP
    cache, which these tests measure; the tests check every URL the page asked for instead."""
    context = browser.new_context(**PHONE, service_workers="block")
    page = context.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    yield page, asked
    context.close()
    external = [url for url in asked if not url.startswith((base_url, "data:", "blob:"))]
    assert external == [], f"requests to other hosts: {external}"


@pytest.mark.parametrize("path", PAGES)
def test_first_visit_stays_within_budget(phone, base_url, path):
    page, _ = phone
    traffic = visit(page, base_url + path)
    heaviest = sorted(traffic.transferred.items(), key=lambda item: -item[1])[:6]
    assert traffic.total <= BUDGET, (f"{path}: {traffic.total} bytes on a first visit "
                                     f"(budget {BUDGET}); heaviest: {heaviest}")
    assert not traffic.loaded(r"fa-(solid|brands|regular)-\d+\.woff2$"), "the full icon fonts were loaded"


def test_widget_modules_load_as_cacheable_files(phone, base_url):
    page, _ = phone
    traffic = visit(page, base_url + "book/sjalvuppfyllande-forvantningar.html", scroll=False)
    modules = traffic.loaded(r"/_static/tk/[a-z]+\.[0-9a-f]{12}\.js$")
    assert sorted(re.search(r"/([a-z]+)\.", m).group(1) for m in modules) == ["explorer", "quiz"]
    assert not traffic.loaded(r"^blob:"), "a widget module was imported from page content"
    assert page.locator(".tk-explorer").count() == 7 and page.locator(".tk-quiz").count() == 1


def test_a_second_chapter_reuses_what_the_first_loaded(phone, base_url):
    page, _ = phone
    first = visit(page, base_url + "book/vad-ar-tillit.html")
    second = visit(page, base_url + "book/tillitsbaserad-styrning.html")
    shared = [url for url in first.transferred if re.search(r"/_static/", url)]
    assert any(re.search(r"/tk/site\.[0-9a-f]{12}\.css$", u) for u in shared)
    assert any(re.search(r"/tk/quiz\.[0-9a-f]{12}\.js$", u) for u in shared)
    refetched = [url for url in second.transferred
                 if url in shared and url not in second.cached and second.transferred[url] > 0]
    assert refetched == [], f"fetched again on the second chapter: {refetched}"
    # the second chapter transfers little more than its own HTML and its own figure
    own = [u for u in second.transferred if u not in shared]
    assert all(re.search(r"\.html$|/_images/", u) for u in own if second.transferred[u] > 0), own


def test_search_index_loads_only_for_search(phone, base_url):
    page, _ = phone
    chapter = visit(page, base_url + "book/vad-ar-tillit.html", scroll=False)
    assert not chapter.loaded(r"searchindex\.js|searchtools\.js|language_data\.js")
    # the search dialog (Ctrl+K) still finds inflected Swedish words, on the search page
    page.keyboard.press("Control+k")
    field = page.locator("#pst-search-dialog input[name=q]")
    field.wait_for(state="visible")
    field.fill("tilliten")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=tilliten"))
    page.wait_for_selector("#search-results li", timeout=15_000)
    hits = page.locator("#search-results li").all_inner_texts()
    assert any("tillit" in hit.lower() for hit in hits)


def test_placeholders_reserve_about_the_widgets_height(phone, base_url, site):
    """The reserved height is near the drawn height at a phone's width (so the page barely
    moves when a widget appears), and the placeholder lets go once the widget is drawn."""
    page, _ = phone
    checked = 0
    for path in ["book/intro.html", "book/vad-ar-tillit.html", "book/sju-kannetecken.html",
                 "book/sjalvuppfyllande-forvantningar.html", "book/sammanfattning-och-slutprov.html",
                 "book/min-oversikt.html", "book/kursintyg.html", "book/repetera.html",
                 "book/lararhandledning/lagg-ihop-profiler.html",
                 "book/lararhandledning/klassens-resultat.html"]:
        reserved = [int(r) for r in re.findall(r'--tk-reserve:(\d+)rem', (site / path).read_text())]
        page.goto(base_url + path)
        settle(page)
        drawn = page.eval_on_selector_all(
            ".tk-widget", "els => els.map(e => e.getBoundingClientRect().height / 16)")
        assert len(drawn) == len(reserved)
        for want, got in zip(reserved, drawn):
            assert abs(want - got) <= max(12, 0.2 * got), f"{path}: reserved {want} rem, drawn {got:.0f} rem"
            checked += 1
        assert page.locator(".tk-widget[data-tk-placeholder]").count() == 0
    assert checked >= 10
    assert {*assets.FIXED_REM, "quiz", "explorer"} == set(esm.module_names())
