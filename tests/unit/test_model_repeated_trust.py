"""Upprepad tillit med brus: Case's strategies, and the results he reports for his settings."""

from __future__ import annotations

import json

import numpy as np
import pytest

from widgets.models import repeated_trust as rt
from widgets.models.parameters import ParameterError

S = {name: code for code, name in enumerate(rt.STRATEGIES)}


def match(a, b, rounds=10, noise=0.0, seed=0, n=1):
    params = rt.Parameters(rounds=rounds, noise=noise)
    score_a, score_b = rt.play_matches(np.full(n, S[a]), np.full(n, S[b]), params,
                                       np.random.default_rng(seed))
    return score_a, score_b


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("copycat", "always_cheat", (-1, 3)),            # cheated once, then 0/0
    ("copycat", "always_cooperate", (20, 20)),
    ("copykitten", "always_cheat", (-2, 6)),         # forgives the first cheat
    ("grudger", "always_cheat", (-1, 3)),
    ("simpleton", "always_cheat", (-5, 15)),         # C, D, C, D, … (lose-shift)
    ("detective", "always_cooperate", (27, -1)),     # C D C C, then exploits
    ("detective", "copycat", (18, 18)),              # copycat retaliates → detective copies
    ("grudger", "detective", (7, 3)),
    ("always_cheat", "always_cheat", (0, 0)),
])
def test_strategies_without_mistakes(a, b, expected):
    score_a, score_b = match(a, b)
    assert (int(score_a[0]), int(score_b[0])) == expected
    score_b2, score_a2 = match(b, a)
    assert (int(score_a2[0]), int(score_b2[0])) == expected


def test_payoffs_follow_case():
    assert [int(x[0]) for x in match("always_cooperate", "always_cheat", rounds=1)] == [-1, 3]
    assert [int(x[0]) for x in match("always_cooperate", "always_cooperate", rounds=1)] == [2, 2]
    params = rt.Parameters(reward=1)
    a, b = rt.play_matches(np.array([S["copycat"]]), np.array([S["copycat"]]), params,
                           np.random.default_rng(0))
    assert (int(a[0]), int(b[0])) == (10, 10)


def test_mistakes_flip_moves_and_are_remembered():
    # At 50 % mistakes every move is a coin flip: expected payoff per round is
    # (2 - 1 + 3 + 0) / 4 = 1 whatever the strategy.
    a, b = match("always_cooperate", "always_cheat", noise=0.5, n=20_000)
    assert a.mean() == pytest.approx(10, abs=0.15)
    assert b.mean() == pytest.approx(10, abs=0.15)
    # A single mistake between two Copycats starts an echo of revenge.
    a, _ = match("copycat", "copycat", noise=0.05, n=20_000)
    assert a.mean() < 19


def test_random_cooperates_half_the_time():
    a, b = match("random", "always_cooperate", n=20_000)
    # Random: half +2 (both cooperate), half +3 (cheats a cooperator) → 25 per 10 rounds.
    assert a.mean() == pytest.approx(25, abs=0.2)


def test_case_one_off_tournament_copycat_wins():
    result = rt.tournament(rt.Parameters.case_tournament())
    scores = result.mean_score_by_strategy()
    assert max(scores, key=scores.get) == "copycat"


def winner(params, runs=100, seed=11):
    return rt.summarise(rt.simulate(params, seed=seed, runs=runs))


@pytest.mark.parametrize(("noise", "expected"), [
    (0.0, "copycat"),
    (0.01, "copykitten"), (0.03, "copykitten"), (0.05, "copykitten"), (0.08, "copykitten"),
    (0.10, "always_cheat"), (0.20, "always_cheat"), (0.30, "always_cheat"),
    (0.49, "always_cheat"),
])
def test_case_noise_bands(noise, expected):
    """Case: 0 % → Copycat; 1–9 % → Copykitten; 10–49 % → Always Cheat (his noise slider)."""
    summary = winner(rt.Parameters.case_noise(noise))
    assert summary["winner"] == expected
    others = [v for k, v in summary["final_share"].items() if k != expected]
    assert summary["winner_mean_share"] - max(others) > 0.15
    assert summary["winner_plurality_share"] > 0.5


