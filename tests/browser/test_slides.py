"""The workshop's slide decks (bildspel/): they open, the arrow keys move through every slide,
the speaker view shows the notes, each slide fits the screen, nothing comes from another
host, and axe finds nothing, in the deck and in its printable handout."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.axe import describe, violations
from widgets.build import slides
from widgets.content.slides import decks

DECKS = [deck.id for deck in decks()]


@pytest.fixture(scope="module")
def built(site):
    if not (site / slides.OUT / "index.html").exists():
        slides.build(site)
    return {deck.id: (deck, slides.deck_slides(site, deck)) for deck in decks()}


def _open_deck(open_page, deck_id, **options):
    page, log = open_page(f"{slides.OUT}/{deck_id}.html", **options)
    page.wait_for_selector(".reveal.ready")
    return page, log


def _shown_heading(page) -> str:
    return page.locator(".reveal .slides > section.present").locator("h1, h2").first.inner_text()


@pytest.mark.parametrize("deck_id", DECKS)
def test_the_arrow_keys_move_through_every_slide_and_back(open_page, built, deck_id):
    deck, content = built[deck_id]
    page, log = _open_deck(open_page, deck_id)
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert _shown_heading(page) == deck.title
    page.locator("body").focus()
    for slide in content:
        page.keyboard.press("ArrowRight")
        assert _shown_heading(page) == slide.title
    page.keyboard.press("ArrowRight")          # the last slide stays
    assert _shown_heading(page) == content[-1].title
    page.keyboard.press("ArrowLeft")
    assert _shown_heading(page) == (content[-2].title if len(content) > 1 else deck.title)
    page.keyboard.press("Home")
    assert _shown_heading(page) == deck.title
    assert log.external == [] and log.errors == [], (log.external, log.errors)


@pytest.mark.parametrize("deck_id", DECKS)
def test_every_slide_fits_the_screen_and_only_the_shown_one_is_reachable(open_page, built, deck_id):
    _, content = built[deck_id]
    page, _ = _open_deck(open_page, deck_id, viewport={"width": 1280, "height": 720})
    for number in range(len(content) + 1):
        state = page.evaluate("""() => {
            const shown = Reveal.getCurrentSlide();
            const all = [...document.querySelectorAll('.reveal .slides > section')];
            const others = all.filter(s => s !== shown);
            return {overflow: shown.scrollHeight - Reveal.getConfig().height,
                    inert: others.every(s => s.inert), shownInert: shown.inert};
        }""")
        assert state["overflow"] <= 1, (deck_id, number, state)
        assert state["inert"] and not state["shownInert"], (deck_id, number, state)
        page.keyboard.press("ArrowRight")


@pytest.mark.parametrize("deck_id", DECKS)
def test_the_speaker_view_shows_each_slides_notes(open_page, built, deck_id):
    _, content = built[deck_id]
    page, log = _open_deck(open_page, deck_id)
    page.keyboard.press("ArrowRight")
    with page.expect_popup() as popup_info:
        page.keyboard.press("s")
    popup = popup_info.value
    popup.wait_for_load_state("load")
    for slide in content[:2]:
        words = " ".join(BeautifulSoup(slide.notes, "html.parser").get_text(" ").split()[:6])
        assert len(words.split()) >= 5
        popup.wait_for_function(
            """words => {
                const notes = document.querySelector('.speaker-controls-notes .value');
                return notes && notes.innerText.replace(/\\s+/g, ' ').includes(words);
            }""", arg=words, timeout=10_000)
        page.keyboard.press("ArrowRight")      # the speaker view follows the deck
    assert log.external == [], log.external


@pytest.mark.parametrize("deck_id", DECKS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_in_a_deck(open_page, built, deck_id, scheme):
    _, content = built[deck_id]
    page, log = _open_deck(open_page, deck_id, color_scheme=scheme)
    for _ in range(len(content) + 1):
        found = violations(page)
        assert found == [], f"{deck_id}, {_shown_heading(page)}:\n{describe(found)}"
        page.keyboard.press("ArrowRight")
    assert log.external == [], log.external


@pytest.mark.parametrize("path", ["index.html"] + [f"{d}-{kind}.html" for d in DECKS
                                                   for kind in ("utskrift", "manus")])
def test_the_handouts_and_the_list_of_decks_are_accessible_and_local(open_page, built, path):
    page, log = open_page(f"{slides.OUT}/{path}")
    found = violations(page)
    assert found == [], describe(found)
    assert log.external == [] and log.errors == [], (log.external, log.errors)
    if path != "index.html":
        deck_id, kind = path.removesuffix(".html").rsplit("-", 1)
        deck, content = built[deck_id]
        headings = page.locator("h2").all_inner_texts()
        assert headings == [s.title for s in content]
        assert page.locator("h1").inner_text() == deck.title
        notes = page.locator(".tk-handout-notes")
        if kind == "manus":   # the script: every slide with its notes
            assert notes.count() == len(content)
            for box, slide in zip(notes.all(), content, strict=True):
                words = " ".join(BeautifulSoup(slide.notes, "html.parser").get_text(" ").split()[:6])
                assert words in " ".join(box.inner_text().split())
        else:
            assert notes.count() == 0
