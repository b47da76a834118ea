"""Kontrollens dolda kostnader: the Falk & Kosfeld C10 data, its loader and the share model."""

from __future__ import annotations

import json

import numpy as np
import pytest

from widgets.content.data_files import DataFileError
from widgets.models import hidden_costs as hc
from widgets.models.parameters import ParameterError


@pytest.fixture(scope="module")
def data():
    return hc.load_c10()


def test_the_data_gives_the_brief_s_numbers(data):
    s = hc.c10_summary(data)
    assert s["n"] == 72
    assert round(s["mean_controlled"], 1) == 17.5
    assert round(s["mean_trusted"], 1) == 23.0
    assert round(100 * s["share_less_under_control"]) == 57
    assert round(100 * s["share_same"]) == 18
    assert round(100 * s["share_more_under_control"]) == 25
    assert round(100 * s["share_at_minimum"]) == 53
    assert s["median_controlled"] == 10 and s["median_trusted"] == 20
    assert s["payoff_principal_trusted"] == pytest.approx(2 * s["mean_trusted"])
    assert s["payoff_principal_controlled"] == pytest.approx(2 * s["mean_controlled"])
    assert s["payoff_principal_trusted"] > s["payoff_principal_controlled"]


def test_the_file_names_its_source_and_keeps_the_possible_outlier(data):
    text = hc.DATA_FILE.read_text(encoding="utf-8")
    for needle in ("doi:10.1257/aer.96.5.1611", "C10", "strategy method",
                   "github.com/simondhalliday/hidden-benefits-abstaining-control",
                   "data/processed/merged_kf_ziegel.csv", "116246", "doi:10.3886/E116246V1",
                   "Licence", "outlier"):
        assert needle in text
    assert (data.effort_controlled[0], data.effort_trusted[0]) == (95, 105)
    assert np.all(data.effort_controlled >= hc.MINIMUM)


def test_the_file_holds_exactly_the_content_brief_s_pairs(data):
    """The pairs come from the course's content brief (Appendix A), in the same order."""
    import re

    from widgets.paths import ROOT

    brief = ROOT.parent / "shared" / "content-brief.md"
    if not brief.exists():
        pytest.skip(f"{brief} finns inte här (den finns i CI och i utvecklarnas miljö)")
    raw = re.search(r"## Appendix A.*?```\n(.*?)\n```", brief.read_text(encoding="utf-8"), re.S)
    pairs = [tuple(int(v) for v in pair.split(",")) for pair in raw.group(1).strip().split(";")]
    assert pairs == list(zip(data.effort_controlled.tolist(), data.effort_trusted.tolist()))
    assert "content-brief.md, Appendix A" in hc.DATA_FILE.read_text(encoding="utf-8")


def test_group_summaries_are_computed_from_the_file(data):
    groups = hc.group_summaries(data)
    assert [g["key"] for g in groups] == ["all", "averse", "indifferent", "floor"]
    everyone, averse, indifferent, floor = groups
    summary = hc.c10_summary(data)
    # "all" is the same data as c10_summary; the three types split the 72 agents.
    assert everyone["n"] == everyone["total"] == 72
    assert everyone["mean_controlled"] == pytest.approx(summary["mean_controlled"])
    assert everyone["mean_trusted"] == pytest.approx(summary["mean_trusted"])
    assert everyone["share_less_under_control"] == pytest.approx(summary["share_less_under_control"])
    assert averse["n"] + indifferent["n"] + floor["n"] == 72
    assert (averse["n"], indifferent["n"], floor["n"]) == (41, 13, 18)
    # The types are what their names say.
    assert averse["mean_controlled"] < averse["mean_trusted"]
    assert indifferent["mean_controlled"] == pytest.approx(indifferent["mean_trusted"])
    assert floor["mean_controlled"] > floor["mean_trusted"]
    assert averse["share_less_under_control"] == 1 and floor["share_more_under_control"] == 1
    # Most of those who gave more under control would have given nothing if trusted.
    assert floor["zero_trusted"] > floor["n"] / 2
    assert averse["zero_trusted"] == 0
    assert everyone["at_minimum"] == round(summary["share_at_minimum"] * 72)
    # The weighted group means give back the overall mean.
    weighted = sum(g["n"] * g["mean_trusted"] for g in groups[1:]) / 72
    assert weighted == pytest.approx(everyone["mean_trusted"])
    json.loads(json.dumps(groups))


def test_no_replication_figures_are_typed_into_the_model():
    # Ziegelmeyer et al. (2012) are described in words in chapter 5; their data are not in the
    # course, so the model must not carry summary figures of theirs.
    for name in ("ZIEGELMEYER_2012_C10", "StudySummary", "contexts", "_SHARES"):
        assert not hasattr(hc, name)
    assert not hasattr(hc.Parameters, "ziegelmeyer_shares")


def test_default_shares_are_the_data_s(data):
    p = hc.Parameters()
    q = hc.Parameters.from_data(data)
    assert p.share_averse == pytest.approx(q.share_averse)
    assert p.share_indifferent == pytest.approx(q.share_indifferent)
    assert p.share_floor == pytest.approx(0.25)


def test_model_with_the_data_s_shares_reproduces_the_sign_of_the_effect(data):
    result = hc.simulate(hc.Parameters.from_data(data), runs=1000, data=data)
    s = hc.summarise(result)
    assert s["mean_payoff_trusted"] > s["mean_payoff_controlled"]
    assert s["share_runs_trust_better"] > 0.9
    # Resampling by type keeps each type's efforts, so the expectation equals the data.
    expected = hc.expected_payoffs(hc.Parameters.from_data(data), data)
    summary = hc.c10_summary(data)
    assert expected["payoff_trusted"] == pytest.approx(summary["payoff_principal_trusted"])
    assert expected["payoff_controlled"] == pytest.approx(summary["payoff_principal_controlled"])


