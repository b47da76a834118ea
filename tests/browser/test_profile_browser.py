"""Tillitsprofilen on the built site, as a learner uses it: no kernel, offline.

Filling in by mouse and keyboard (real key presses) redraws the chart and the reading; the
ratings survive a reload; the CSV download holds exactly the ratings (and reads back in
Python); Rensa asks first, says what it clears and clears only the profile; it still works
where storage is blocked; nothing is fetched from another host.
"""

from __future__ import annotations

import re

import pytest

from tests import axe
from tests.quiz_driver import assert_focus, tab_to
from widgets.content.hallmarks import load_hallmarks
from widgets.content.profiles import read_profile

PAGE = "book/sju-kannetecken.html"
STORE_KEY = "tillitskursen:v1:profile"
HALLMARKS = load_hallmarks()
ALL = {"tillit": 4, "medborgarfokus": 3, "helhetssyn": 2, "handlingsutrymme": 5, "stod": 1,
       "kunskap": 4, "oppenhet": 3}


def _open(open_page, **options):
    page, log = open_page(PAGE, **options)
    widget = page.locator(".tk-profile")
    widget.wait_for()
    return page, log, widget


def _item(widget, hallmark_id):
    return widget.locator(f'fieldset[data-hallmark="{hallmark_id}"]')


def _choose(widget, hallmark_id, value):
    _item(widget, hallmark_id).locator("label").nth(value - 1).click()


def _radio(widget, hallmark_id, value):
    return _item(widget, hallmark_id).locator(f'input[value="{value}"]')


def _checked(widget) -> dict[str, int]:
    found = {}
    for hallmark in HALLMARKS:
        for value in range(1, 6):
            if _radio(widget, hallmark.id, value).is_checked():
                found[hallmark.id] = value
    return found


def _chart_name(widget) -> str:
    chart = widget.locator("svg.tk-profile-chart")
    label_id = chart.get_attribute("aria-labelledby")
    return widget.locator(f"svg.tk-profile-chart title#{label_id}").text_content()


def _reading(widget) -> str:
    return widget.locator(".tk-profile-reading").inner_text()


def _clean(log):
    assert log.external == [], f"asked other hosts: {log.external}"
    assert log.errors == [], f"console errors: {log.errors}"


def test_one_fieldset_per_hallmark_with_labelled_steps(open_page):
    page, log, widget = _open(open_page)
    assert widget.locator("fieldset").count() == 7
    for hallmark in HALLMARKS:
        item = _item(widget, hallmark.id)
        legend = item.locator("legend").inner_text()
        assert hallmark.name in legend and hallmark.description in legend
        for value, statement in enumerate(hallmark.scale, start=1):
            radio = _radio(widget, hallmark.id, value)
            label = item.locator(f'label[for="{radio.get_attribute("id")}"]')
            assert label.is_visible()
            assert label.inner_text().split(None, 1) == [str(value), statement]
            assert radio.get_attribute("type") == "radio"
    chart = page.get_by_role("img", name=re.compile("^Din tillitsprofil"))
    assert chart.count() == 1
    assert "Tillit: inte bedömd" in _chart_name(widget)
    assert _reading(widget) == "Du har inte valt några betyg än."
    assert widget.locator(".tk-profile-reading").get_attribute("aria-live") == "polite"
    assert widget.locator(".tk-note").get_attribute("data-storage") == "ok"
    _clean(log)


