"""On the built site, offline: every control of every explorer changes its chart; keyboard use
with real key presses keeps focus where it should be (light and dark mode); the print version
of a guess-first explorer shows every case; headings fit the page."""

import pytest

from tests import axe
from tests.chart_layout import label_problems
from tests.helpers import chart_signature as _chart_signature
from tests.helpers import settle
from widgets.content import course

#: Independent tests, one page each: spread over the workers (conftest.py).
SPREAD_OVER_WORKERS = True

PAGES = [p for p in course.pages()
         if p.is_notebook and "widgets.views.explorer.Explorer" in p.path.read_text()]
CHAPTER_9 = "book/bestallare-och-utforare.html"
CHAPTER_5 = "book/sjalvuppfyllande-forvantningar.html"


def test_the_chapters_with_explorers_are_found():
    assert {p.slug for p in PAGES} >= {"sjalvuppfyllande-forvantningar", "forbehall",
                                       "bestallare-och-utforare"}


@pytest.mark.parametrize("info", PAGES, ids=[p.slug for p in PAGES])
def test_every_control_changes_the_chart_on_the_page(open_page, info):
    page, log = open_page(info.html)
    settle(page)
    explorers = page.locator(".tk-explorer")
    assert explorers.count() >= 1
    for i in range(explorers.count()):
        box = explorers.nth(i)
        box.scroll_into_view_if_needed()
        skip = box.get_by_role("button", name="Visa utan att gissa")
        if skip.count() and skip.is_visible():
            skip.click()
        for slider in box.locator('input[type="range"]').all():
            before = _chart_signature(box)
            slider.focus()
            at_end = slider.input_value() == slider.get_attribute("max")
            page.keyboard.press("Home" if at_end else "End")
            assert _chart_signature(box) != before, (info.slug, box.get_attribute("data-explorer"))
        choices = box.locator(".tk-choices input")
        if choices.count():
            before = _chart_signature(box)
            choices.nth(1).check()
            assert _chart_signature(box) != before
    assert label_problems(page) == []
    assert log.errors == [] and log.external == []


# --- keyboard only -----------------------------------------------------------------------------

#: Records what the explorers' live regions say (to check that a result is announced once).
RECORD = """() => {
  window.tkSaid = [];
  for (const region of document.querySelectorAll('.tk-explorer .tk-announce')) {
    new MutationObserver(() => region.textContent && window.tkSaid.push(region.textContent))
      .observe(region, { childList: true, characterData: true, subtree: true });
  }
}"""


def _focus(page) -> dict:
    """What has focus: tag, role-ish description, text, and whether its outline shows."""
    return page.evaluate("""() => {
        const e = document.activeElement;
        const style = getComputedStyle(e);
        return { tag: e.tagName, type: e.type || '', cls: e.className || '',
                 text: (e.getAttribute('aria-valuetext') || e.textContent || '').trim().slice(0, 120),
                 pressed: e.getAttribute('aria-pressed'),
                 outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                 inExplorer: Boolean(e.closest('.tk-explorer')) };
    }""")


def _press(page, key: str) -> dict:
    page.keyboard.press(key)
    focus = _focus(page)
    assert focus["tag"] != "BODY", f"focus fell to <body> after {key}"
    return focus


