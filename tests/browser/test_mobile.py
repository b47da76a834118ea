"""At 375 × 812 (a small phone) no page scrolls sideways; screenshots go to
_build/screenshots/ (CI keeps them as artifacts)."""

import pytest

from tests.helpers import ROOT, settle
from widgets.content import course

SHOTS = ROOT / "_build" / "screenshots"


@pytest.mark.parametrize("path", [p.html for p in course.pages()])
def test_no_horizontal_scroll_on_a_phone(open_page, path):
    page, log = open_page(path, viewport={"width": 375, "height": 812}, device_scale_factor=1,
                          is_mobile=True, has_touch=True)
    settle(page)
    overflow = page.evaluate("""() => {
        const doc = document.documentElement;
        // content wider than the screen that no scroll box holds (it would be cut off)
        const scrolls = el => {
            for (let p = el.parentElement; p; p = p.parentElement) {
                if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
            }
            return false;
        };
        const wide = [...document.querySelectorAll('.bd-article *')].filter(el => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.right > doc.clientWidth + 1 && !scrolls(el);
        }).slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + el.className);
        return {scroll: doc.scrollWidth, client: doc.clientWidth, wide};
    }""")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / (path.replace("/", "_") + ".png")), full_page=True)
    assert overflow["scroll"] <= overflow["client"], f"{path} scrolls sideways: {overflow}"
    assert overflow["wide"] == [], f"{path} has elements wider than the screen: {overflow['wide']}"
    assert log.errors == []