def test_clicking_redraws_chart_reading_and_table(open_page):
    page, log, widget = _open(open_page)
    _choose(widget, "kunskap", 4)
    assert _radio(widget, "kunskap", 4).is_checked()
    assert "Kunskap: 4 av 5" in _chart_name(widget)
    row = widget.locator('svg g[data-hallmark="kunskap"]')
    assert row.get_attribute("data-value") == "4"
    assert row.locator("text").nth(1).text_content() == "4 av 5"
    assert float(row.locator("rect.tk-profile-bar").get_attribute("width")) == pytest.approx(271)
    assert _reading(widget) == ("Du har bedömt 1 av 7 kännetecken. "
                                "Alla kännetecken du har bedömt har betyget 4.")

    _choose(widget, "stod", 2)
    _choose(widget, "oppenhet", 2)
    assert _reading(widget) == ("Du har bedömt 3 av 7 kännetecken. "
                                "Starkast: Kunskap (4). Svagast: Stöd och Öppenhet (2).")
    _choose(widget, "kunskap", 1)  # change an answer: the chart follows
    assert "Kunskap: 1 av 5" in _chart_name(widget)
    assert _reading(widget).endswith("Starkast: Stöd och Öppenhet (2). Svagast: Kunskap (1).")

    widget.locator(".tk-profile-details summary").click()
    table_row = widget.locator('.tk-profile-table tr[data-hallmark="stod"]')
    stod = HALLMARKS.get("stod")
    assert table_row.locator("td").all_inner_texts() == ["2 av 5", stod.scale[1]]
    _clean(log)


def test_keyboard_only(open_page):
    """Real key presses only: Tab into a hallmark, Space, arrows, Tab on; Rensa asks first."""
    page, log, widget = _open(open_page)
    _item(widget, "kunskap").locator("legend .tk-profile-name").click()  # where Tab starts from
    page.keyboard.press("Tab")
    assert_focus(page, _radio(widget, "kunskap", 1), "the first step of Kunskap", visible=True)
    page.keyboard.press("Space")
    assert _radio(widget, "kunskap", 1).is_checked()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert _radio(widget, "kunskap", 3).is_checked()
    page.keyboard.press("Tab")  # the next hallmark's group
    assert page.evaluate("document.activeElement.closest('fieldset').dataset.hallmark") == "oppenhet"
    page.keyboard.press("Space")
    assert _checked(widget) == {"kunskap": 3, "oppenhet": 1}
    assert _reading(widget).endswith("Starkast: Kunskap (3). Svagast: Öppenhet (1).")
    assert "Öppenhet: 1 av 5" in _chart_name(widget)
    clear = widget.get_by_role("button", name="Rensa", exact=True)
    tab_to(page, clear)
    page.keyboard.press("Enter")
    assert_focus(page, widget.get_by_role("button", name="Nej, behåll"), "Nej, behåll", visible=True)
    page.keyboard.press("Enter")
    assert_focus(page, clear, "Rensa", visible=True)
    assert _checked(widget) == {"kunskap": 3, "oppenhet": 1}
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")  # Ja, rensa profilen
    page.keyboard.press("Enter")
    assert_focus(page, clear, "Rensa after clearing", visible=True)
    assert _checked(widget) == {}
    _clean(log)


def test_ratings_survive_a_reload(open_page):
    page, log, widget = _open(open_page)
    for hallmark_id in ("tillit", "helhetssyn", "stod"):
        _choose(widget, hallmark_id, ALL[hallmark_id])
    page.reload()
    widget = page.locator(".tk-profile")
    widget.wait_for()
    assert _checked(widget) == {"tillit": 4, "helhetssyn": 2, "stod": 1}
    assert "Tillit: 4 av 5" in _chart_name(widget)
    assert _reading(widget).endswith("Starkast: Tillit (4). Svagast: Stöd (1).")
    _clean(log)


def test_download_csv_holds_the_ratings(open_page, tmp_path):
    page, log, widget = _open(open_page)
    for hallmark_id, value in ALL.items():
        _choose(widget, hallmark_id, value)
    with page.expect_download() as info:
        widget.get_by_role("button", name="Ladda ner som CSV").click()
    download = info.value
    assert download.suggested_filename == "tillitsprofil.csv"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_text(encoding="utf-8") == (
        "kannetecken,betyg\n" + "".join(f"{k},{v}\n" for k, v in ALL.items()))
    assert read_profile(saved).to_dict() == ALL
    assert "tillitsprofil.csv" in widget.locator(".tk-status").inner_text()
    _clean(log)


