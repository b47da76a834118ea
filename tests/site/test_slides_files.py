"""The slide decks' files (bildspel/): reveal.js with its licence, no theme (eight of reveal's
themes import Google Fonts, and the default one embeds a 575 kB font), every address in the
decks relative to the site, and every deck linked from the teacher guide's plans."""

from __future__ import annotations

import re

import pytest

from tests import nu_checker
from widgets.build import slides
from widgets.content import course
from widgets.content.slides import decks


@pytest.fixture(scope="module")
def folder(site):
    if not (site / slides.OUT / "index.html").exists():
        slides.build(site)
    return site / slides.OUT


def test_reveal_is_copied_with_its_licence_and_without_themes(folder):
    shipped = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    expected = {f"reveal/{target}" for _, target in slides.REVEAL_FILES}
    assert expected <= set(shipped)
    assert not any("theme" in name or name.endswith((".woff", ".woff2", ".ttf")) for name in shipped)
    licence = (folder / "reveal" / "LICENSE").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in licence and "Hakim El Hattab" in licence


def test_no_address_in_a_deck_or_its_styles_leaves_the_site(folder):
    for path in [*folder.glob("*.html"), *folder.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        assert "@import" not in text, path
        for address in re.findall(r'(?:src|href)="([^"]+)"|url\(([^)]+)\)', text):
            value = next(a for a in address if a).strip("'\"")
            assert not re.match(r"^[a-z]+:|^//", value) or value.startswith("data:"), (path.name, value)


def test_the_teacher_guide_links_every_deck_its_handout_and_the_pack(site, folder):
    plans = (site / course.page("kursplaner").html).read_text(encoding="utf-8")
    for deck in decks():
        assert f'href="../../bildspel/{deck.id}.html"' in plans, deck.id
        assert f'href="../../bildspel/{deck.id}-utskrift.html"' in plans, deck.id
    assert 'href="../../pdf/rollspelspaket.pdf"' in plans
    assert 'href="../../pdf/deltagarmaterial.pdf"' in plans


def test_the_decks_and_handouts_are_valid_html(folder):
    # our own pages, not the theme's: no exceptions
    problems = nu_checker.errors(nu_checker.messages(sorted(folder.glob("*.html"))))
    assert problems == [], "\n".join(problems[:40])