def test_nine_percent_is_the_tipping_point():
    """Here 9 % sits on the border: Always Cheat and Copykitten each take over in about half
    of the runs (Case's "1–9 %" band is approximate: "the results turn out something like")."""
    shares = winner(rt.Parameters.case_noise(0.09))["final_share"]
    assert 0.25 < shares["always_cheat"] < 0.65
    assert 0.2 < shares["copykitten"] < 0.55


def test_at_fifty_percent_nobody_wins():
    summary = winner(rt.Parameters.case_noise(0.5), runs=200)
    assert max(abs(g) for g in summary["gain"].values()) < 0.08


@pytest.mark.parametrize("rounds", [1, 2, 3, 4, 5])
def test_five_rounds_or_fewer_always_cheat_dominates(rounds):
    summary = winner(rt.Parameters.case_distrust(rounds), runs=20)
    assert summary["winner"] == "always_cheat"
    assert summary["winner_mean_share"] > 0.95


@pytest.mark.parametrize("rounds", [6, 10])
def test_more_rounds_copycat_wins(rounds):
    summary = winner(rt.Parameters.case_distrust(rounds), runs=20)
    assert summary["winner"] == "copycat"


def test_other_case_settings():
    assert winner(rt.Parameters.case_evolution(), runs=20)["winner"] == "copycat"
    assert winner(rt.Parameters.case_noise_cooperative(0.05), runs=40)["winner"] == "simpleton"


def test_same_seed_same_result_and_population_is_kept():
    params = rt.Parameters(generations=8)
    a = rt.simulate(params, seed=3, runs=6)
    b = rt.simulate(params, seed=3, runs=6)
    assert np.array_equal(a.counts, b.counts)
    assert np.array_equal(a.mean_scores, b.mean_scores, equal_nan=True)
    assert a.counts.shape == (6, 9, len(rt.STRATEGIES))
    assert np.all(a.counts.sum(axis=2) == params.population_size)
    assert np.array_equal(a.counts[:, 0], np.tile(params.counts, (6, 1)))
    assert not np.array_equal(a.counts, rt.simulate(params, seed=4, runs=6).counts)


def test_no_selection_keeps_the_population():
    result = rt.simulate(rt.Parameters(selection=0, generations=3), runs=2)
    assert np.all(result.counts == result.counts[:, :1])


def test_summarise_values():
    summary = winner(rt.Parameters(generations=5), runs=4)
    assert summary["winner"] in rt.STRATEGIES
    assert summary["winner_label"] == rt.STRATEGY_LABELS[summary["winner"]]
    assert sum(summary["final_share"].values()) == pytest.approx(1)
    assert sum(summary["plurality_share"].values()) == pytest.approx(1)


def test_grid_point_format():
    base = rt.Parameters().replace(generations=3)
    point = rt.grid_point({"noise": 0.05, "rounds": 10}, base, runs=2)
    json.loads(json.dumps(point))
    assert list(point["series"]) == ["copycat", "always_cheat", "copykitten", "simpleton", "random"]
    assert len(point["series"]["copycat"]["mean"]) == 4
    assert point["summary"]["winner"] in point["series"]


def test_bad_parameters():
    with pytest.raises(ParameterError, match=r"Risk för misstag \(noise\) = 0.6 .* 0–0.5"):
        rt.Parameters(noise=0.6)
    with pytest.raises(ParameterError, match=r"Rundor per match \(rounds\) = 0 .* 1–50"):
        rt.Parameters(rounds=0)
    with pytest.raises(ParameterError, match=r"Poäng när båda samarbetar \(reward\) = 1.5 är "
                                             r"inte ett heltal"):
        rt.Parameters(reward=1.5)