def test_download_waits_for_all_seven(open_page):
    page, log, widget = _open(open_page)
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    _choose(widget, "tillit", 3)
    _choose(widget, "stod", 3)
    widget.get_by_role("button", name="Ladda ner som CSV").click()
    status = widget.locator(".tk-status").inner_text()
    assert "Det saknas för: Medborgarfokus, Helhetssyn, Handlingsutrymme, Kunskap och Öppenhet." \
        in status
    assert page.evaluate("document.activeElement.closest('fieldset').dataset.hallmark") \
        == "medborgarfokus"
    page.wait_for_timeout(300)
    assert downloads == []
    _clean(log)


def test_clear_removes_everything(open_page):
    page, log, widget = _open(open_page)
    _choose(widget, "tillit", 5)
    _choose(widget, "kunskap", 2)
    assert page.evaluate(f"localStorage.getItem({STORE_KEY!r})") is not None
    page.evaluate("localStorage.setItem('tillitskursen:v1:plan', '{\"borja-med\": \"x\"}')")
    clear = widget.get_by_role("button", name="Rensa", exact=True)
    clear.click()
    confirm = widget.locator(".tk-profile-confirm")
    assert confirm.is_visible()
    assert "Vill du ta bort alla betyg i din tillitsprofil?" in confirm.inner_text()
    assert "Dina svar i självtesterna och din plan finns kvar." in confirm.inner_text()
    assert _checked(widget) == {"tillit": 5, "kunskap": 2}, "nothing is cleared before Ja"
    widget.get_by_role("button", name="Ja, rensa profilen").click()
    assert_focus(page, clear, "Rensa")
    assert _checked(widget) == {}
    assert _reading(widget) == "Du har inte valt några betyg än."
    assert "Tillit: inte bedömd" in _chart_name(widget)
    assert widget.locator("rect.tk-profile-bar").count() == 0
    assert "Profilen är rensad." in widget.locator(".tk-status").inner_text()
    assert page.evaluate(f"localStorage.getItem({STORE_KEY!r})") is None
    assert page.evaluate("localStorage.getItem('tillitskursen:v1:plan')") is not None
    page.reload()
    widget = page.locator(".tk-profile")
    widget.wait_for()
    assert _checked(widget) == {}
    _clean(log)


def test_works_and_says_so_when_storage_is_blocked(open_page):
    blocked = ("Object.defineProperty(window, 'localStorage', {get() {"
               " throw new DOMException('blockerad', 'SecurityError'); }});")
    page, log, widget = _open(open_page, init_script=blocked)
    note = widget.locator(".tk-note")
    assert note.get_attribute("data-storage") == "unavailable"
    assert "tillåter inte" in note.inner_text()
    _choose(widget, "helhetssyn", 5)
    assert "Helhetssyn: 5 av 5" in _chart_name(widget)
    assert log.external == []


def test_fits_a_phone_screen(open_page):
    page, log, widget = _open(open_page, viewport={"width": 375, "height": 800})
    _choose(widget, "handlingsutrymme", 5)
    widget.locator(".tk-profile-details summary").click()
    overflow = widget.evaluate("""root => [...root.querySelectorAll('*')].filter(el => {
        if (el.closest('.tk-table-wrap') && el !== el.closest('.tk-table-wrap')) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > document.documentElement.clientWidth + 0.5;
    }).map(el => el.tagName + '.' + (el.className.baseVal ?? el.className))""")
    assert overflow == []
    table = widget.locator(".tk-profile-table")
    assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth + 1")
    _clean(log)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_when_filled_in(open_page, scheme):
    page, log, widget = _open(open_page, color_scheme=scheme)
    for hallmark_id, value in list(ALL.items())[:5]:
        _choose(widget, hallmark_id, value)
    widget.get_by_role("button", name="Ladda ner som CSV").click()  # the "missing" message
    widget.locator(".tk-profile-details summary").click()
    found = axe.violations(page, include=".tk-profile")
    assert found == [], axe.describe(found)
    _clean(log)
