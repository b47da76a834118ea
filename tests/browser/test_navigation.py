"""The course menu (☰) and the page contents (☷) work on phones, tablets and desktops, by touch,
mouse and keyboard (issue 18: tapping them only showed a tooltip, pydata-sphinx-theme#2451).

On narrow screens both open the theme's modal <dialog>: it shows the contents, keeps the
keyboard inside while open (the rest of the page is inert), closes with Escape or its "Stäng"
button and gives focus back to the button. On a wide screen the course menu is a sidebar that
☰ hides and shows in place (a disclosure, no trap), and the page contents are always shown.
Screenshots of the open phone menus go to _build/screenshots/.
"""

import pytest

from tests import axe
from tests.helpers import ROOT
from widgets.content import course
from widgets.content.ui_text import TEXTS

SHOTS = ROOT / "_build" / "screenshots"
CHAPTER = course.chapters()[0]
SITE = TEXTS["site"]
#: (button, dialog, its Swedish name, a link it must show)
MENUS = {
    "kursmeny": (".primary-toggle", "#pst-primary-sidebar-modal", SITE["main_nav"],
                 course.chapters()[4].title),
    "sidans-innehall": (".secondary-toggle", "#pst-secondary-sidebar-modal", SITE["page_nav"],
                        "Tre definitioner"),
}
#: Where the keyboard focus is: in the open dialog (and which of its visible controls) or not.
FOCUS = """sel => {
    const dialog = document.querySelector(sel), a = document.activeElement;
    const controls = [...dialog.querySelectorAll('a[href], button')].filter(e => e.getClientRects().length);
    return {inDialog: dialog.contains(a), tag: a.tagName, index: controls.indexOf(a), count: controls.length};
}"""


def open_at(open_page, width, path=CHAPTER.html):
    return open_page(path, viewport={"width": width, "height": 800}, has_touch=True,
                     is_mobile=width < 1000)


def press(page, button, how):
    """Use the button as a learner would: a finger, a mouse or the keyboard."""
    if how == "tap":
        button.tap()
    elif how == "click":
        button.click()
    else:
        button.focus()
        page.keyboard.press("Enter")


def is_open(page, dialog):
    return page.evaluate("sel => document.querySelector(sel).open", dialog)


@pytest.mark.parametrize("how", ["tap", "click", "keyboard"])
@pytest.mark.parametrize("menu", sorted(MENUS))
@pytest.mark.parametrize("width", [375, 800])
def test_narrow_menus_open_trap_focus_and_close_with_escape(open_page, width, menu, how):
    toggle_selector, dialog, name, link_text = MENUS[menu]
    page, log = open_at(open_page, width)
    toggle = page.locator(toggle_selector)
    assert toggle.count() == 1 and toggle.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"

    press(page, toggle, how)
    page.wait_for_function("sel => document.querySelector(sel).open", arg=dialog)
    box = page.locator(dialog)
    assert box.get_attribute("aria-label") == name
    assert box.get_by_role("link", name=link_text, exact=False).first.is_visible()
    page.wait_for_function("sel => document.querySelector(sel).getAttribute('aria-expanded') === 'true'",
                           arg=toggle_selector)
    if how == "tap" and width == 375:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"phone-{menu}-{width}.png"))

    # Tab goes through the links and wraps around: never to the page behind the dialog
    # (the one stop outside is the browser's own, on <body>, as for any modal dialog)
    count = page.evaluate(FOCUS, dialog)["count"]
    stops = []
    for _ in range(count + 3):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUS, dialog))
    outside = [s for s in stops if not s["inDialog"] and s["tag"] != "BODY"]
    assert outside == [], f"focus left the open menu: {outside}"
    # (the dialog itself is a stop too when it scrolls: Chromium lets the keyboard scroll it)
    visited = [s["index"] for s in stops if s["inDialog"] and s["index"] >= 0]
    assert set(visited) == set(range(count)), "Tab did not reach every link in the menu"
    assert len(visited) > len(set(visited)), "Tab did not wrap around inside the menu"

    if how == "tap":  # a touch screen reader has no Escape key: the menu has a close button
        box.get_by_role("button", name=SITE["close_menu"]).tap()
    else:
        page.keyboard.press("Escape")
    page.wait_for_function("sel => !document.querySelector(sel).open", arg=dialog)
    page.wait_for_function("sel => document.activeElement === document.querySelector(sel)",
                           arg=toggle_selector)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.locator(".tk-dialog-close").count() == 0  # not left behind in the sidebar
    assert log.errors == []


@pytest.mark.parametrize("how", ["tap", "click", "keyboard"])
def test_wide_course_menu_hides_and_shows_in_place(open_page, how):
    page, log = open_at(open_page, 1280)
    toggle = page.locator(".primary-toggle")
    nav = page.get_by_role("navigation", name=SITE["main_nav"])
    chapter_link = nav.get_by_role("link", name=course.chapters()[4].title, exact=False)
    assert chapter_link.is_visible() and toggle.get_attribute("aria-expanded") == "true"

    press(page, toggle, how)
    chapter_link.wait_for(state="hidden")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not is_open(page, "#pst-primary-sidebar-modal")  # in place, not a dialog
    press(page, toggle, how)
    chapter_link.wait_for(state="visible")
    assert toggle.get_attribute("aria-expanded") == "true"
    if how == "keyboard":
        # the keyboard user keeps their place, and the menu's links come next
        assert page.evaluate("document.activeElement.classList.contains('primary-toggle')")
        chapter_link.focus()
        menu = page.evaluate("document.activeElement.closest('nav').getAttribute('aria-label')")
        assert menu == SITE["main_nav"]
    assert log.errors == []


def test_wide_page_contents_are_always_shown(open_page):
    page, _ = open_at(open_page, 1280)
    assert not page.locator(".secondary-toggle").is_visible()  # nothing to open: it is there
    toc = page.locator("#pst-page-toc-nav")
    assert toc.get_by_role("link", name="Tre definitioner").is_visible()


@pytest.mark.parametrize("width", [375, 1280])
def test_landmarks_have_swedish_names_and_no_icon_glyphs(open_page, width):
    page, _ = open_at(open_page, width)
    if width < 1000:
        page.locator(".primary-toggle").click()
        page.wait_for_function("document.querySelector('#pst-primary-sidebar-modal').open")
    snapshot = page.locator("body").aria_snapshot()
    assert f'navigation "{SITE["main_nav"]}"' in snapshot
    assert 'navigation "Om webbplatsen"' in snapshot
    assert "Main" not in snapshot and '"Page"' not in snapshot
    assert not any("\ue000" <= ch <= "\uf8ff" for ch in snapshot), "a private-use icon glyph is read out"
    # the course's name and the search button are inside the menu's landmark
    menu = page.get_by_role("navigation", name=SITE["main_nav"])
    assert menu.get_by_role("link", name="Tillitskursen", exact=True).count() == 1
    if width >= 1000:
        assert menu.get_by_role("button", name="Sök").count() == 1
        assert page.get_by_role("button", name="Sök").count() == 1  # no duplicate outside


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("menu", sorted(MENUS))
def test_open_menus_pass_axe(open_page, menu, scheme):
    toggle_selector, dialog, _, _ = MENUS[menu]
    page, _ = open_page(CHAPTER.html, viewport={"width": 375, "height": 800}, has_touch=True,
                        is_mobile=True, color_scheme=scheme)
    page.locator(toggle_selector).tap()
    page.wait_for_function("sel => document.querySelector(sel).open", arg=dialog)
    found = axe.violations(page, include=dialog)
    assert found == [], axe.describe(found)
