"""Chapter 9's role-play and the teacher guide show the texts of ``data/rollspel.yml``: one
role card per role, each a section with its own heading whose text opens from the keyboard,
and tables with captions for the timings, the groups, the roles and the proposal template."""

import re

from widgets.content.roleplay import load_roleplay

CHAPTER = "book/bestallare-och-utforare.html"
GUIDE = "book/lararhandledning/rollspel-och-sjalvskattning.html"


def test_every_role_is_a_card_with_a_heading_and_a_closed_text(open_page):
    play = load_roleplay()
    page, log = open_page(CHAPTER)
    headings = page.get_by_role("heading", name=re.compile(r"^Roll: "))
    assert headings.count() == len(play.roles)
    for role in play.roles:
        card = page.get_by_role("region", name=f"Roll: {role.heading}")
        assert card.count() == 1, role.id
        assert card.get_by_role("heading", level=3).inner_text() == f"Roll: {role.heading}"
        # a participant reads only their own role: the text is closed until asked for
        assert not card.get_by_text(role.you_are).is_visible()
    assert log.errors == [] and log.external == []


def test_a_role_opens_with_the_keyboard_and_shows_its_parts(open_page):
    play = load_roleplay()
    role = next(r for r in play.roles if r.id == "utforare")
    page, _ = open_page(CHAPTER)
    card = page.get_by_role("region", name=f"Roll: {role.heading}")
    summary = card.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert card.get_by_text(role.you_are).is_visible()
    terms = card.locator("dt").all_inner_texts()
    assert terms == ["Det här vet bara du", "Ditt mål", "Det här kan du erbjuda", "Tänk på"]
    assert "lex Sarah" in card.locator("dd").last.inner_text()
    page.keyboard.press("Enter")
    assert not card.get_by_text(role.you_are).is_visible()


def test_the_observer_card_lists_the_observer_questions(open_page):
    play = load_roleplay()
    page, _ = open_page(CHAPTER)
    card = page.get_by_role("region", name="Roll: Observatör")
    card.locator("summary").click()
    items = card.locator("dd li").all_inner_texts()
    assert items == list(play.observer_questions)


def test_chapter_shows_scenario_timings_and_debrief_from_the_data(open_page):
    play = load_roleplay()
    page, _ = open_page(CHAPTER)
    assert page.get_by_text(play.scenario[0]).is_visible()
    table = page.get_by_role("table", name=re.compile("Tid för rollspelet"))
    rows = table.locator("tbody tr").all_inner_texts()
    assert len(rows) == len(play.steps) + 1
    assert re.sub(r"\s+", " ", rows[-1]) == "Sammanlagt 60 min 45 min"
    assert page.get_by_text(play.debrief_questions[-1]).is_visible()


def test_guide_shows_groups_casting_timings_template_and_observer_sheet(open_page):
    play = load_roleplay()
    page, log = open_page(GUIDE)
    groups = page.get_by_role("table", name=re.compile("Roller efter gruppens storlek"))
    rows = groups.locator("tbody tr").all_inner_texts()
    assert [r.split()[0] for r in rows] == [str(n) for n in play.sizes]
    assert "undersköterska" in rows[-1] and "undersköterska" not in rows[-2]
    casting = page.get_by_role("table", name=re.compile("Rollerna och vem de passar"))
    assert casting.locator("tbody tr").count() == len(play.roles)
    template = page.get_by_role("table", name=re.compile("Mall för gruppens förslag"))
    assert template.locator("tbody tr").all_inner_texts()[0].strip() == play.template_fields[0]
    assert template.locator("tbody tr").count() == len(play.template_fields)
    assert page.get_by_role("table", name=re.compile("Tid för rollspelet")).count() == 1
    assert page.get_by_text(play.observer_questions[0]).count() >= 1
    assert log.errors == [] and log.external == []
