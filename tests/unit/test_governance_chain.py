"""The chart of the chain of governance and the six relations for trust (chapter 2)."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from widgets.content.data_files import DataFileError
from widgets.content.relations import load_relations, relations
from widgets.figures.governance_chain import LEVELS, SIDES, STYLES, draw_chain, relation

#: The talk's six relations ("Relationer för tillit"), word for word.
TALK_WORDS = {
    1: "Tillit mellan den politiska huvudmannen och utförarna",
    2: "Tillit mellan beslutsnivåer inom verksamheten",
    3: "Tillit mellan relaterade verksamheter",
    4: "Tillit mellan granskande och granskad verksamhet",
    5: "Tillit mellan medarbetare och medborgare",
    6: "Tillit till det demokratiska systemet",
}
#: The same relations as the chart labels them.
TALK_RELATIONS = {
    1: "Politisk huvudman – utförare",
    2: "Mellan beslutsnivåer",
    3: "Relaterade verksamheter",
    4: "Granskande – granskad",
    5: "Medarbetare – medborgare",
    6: "Tillit till det demokratiska systemet",
}


def texts(fig: Figure) -> list[str]:
    """Every text in the chart, each on one line."""
    return [" ".join(t.get_text().split()) for ax in fig.axes for t in ax.texts]


def test_returns_a_figure_with_one_axes():
    fig = draw_chain()
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 1


def test_every_relation_has_its_number_and_its_label():
    shown = texts(draw_chain())
    for number, label in TALK_RELATIONS.items():
        assert str(number) in shown, f"relation {number} has no numbered badge"
        assert label in shown, f"relation {number} has no label {label!r}"


def test_the_data_file_has_the_talks_six_relations_in_its_order():
    assert {r.number: r.talk for r in relations()} == TALK_WORDS
    assert {r.number: r.text for r in relations()} == TALK_RELATIONS
    badges = [t for t in texts(draw_chain()) if t.isdigit()]
    assert set(badges) == {"1", "2", "3", "4", "5", "6"}


def test_each_relation_has_its_own_line_style():
    """Meaning never rests on colour alone: the styles differ as well as the colours."""
    styles = [str(style) for style, _ in STYLES.values()]
    colours = [colour for _, colour in STYLES.values()]
    assert len(set(styles)) == len(relations())
    assert len(set(colours)) == len(relations())


def test_the_chain_runs_from_voters_through_politics_to_citizens_and_has_the_side_parties():
    shown = texts(draw_chain())
    for _, text in (*LEVELS, *SIDES):
        assert " ".join(text.split()) in shown
    keys = [key for key, _ in LEVELS]
    assert keys[0] == "valjare" and keys[-1] == "brukare"
    assert keys.index("huvudman") < keys.index("ledning") < keys.index("chefer") \
        < keys.index("medarbetare")
    assert any("revision" in t and "tillsyn" in t for t in shown)


def test_text_is_large_enough_to_read_on_a_phone():
    fig = draw_chain()
    sizes = [t.get_fontsize() for ax in fig.axes for t in ax.texts]
    assert min(sizes) >= 13
    assert fig.get_figwidth() <= 6.0  # a narrow figure is scaled down less on a phone


def test_unknown_relation_number_says_what_is_allowed():
    with pytest.raises(ValueError, match="1–6"):
        relation(7)


@pytest.mark.parametrize("text, problem", [
    ("relations: []\n", "minst en relation"),
    ("relations:\n  - number: 2\n    talk: A\n    label: B\n", "här väntas 1"),
    ("relations:\n  - number: 1\n    talk: A\n", "fält saknas: label"),
    ("relations:\n  - number: 1\n    talk: A\n    label: ' '\n", "'label' saknas eller är tomt"),
    ("relations:\n  - number: 1\n    talk: A\n    label: B\n    färg: röd\n", "okänt fält: färg"),
])
def test_a_broken_relations_file_names_the_file_the_relation_and_the_fix(tmp_path, text, problem):
    path = tmp_path / "relationer.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_relations(path)
    message = str(caught.value)
    assert str(path) in message and problem in message and "Så här rättar du:" in message
