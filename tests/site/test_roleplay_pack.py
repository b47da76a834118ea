"""The role-play pack (pdf/rollspelspaket.pdf): every role once as a card, each card on one
half of an A4 sheet with the cut line in the middle, a name tent per role, and the scenario,
proposal template and observer sheet, all with the words of data/rollspel.yml.

The generic checks every PDF gets (tags, /Lang, XMP, DisplayDocTitle, outline, links) are in
test_pdf.py, which lists this file among the PDFs the build writes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from widgets.build import pdf, pdf_inspect
from widgets.build.pdf_roleplay import PACK_FILE, t
from widgets.content.roleplay import roleplay
from widgets.content.ui_text import TEXTS

MM = 72 / 25.4
#: No card text closer than this to the paper's edge (printers leave 4–5 mm blank) or to
#: the cut line.
EDGE = 8 * MM
CUT = 3 * MM


@pytest.fixture(scope="module")
def reader(site) -> PdfReader:
    path = site / "pdf" / PACK_FILE
    if not path.exists():
        pdf.build(site)
    return PdfReader(path)


@dataclass(frozen=True)
class Line:
    y: float        # the baseline, in points from the bottom of the paper
    upright: bool   # False for text printed upside down (the top half of a name tent)
    text: str


def lines(page) -> list[Line]:
    """The page's text lines in reading order, with where they sit."""
    found: list[Line] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append(Line(y, tm[0] * cm[0] > 0, " ".join(text.split())))

    page.extract_text(visitor_text=visit)
    return found


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def _plain(text: str) -> str:
    """A data text as it prints: the small markup's stars gone."""
    return _norm(text.replace("**", "").replace("*", ""))


def _heading_at(found: list[Line], i: int, headings) -> str | None:
    """The card heading that starts at line ``i`` (a long one wraps onto a second line)."""
    for j in range(i + 1, min(i + 3, len(found)) + 1):
        joined = " ".join(line.text for line in found[i:j])
        if joined in headings:
            return joined
    return None


def test_every_role_is_one_card_on_one_half_of_a_sheet(reader):
    play = roleplay()
    headings = {TEXTS["roleplay"]["role_heading"].format(heading=r.heading): r for r in play.roles}
    seen: dict[str, int] = {}
    for number, page in enumerate(reader.pages):
        height = float(page.mediabox.height)
        found = lines(page)
        starts = [i for i in range(len(found)) if _heading_at(found, i, headings)]
        if not starts:
            continue
        cut = [line for line in found if line.text == t["cut"]]
        assert len(cut) == 1 and abs(cut[0].y - height / 2) < 4 * MM, (number, cut)
        assert len(starts) <= 2, (number, [found[i].text for i in starts])
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(found)
            card = [line for line in found[start:end] if line.text != t["cut"]]
            role = headings[_heading_at(found, start, headings)]
            seen[role.id] = seen.get(role.id, 0) + 1
            top = card[0].y > height / 2
            low, high = (height / 2 + CUT, height - EDGE) if top else (EDGE, height / 2 - CUT)
            outside = [(round(line.y / MM), line.text) for line in card if not low <= line.y <= high]
            assert outside == [], (role.id, "utanför sin halva av arket", outside)
            text = _norm(" ".join(line.text for line in card))
            parts = [role.you_are, role.think, *filter(None, (role.secret, role.goal, role.offer))]
            if role.observer:
                parts += play.observer_questions
            for part in parts:
                assert _plain(part) in text, (role.id, part[:40])
    assert seen == {role.id: 1 for role in play.roles}


def test_a_name_tent_for_every_role_readable_from_both_sides(reader):
    play = roleplay()
    tents = {}
    for number, page in enumerate(reader.pages):
        found = lines(page)
        if not any(line.text == t["tent_fold"] for line in found):
            continue
        height = float(page.mediabox.height)
        fold = next(line for line in found if line.text == t["tent_fold"])
        assert abs(fold.y - height / 2) < 4 * MM
        names = [line for line in found if line.text in {r.name for r in play.roles}]
        assert len(names) == 2 and len({n.text for n in names}) == 1, (number, names)
        upright = [n for n in names if n.upright]
        assert len(upright) == 1 and upright[0].y < height / 2, (number, names)
        tents[names[0].text] = tents.get(names[0].text, 0) + 1
    assert tents == {r.name: 1 for r in play.roles}


def test_scenario_template_and_observer_sheet_have_the_datas_words(reader):
    play = roleplay()
    texts = [_norm(x) for x in pdf_inspect.page_texts(reader)]
    everything = " ".join(texts)
    for paragraph in [*play.scenario, play.scenario_note, play.pack.intro, *play.pack.steps,
                      play.proposal_intro, *(p.task for p in play.proposal),
                      *play.template_fields, play.pack.observer_note, *play.observer_questions,
                      *(s.text for s in play.steps)]:
        assert _plain(paragraph) in everything, paragraph[:50]
    # the template and the observer sheet each fit on one page
    template = [i for i, x in enumerate(texts) if _norm(t["proposal_heading"]) in x]
    assert len(template) == 1 and all(_plain(f) in texts[template[0]] for f in play.template_fields)
    observer = [i for i, x in enumerate(texts) if _norm(t["observer_heading"]) in x]
    assert len(observer) == 1 and all(_plain(q) in texts[observer[0]] for q in play.observer_questions)


def test_pack_is_tagged_with_headings_tables_and_lists_and_has_an_outline(reader):
    tags = pdf_inspect.structure_types(reader)
    for tag in ("H1", "H2", "H3", "P", "Table", "TR", "TH", "TD", "L", "LI"):
        assert tags[tag] >= 1, (tag, dict(tags))
    play = roleplay()
    titles = [e.title for _, e in pdf_inspect.walk(pdf_inspect.outline(reader))]
    for heading in (t["cards_heading"], t["tents_heading"], t["proposal_heading"],
                    t["observer_heading"], t["teacher_heading"]):
        assert heading in titles, heading
    cards = [x for x in titles if x.startswith(TEXTS["roleplay"]["role_heading"].split("{")[0])]
    assert len(cards) == len(play.roles)
    assert str(reader.metadata.title).endswith(f"{play.pack.title}: {play.title}")
