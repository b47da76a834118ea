"""*Mina nästa steg* on the built site, as a learner uses it: no kernel, offline.

Typing keeps the answers (also after a reload); *Ladda ner som text* gives exactly the text
that ``PersonalPlan.to_text`` gives; *Skriv ut planen* prints the plan alone, as text, and
the page prints normally again afterwards; *Rensa* asks first and then clears; it works by
keyboard, without storage and on a phone; nothing is fetched from another host.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests import axe
from tests.quiz_driver import assert_focus, tab_to
from widgets.views.plan import PersonalPlan, load_prompts

PAGE = "book/sammanfattning-och-slutprov.html"
STORE_KEY = "tillitskursen:v1:plan"
PROMPTS = {p.id: p for p in load_prompts()}
#: window.print() would open a dialog: count the calls instead.
NO_DIALOG = "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"
ANSWERS = {
    "kannetecken": ["Tillit", "Öppenhet"],
    "relationer": ["Politisk huvudman – utförare"],
    "borja-med": "Fråga utförarna vilka rapporter som hindrar mest.\nTa bort en av dem.",
    "sluta-med": "Sluta kräva minutlistor varje vecka.",
    "prata-med": "Ordföranden i nämnden och cheferna hos utförarna.",
    "forsta-steget": "Boka ett möte med utförarna, senast den 15 januari.",
    "hur-vet-jag": "Personalen säger att de har mer tid. Vi frågar igen efter ett halvår.",
}


def _open(open_page, **options):
    options.setdefault("init_script", NO_DIALOG)
    page, log = open_page(PAGE, **options)
    widget = page.locator(".tk-plan")
    widget.wait_for()
    return page, log, widget


def _area(widget, prompt_id):
    return widget.locator(f'[data-prompt="{prompt_id}"] textarea')


def _box(widget, prompt_id, option):
    return widget.locator(f'fieldset[data-prompt="{prompt_id}"]').get_by_label(option, exact=True)


def _fill(widget, answers):
    for prompt_id, value in answers.items():
        if PROMPTS[prompt_id].kind == "choices":
            for option in value:
                _box(widget, prompt_id, option).check()
        else:
            _area(widget, prompt_id).fill(value)


def _shown(widget) -> dict:
    """What the form shows, in the same shape as the answers."""
    found = {}
    for prompt in PROMPTS.values():
        if prompt.kind == "choices":
            chosen = [o for o in prompt.options if _box(widget, prompt.id, o).is_checked()]
            if chosen:
                found[prompt.id] = chosen
        else:
            value = _area(widget, prompt.id).input_value()
            if value:
                found[prompt.id] = value
    return found


def _stored(page):
    raw = page.evaluate(f"localStorage.getItem({STORE_KEY!r})")
    return None if raw is None else json.loads(raw)


def _browser_date(page) -> str:
    return page.evaluate("""() => { const d = new Date(), p = n => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; }""")


def _clean(log):
    assert log.external == [], f"asked other hosts: {log.external}"
    assert log.errors == [], f"console errors: {log.errors}"


def _visible_except_sheet(page) -> list[str]:
    """Elements of the page that print media would show, outside the print sheet."""
    return page.evaluate("""() => [...document.body.querySelectorAll('*')].filter(el => {
        if (el.closest('.tk-plan-print-page')) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    }).map(el => el.tagName.toLowerCase() + '.' + el.className)""")


def test_labelled_fields_in_one_fieldset(open_page):
    page, log, widget = _open(open_page)
    form = widget.locator("fieldset.tk-plan-form")
    assert form.count() == 1
    assert form.locator(":scope > legend").inner_text() == "Min plan"
    for prompt in PROMPTS.values():
        if prompt.kind == "text":
            area = page.get_by_role("textbox", name=prompt.label, exact=True)
            expect(area).to_be_visible()
            assert area.get_attribute("rows") == str(prompt.rows)
            help_id = area.get_attribute("aria-describedby")
            assert widget.locator(f"#{help_id}").inner_text() == prompt.help
        else:
            group = page.get_by_role("group", name=prompt.label, exact=True)
            expect(group).to_be_visible()
            boxes = group.get_by_role("checkbox")
            assert boxes.count() == len(prompt.options)
            for option in prompt.options:
                expect(group.get_by_role("checkbox", name=option, exact=True)).not_to_be_checked()
    for name in ("Skriv ut planen", "Ladda ner som text", "Rensa"):
        expect(widget.get_by_role("button", name=name, exact=True)).to_be_visible()
    assert widget.locator('[role="status"]').count() == 1
    assert widget.locator(".tk-note").first.get_attribute("data-storage") == "ok"
    # On screen the print version is not shown (and not read by a screen reader).
    expect(widget.locator(".tk-plan-print")).to_be_hidden()
    _clean(log)


def test_typing_is_saved_and_survives_a_reload(open_page):
    page, log, widget = _open(open_page)
    _fill(widget, ANSWERS)
    expect(widget.locator(".tk-status")).to_have_text("✓Sparat i din webbläsare.")
    assert _stored(page) == ANSWERS
    assert widget.get_attribute("data-filled") == str(len(ANSWERS))
    page.reload()
    widget = page.locator(".tk-plan")
    widget.wait_for()
    assert _shown(widget) == ANSWERS
    # Unticking and emptying take answers out again.
    _box(widget, "kannetecken", "Tillit").uncheck()
    _area(widget, "sluta-med").fill("")
    expected = {k: v for k, v in ANSWERS.items() if k != "sluta-med"}
    expected["kannetecken"] = ["Öppenhet"]
    assert _stored(page) == expected
    _clean(log)


def test_download_gives_the_plan_as_utf8_text(open_page, tmp_path):
    page, log, widget = _open(open_page)
    _fill(widget, ANSWERS)
    with page.expect_download() as info:
        widget.get_by_role("button", name="Ladda ner som text").click()
    download = info.value
    assert download.suggested_filename == "mina-nasta-steg.txt"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = saved.read_bytes().decode("utf-8")
    assert text == PersonalPlan.from_data(answers=ANSWERS).to_text(date=_browser_date(page))
    assert "Kännetecken som jag vill arbeta med\nTillit, Öppenhet\n" in text
    assert ANSWERS["borja-med"] in text
    expect(widget.locator(".tk-status")).to_contain_text("mina-nasta-steg.txt")
    _clean(log)


def test_print_shows_only_the_plan_as_text(open_page):
    page, log, widget = _open(open_page)
    _fill(widget, ANSWERS)
    widget.get_by_role("button", name="Skriv ut planen").click()
    assert page.evaluate("window.__printed") == 1
    sheet = page.locator("body > .tk-plan-print-page")
    assert sheet.count() == 1

    page.emulate_media(media="print")
    expect(sheet).to_be_visible()
    assert _visible_except_sheet(page) == []
    expect(page.locator("main h1").first).to_be_hidden()
    expect(widget.locator("textarea").first).to_be_hidden()
    # The answers are text on paper, not form fields.
    assert sheet.locator("input, textarea, select, button").count() == 0
    printed = sheet.inner_text()
    assert printed.startswith("Mina nästa steg")
    assert f"Datum: {_browser_date(page)}" in printed
    for prompt in PROMPTS.values():
        item = sheet.locator(f'[data-prompt="{prompt.id}"]')
        assert item.locator(".tk-plan-print-label").inner_text() == prompt.label
        value = ANSWERS[prompt.id]
        expected = ", ".join(value) if prompt.kind == "choices" else value
        assert item.locator(".tk-plan-print-answer").inner_text() == expected

    # After the print dialog the page prints normally again, the plan as text in its place.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert sheet.count() == 0
    assert page.evaluate("document.documentElement.classList.contains('tk-plan-printing')") is False
    assert _visible_except_sheet(page) != []
    expect(page.locator("main h1").first).to_be_visible()
    expect(widget.locator(".tk-plan-print")).to_be_visible()
    expect(widget.locator("textarea").first).to_be_hidden()
    expect(widget.get_by_role("button", name="Skriv ut planen")).to_be_hidden()

    page.emulate_media(media="screen")
    expect(widget.locator("textarea").first).to_be_visible()
    expect(widget.locator(".tk-plan-print")).to_be_hidden()
    _clean(log)


def test_an_empty_plan_prints_lines_to_write_on(open_page):
    page, log, widget = _open(open_page)
    widget.get_by_role("button", name="Skriv ut planen").click()
    expect(widget.locator(".tk-status")).to_contain_text("Planen är tom.")
    page.emulate_media(media="print")
    sheet = page.locator("body > .tk-plan-print-page")
    expect(sheet).to_be_visible()
    assert sheet.locator(".tk-plan-print-lines").count() == len(PROMPTS)
    assert sheet.locator(".tk-plan-print-answer").count() == 0
    _clean(log)


def test_clear_asks_first_then_removes_everything(open_page):
    page, log, widget = _open(open_page)
    _fill(widget, ANSWERS)
    clear = widget.get_by_role("button", name="Rensa", exact=True)
    clear.click()
    confirm = widget.locator(".tk-plan-confirm")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text("Vill du ta bort allt du har skrivit och valt i planen?")
    expect(confirm).to_contain_text("Dina svar i självtesterna och din tillitsprofil finns kvar.")
    no = widget.get_by_role("button", name="Nej, behåll")
    expect(no).to_be_focused()
    no.click()
    expect(confirm).to_be_hidden()
    expect(clear).to_be_focused()
    assert _shown(widget) == ANSWERS

    clear.click()
    widget.get_by_role("button", name="Ja, rensa planen").click()
    assert _shown(widget) == {}
    expect(widget.locator(".tk-status")).to_have_text("✓Planen är rensad.")
    assert _stored(page) is None
    page.reload()
    widget = page.locator(".tk-plan")
    widget.wait_for()
    assert _shown(widget) == {}
    _clean(log)


def test_keyboard_only(open_page):
    """Real key presses only, with focus checked after each step; Rensa asks first."""
    page, log, widget = _open(open_page)
    first = _box(widget, "kannetecken", "Tillit")
    widget.locator('fieldset[data-prompt="kannetecken"] > legend').click()  # where Tab starts from
    page.keyboard.press("Tab")
    assert_focus(page, first, "Tillit", visible=True)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the next hallmark
    page.keyboard.press("Space")
    assert _shown(widget) == {"kannetecken": ["Tillit", "Medborgarfokus"]}
    tab_to(page, _area(widget, "borja-med"))
    page.keyboard.type("Ett möte i veckan")
    page.keyboard.press("Tab")
    assert_focus(page, _area(widget, "sluta-med"), "Det här vill jag sluta med", visible=True)
    page.keyboard.type("Rapporten")
    assert _stored(page) == {"kannetecken": ["Tillit", "Medborgarfokus"],
                             "borja-med": "Ett möte i veckan", "sluta-med": "Rapporten"}
    clear = widget.get_by_role("button", name="Rensa", exact=True)
    tab_to(page, clear)
    page.keyboard.press("Enter")
    assert_focus(page, widget.get_by_role("button", name="Nej, behåll"), "Nej, behåll", visible=True)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # Ja, rensa planen
    assert_focus(page, clear, "Rensa after clearing", visible=True)
    assert _shown(widget) == {}
    _clean(log)


def test_works_and_says_so_without_storage(open_page):
    blocked = NO_DIALOG + ("Object.defineProperty(window, 'localStorage', {get() {"
                           " throw new DOMException('blockerad', 'SecurityError'); }});")
    page, log, widget = _open(open_page, init_script=blocked)
    note = widget.locator(".tk-note").first
    assert note.get_attribute("data-storage") == "unavailable"
    assert "tillåter inte" in note.inner_text()
    _area(widget, "borja-med").fill("Fråga först.")
    expect(widget.locator(".tk-status")).to_have_text("✓Sparat tills du laddar om sidan.")
    with page.expect_download() as info:
        widget.get_by_role("button", name="Ladda ner som text").click()
    assert info.value.suggested_filename == "mina-nasta-steg.txt"
    assert log.external == []


def test_fits_a_phone_screen(open_page):
    page, log, widget = _open(open_page, viewport={"width": 375, "height": 800})
    _fill(widget, ANSWERS)
    overflow = widget.evaluate("""root => [...root.querySelectorAll('*')].filter(el => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > document.documentElement.clientWidth + 0.5;
    }).map(el => el.tagName + '.' + el.className)""")
    assert overflow == []
    _clean(log)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_when_filled_in(open_page, scheme):
    page, log, widget = _open(open_page, color_scheme=scheme)
    _fill(widget, ANSWERS)
    expect(widget.locator(".tk-status")).to_have_text("✓Sparat i din webbläsare.")
    widget.get_by_role("button", name="Rensa", exact=True).click()  # the confirm step
    found = axe.violations(page, include=".tk-plan")
    assert found == [], axe.describe(found)
    _clean(log)