def _tab_into(page, box) -> dict:
    """Click the paragraph just before the explorer, then Tab until focus is inside it (past
    any link in that paragraph). A reader's own way there; every step after it is a key."""
    cell = "ancestor::div[contains(concat(' ', @class, ' '), ' cell ')][1]"
    lead = box.locator(f"xpath={cell}/preceding-sibling::p[1]")
    lead.scroll_into_view_if_needed()
    lead.click(position={"x": 2, "y": 2})
    for _ in range(12):
        focus = _press(page, "Tab")
        if focus["inExplorer"]:
            return focus
    raise AssertionError("Tab never reached the explorer")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_only_guess_compare_and_controls_keep_focus(open_page, scheme):
    page, log = open_page(CHAPTER_9, color_scheme=scheme)
    settle(page)
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    box = page.locator('.tk-explorer[data-explorer="tillitsspiralen-bestallare"]')
    page.evaluate(RECORD)
    focus = _tab_into(page, box)
    assert focus["type"] == "radio" and focus["outline"]
    focus = _press(page, "ArrowDown")  # the second option: low trust stays low
    assert focus["type"] == "radio"
    assert box.locator(".tk-guess input").nth(1).is_checked()
    focus = _press(page, "Tab")
    assert focus["text"] == "Visa vad som händer" and focus["outline"]
    focus = _press(page, "Enter")
    # the buttons are gone: focus is on the feedback, which says what the guess means
    assert "tk-guess-feedback" in focus["cls"] and focus["text"].startswith("Din gissning:")
    assert focus["outline"]
    page.wait_for_timeout(600)
    assert page.evaluate("window.tkSaid") == []  # read by focus, not announced a second time
    assert box.locator('input[type="range"]').get_attribute("aria-valuetext") == "0,4"

    focus = _press(page, "Tab")
    assert focus["text"].endswith("Låg tillit från start") and focus["pressed"] == "true"
    focus = _press(page, "Tab")
    assert focus["text"] == "Hög tillit från start" and focus["pressed"] == "false"
    focus = _press(page, "Space")
    assert focus["text"].endswith("Hög tillit från start") and focus["pressed"] == "true"
    page.wait_for_function("() => window.tkSaid.length === 1")
    reading = box.locator(".tk-reading").first.inner_text()
    assert "tillit 1,0" in reading and page.evaluate("window.tkSaid") == [reading]

    focus = _press(page, "Tab")
    assert focus["tag"] == "INPUT" and focus["type"] == "range" and focus["outline"]
    for key, value in (("Home", "0,2"), ("End", "1,0"), ("ArrowLeft", "0,8")):
        focus = _press(page, key)
        assert focus["type"] == "range" and focus["text"] == value
    page.wait_for_function("() => window.tkSaid.length === 2")
    page.wait_for_timeout(600)
    said = page.evaluate("window.tkSaid")
    assert len(said) == 2 and "tillit 0,8" in said[1]  # three quick presses: one announcement

    focus = _press(page, "Tab")
    assert focus["tag"] == "SUMMARY" and focus["text"] == "Visa siffrorna som tabell"
    _press(page, "Enter")
    assert box.locator("details.tk-details").evaluate("d => d.open")
    focus = _press(page, "Tab")
    assert focus["tag"] == "SUMMARY" and focus["text"] == "Om modellen"
    focus = _press(page, "Shift+Tab")
    assert focus["text"] == "Visa siffrorna som tabell"
    # everything revealed and open: no WCAG problems in this colour scheme
    found = axe.violations(page, include='.tk-explorer[data-explorer="tillitsspiralen-bestallare"]')
    assert found == [], axe.describe(found)
    assert log.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_only_skip_moves_focus_to_what_was_revealed(open_page, scheme):
    page, log = open_page(CHAPTER_5, color_scheme=scheme)
    settle(page)
    box = page.locator('.tk-explorer[data-explorer="kontrollens-kostnad-modell"]')
    assert _tab_into(page, box)["type"] == "radio"
    assert _press(page, "Tab")["text"] == "Visa vad som händer"
    focus = _press(page, "Tab")
    assert focus["text"] == "Visa utan att gissa"
    focus = _press(page, "Space")
    assert "tk-guess-feedback" in focus["cls"] and "Här är simuleringen" in focus["text"]
    assert box.locator(".tk-reading").first.is_visible()
    assert box.get_by_role("button", name="Var femte är kontrollkänslig").get_attribute(
        "aria-pressed") == "true"
    focus = _press(page, "Tab")
    assert focus["text"].endswith("Var femte är kontrollkänslig")
    _press(page, "Tab")
    focus = _press(page, "Tab")
    assert focus["type"] == "range" and focus["text"] == "20\u00a0%"
    assert _press(page, "ArrowRight")["text"] == "25\u00a0%"
    assert log.errors == []


# --- print and headings --------------------------------------------------------------------

def test_print_shows_both_cases_of_the_spiral(open_page):
    page, log = open_page(CHAPTER_9)
    settle(page)
    page.emulate_media(media="print")
    box = page.locator('.tk-explorer[data-explorer="tillitsspiralen-bestallare"]')
    cases = box.locator(".tk-print-case")
    assert cases.count() == 2
    assert [c.locator("figcaption").inner_text() for c in cases.all()] == [
        "Låg tillit från start", "Hög tillit från start"]
    readings = [c.locator(".tk-case-reading").inner_text() for c in cases.all()]
    assert "tillit 0,4" in readings[0] and "tillit 1,0" in readings[1]
    assert "0 av 100" in readings[0] and "100 av 100" in readings[1]
    for case in cases.all():
        assert case.locator("svg.tk-chart").is_visible()
    # the low case is not flat: trust falls over the periods
    trust = cases.nth(0).locator('path[data-series="trust"]').get_attribute("d")
    heights = [float(p.split(",")[1]) for p in trust[1:].split("L")]
    assert heights[-1] - heights[0] > 50  # SVG y grows downwards
    # not the screen's single chart, and no controls or question form on paper
    assert not box.locator(".tk-panel > .tk-figure").is_visible()
    assert not box.locator(".tk-guess").is_visible()
    assert not box.locator('input[type="range"]').is_visible()
    assert "onda spiralen" in box.locator(".tk-after-guess").inner_text()
    assert label_problems(box) == []
    assert log.errors == []


def test_explorer_headings_fit_the_page(open_page):
    page, _ = open_page(CHAPTER_5)
    settle(page)
    # each explorer's title is one level below the page heading it sits under (an h2 or an h3)
    pairs = page.locator(".tk-explorer-title").evaluate_all("""hs => hs.map((h) => {
        const page = [...document.querySelectorAll('article h1, article h2, article h3, article h4')]
            .filter((p) => !p.closest('.tk-explorer')
                    && (p.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING));
        return [Number(page.at(-1).tagName.slice(1)), Number(h.tagName.slice(1))];
    })""")
    assert len(pairs) == 7
    assert all(title == above + 1 for above, title in pairs), pairs
    assert {above for above, _ in pairs} >= {2, 3}      # the rule is tested at two depths