def test_with_no_control_averse_agents_control_wins(data):
    params = hc.Parameters.with_share_averse(0.0, data)
    s = hc.summarise(hc.simulate(params, runs=500, data=data))
    assert s["mean_payoff_controlled"] > s["mean_payoff_trusted"]
    assert s["share_runs_control_better"] > 0.9
    assert np.all(hc.simulate(params, runs=50, data=data).agent_type != hc.AVERSE)


def test_more_control_averse_agents_make_trust_pay_more(data):
    gaps = [hc.expected_payoffs(hc.Parameters.with_share_averse(s, data), data)
            for s in np.linspace(0, 1, 11)]
    differences = [g["payoff_trusted"] - g["payoff_controlled"] for g in gaps]
    assert np.all(np.diff(differences) > 0)
    share = hc.break_even_share(data)
    assert 0 < share < hc.c10_summary(data)["share_less_under_control"]
    at_break_even = hc.expected_payoffs(hc.Parameters.with_share_averse(share, data), data)
    assert at_break_even["payoff_trusted"] == pytest.approx(at_break_even["payoff_controlled"])


def test_resampled_agents_are_real_agents_of_their_type(data):
    result = hc.simulate(runs=30, seed=3, data=data)
    real = set(zip(data.effort_controlled.tolist(), data.effort_trusted.tolist(), strict=True))
    drawn = zip(result.effort_controlled.ravel().tolist(),
                result.effort_trusted.ravel().tolist(), strict=True)
    assert set(drawn) <= real
    less = result.effort_controlled < result.effort_trusted
    assert np.array_equal(less, result.agent_type == hc.AVERSE)
    assert result.payoff_trusted.shape == (30,)


def test_same_seed_same_result():
    a, b = hc.simulate(seed=5, runs=20), hc.simulate(seed=5, runs=20)
    assert np.array_equal(a.effort_trusted, b.effort_trusted)
    assert np.array_equal(a.agent_type, b.agent_type)
    assert not np.array_equal(a.agent_type, hc.simulate(seed=6, runs=20).agent_type)


def test_summarise_gives_plain_numbers():
    for value in hc.summarise(hc.simulate(runs=20)).values():
        assert type(value) in (int, float)


def test_bad_parameters():
    with pytest.raises(ParameterError, match="summan får vara högst 1"):
        hc.Parameters(share_averse=0.6, share_indifferent=0.6)
    with pytest.raises(ParameterError, match=r"Andel kontrollkänsliga \(share_averse\) = 1.5"):
        hc.Parameters.with_share_averse(1.5)


# --- the loader ---------------------------------------------------------------------------

HEADER = "agent,effort_controlled,effort_trusted"


def write(tmp_path, rows, header=HEADER, comments=("# test file",)):
    path = tmp_path / "c10.csv"
    path.write_text("\n".join([*comments, header, *rows]) + "\n", encoding="utf-8")
    return path


GOOD = ["1,10,0", "2,20,30", "3,15,15"]


def test_loader_reads_a_good_small_file(tmp_path):
    data = hc.load_c10(write(tmp_path, GOOD), expected_rows=3)
    assert data.n == 3
    assert list(data.agent_type) == [hc.FLOOR, hc.AVERSE, hc.INDIFFERENT]


@pytest.mark.parametrize(("rows", "header", "line", "says"), [
    (GOOD, "agent,controlled,trusted", 2, "rubrikraden"),
    (["1,10,0", "2,tio,30", "3,15,15"], HEADER, 4, "effort_controlled = 'tio' är inte ett tal"),
    (["1,10,0", "2,20,121", "3,15,15"], HEADER, 4,
     "effort_trusted = 121 är utanför det tillåtna intervallet 0–120"),
    (["1,10,-1", "2,20,30", "3,15,15"], HEADER, 3, "effort_trusted = -1 är utanför"),
    (["1,10,0", "2,20,30", "3,5,15"], HEADER, 5, "lägre än minimikravet 10"),
    (["1,10,0", "2,20.5,30", "3,15,15"], HEADER, 4, "är inte ett heltal"),
    (["1,10,0", "1,20,30", "3,15,15"], HEADER, 4, "agent 1 finns redan på rad 3"),
    (["1,10,0", "2,20", "3,15,15"], HEADER, 4, "raden har 2 värden, men ska ha 3"),
    (["1,10,0", "2,20,30", "3,15,nan"], HEADER, 5, "'nan' är inte ett tal"),
])
def test_loader_errors_name_file_and_line(tmp_path, rows, header, line, says):
    path = write(tmp_path, rows, header=header)
    with pytest.raises(DataFileError) as caught:
        hc.load_c10(path, expected_rows=3)
    message = str(caught.value)
    assert str(path) in message
    assert f"rad {line}" in message
    assert says in message


def test_loader_wrong_row_count(tmp_path):
    with pytest.raises(DataFileError, match="filen har 3 datarader, men ska ha 72"):
        hc.load_c10(write(tmp_path, GOOD))


def test_loader_missing_and_empty_files(tmp_path):
    with pytest.raises(DataFileError, match="filen finns inte"):
        hc.load_c10(tmp_path / "saknas.csv")
    empty = tmp_path / "empty.csv"
    empty.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="saknar rubrikrad"):
        hc.load_c10(empty)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("# Zürich\n".encode("latin-1"))
    with pytest.raises(DataFileError, match="inte UTF-8"):
        hc.load_c10(latin)
