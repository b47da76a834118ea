"""The practitioners' route: easy to find from the start page, and every step leads to the
exact section it names, on a phone."""

import re

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}


def test_start_page_leads_to_the_route_on_a_phone(open_page, base_url):
    page, log = open_page("book/intro.html", **PHONE)
    start = page.locator(".admonition", has_text="Börja här")
    assert start.is_visible()
    # the way in starts on the first screen of a phone, without scrolling
    assert start.bounding_box()["y"] < 740
    assert "Hela kursen tar ca" in start.inner_text()
    with page.expect_navigation():
        start.get_by_role("link", name=re.compile("snabbspåret")).tap()
    assert page.url.endswith("book/snabbspar.html")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Snabbspår")
    assert log.errors == [] and log.external == []


def test_each_step_lands_on_its_section(open_page):
    page, _ = open_page("book/snabbspar.html")
    route = page.url
    assert page.get_by_role("heading", level=2, name=re.compile(r"^Steg \d")).count() == 5
    for index in range(5):
        page.goto(route)
        step = page.get_by_role("heading", level=2, name=re.compile(rf"^Steg {index + 1}\."))
        link = step.locator("xpath=..").locator("a.reference.internal").first
        expected = link.inner_text().strip().lower()
        with page.expect_navigation():
            link.click()
        target = page.url.split("#")[1]
        heading = page.locator(f'[id="{target}"]').locator("xpath=..").get_by_role("heading").first
        assert heading.is_visible()
        assert expected[:12] in heading.inner_text().lower(), (expected, heading.inner_text())
