"""The role-play file (``data/rollspel.yml``): the course's own file is valid and keeps its
rules, and each kind of broken file gives one clear Swedish error naming the file, the line,
the role or part, and the fix."""

import re

import pytest
import yaml

from widgets.content.data_files import DataFileError
from widgets.content.roleplay import ROLEPLAY_FILE, SECOND_PERSON, load_roleplay


@pytest.fixture(scope="module")
def play():
    return load_roleplay()


def test_the_course_file_has_eight_roles_that_fill_every_group(play):
    assert len(play.roles) == 8
    assert play.min_size == 5 and play.max_size == 8
    for size in play.sizes:
        assert len(play.roles_for(size)) == size
    assert [r.id for r in play.roles if r.observer] == ["observator"]


def test_role_cards_speak_to_their_reader(play):
    for role in play.roles:
        assert role.you_are.startswith(SECOND_PERSON), role.id
        if not role.observer:
            assert role.secret and role.goal and role.offer, role.id


def test_lex_sarah_hints_are_kept(play):
    by_id = {r.id: r for r in play.roles}
    assert "lex Sarah" in by_id["utforare"].think
    assert "lex Sarah" in by_id["bestallare"].secret
    assert "missförhållanden" in by_id["underskoterska"].secret
    assert any("lex Sarah" in q for q in play.debrief_questions)


def test_timings_add_up_for_both_versions(play):
    assert play.versions == (60, 45)
    for version in play.versions:
        assert sum(s.minutes[version] for s in play.steps) == version


def test_proposal_template_has_the_fields_of_every_part(play):
    assert len(play.proposal) == 4
    assert play.template_fields[0] == "Högst fem mått"
    assert play.template_fields[-1] == "Det här kom vi inte överens om"


def course_file() -> dict:
    return yaml.safe_load(ROLEPLAY_FILE.read_text(encoding="utf-8"))


def write(tmp_path, data) -> str:
    path = tmp_path / "rollspel.yml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                                      sort_keys=False),
                    encoding="utf-8")
    return path


def role(data: dict, role_id: str) -> dict:
    return next(r for r in data["roles"] if r["id"] == role_id)


def _third_person(d):
    role(d, "politiker")["you_are"] = "Ordföranden i äldrenämnden är förtroendevald."


def _missing_goal(d):
    del role(d, "revisor")["goal"]


def _observer_with_goal(d):
    role(d, "observator")["goal"] = "Att se allt."


def _two_observers(d):
    role(d, "revisor")["observer"] = True
    for key in ("secret", "goal", "offer"):
        del role(d, "revisor")[key]


def _group_gap(d):
    role(d, "underskoterska")["from_size"] = 7


def _size_out_of_range(d):
    role(d, "egen-regi")["from_size"] = 12


def _duplicate_role(d):
    role(d, "revisor")["id"] = "politiker"


def _bad_role_id(d):
    role(d, "revisor")["id"] = "Kommun Revisor"


def _timing_sum(d):
    d["timings"]["steps"][2]["minutes"][45] = 20


def _timing_version_missing(d):
    del d["timings"]["steps"][0]["minutes"][45]


def _unknown_role_field(d):
    role(d, "bestallare")["hemlighet"] = "…"


def _missing_section(d):
    del d["observer_sheet"]


def _empty_questions(d):
    d["debrief"]["questions"] = []


def _pack_without_steps(d):
    del d["pack"]["steps"]


BROKEN = {
    "third-person-card": (_third_person, "politiker", "Du är"),
    "missing-goal": (_missing_goal, "revisor", "'goal' saknas"),
    "observer-with-goal": (_observer_with_goal, "observator", "observatören har inget eget"),
    "two-observers": (_two_observers, "roles", "exakt en observatör"),
    "group-gap": (_group_gap, "roles", "en grupp med 7 deltagare får 8 roller"),
    "size-out-of-range": (_size_out_of_range, "egen-regi", "from_size"),
    "duplicate-role": (_duplicate_role, "roll 6", "används redan"),
    "bad-role-id": (_bad_role_id, "roll 6", "inte giltigt"),
    "timing-sum": (_timing_sum, "timings", "45 minuter tar sammanlagt 47"),
    "timing-version-missing": (_timing_version_missing, "scenario", "varje version"),
    "unknown-field": (_unknown_role_field, "bestallare", "okänt fält: hemlighet"),
    "missing-section": (_missing_section, "filens början", "observer_sheet"),
    "empty-questions": (_empty_questions, "debrief", "minst en text"),
    "pack-without-steps": (_pack_without_steps, "pack", "steps"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_file_names_the_file_the_item_and_the_fix(tmp_path, case):
    change, item, expected = BROKEN[case]
    data = course_file()
    change(data)
    path = write(tmp_path, data)
    with pytest.raises(DataFileError) as caught:
        load_roleplay(path)
    message = str(caught.value)
    assert str(path) in message, message
    assert item in message, message
    assert expected in message, message
    assert "Så här rättar du:" in message, message


def test_an_error_names_the_line_of_the_role(tmp_path):
    text = ROLEPLAY_FILE.read_text(encoding="utf-8")
    text = text.replace("Du är ordförande i äldrenämnden", "Ordföranden i äldrenämnden", 1)
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        load_roleplay(path)
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "- id: politiker" in row)
    assert caught.value.line == line
    assert re.search(rf"rad {line}, roll 'politiker'", str(caught.value))


def test_not_yaml_and_missing_file(tmp_path):
    with pytest.raises(DataFileError, match="YAML"):
        load_roleplay(write(tmp_path, "roles: [\n  - id: a\n bad"))
    with pytest.raises(DataFileError, match="filen finns inte"):
        load_roleplay(tmp_path / "saknas.yml")
