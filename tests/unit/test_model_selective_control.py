"""Selektiv kontroll: the same budget, spent on everything, at random, or by risk and dialogue."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest

from widgets.models import selective_control as sc
from widgets.models.parameters import ParameterError


def caught(params, runs=300, seed=2):
    result = sc.simulate(params, seed=seed, runs=runs)
    return {s: result.outcomes[s]["serious_caught"] for s in sc.STRATEGIES}, result


def test_equal_budget_for_all_strategies():
    params = sc.Parameters(budget=0.1, cases=1000)
    result = sc.simulate(params, runs=50)
    assert result.cost == 100
    assert np.all(result.outcomes["random"]["inspected"] == 100)
    assert np.all(result.outcomes["guided"]["inspected"] <= 100)
    assert np.all(result.outcomes["everything"]["inspected"] == 1000)


def test_guided_catches_more_serious_problems_than_detailed_control_by_default():
    counts, _ = caught(sc.Parameters())
    assert counts["guided"].mean() > 3 * counts["everything"].mean()
    assert counts["guided"].mean() > counts["random"].mean()


REASONABLE = list(itertools.product(
    [0.05, 0.1, 0.3],          # budget
    [0.3, 0.7, 1.0],           # signal quality
    [0.0, 0.3, 0.7],           # dialogue openness
    [1.0, 2.0],                # depth exponent (1: spreading is as good as sampling)
))


@pytest.mark.parametrize(("budget", "signal", "dialogue", "exponent"), REASONABLE)
def test_guided_beats_detailed_control_over_a_range(budget, signal, dialogue, exponent):
    params = sc.Parameters(budget=budget, signal_quality=signal, dialogue=dialogue,
                           depth_exponent=exponent)
    counts, _ = caught(params, runs=150)
    guided, everything = counts["guided"], counts["everything"]
    se = np.sqrt(guided.var() / guided.size + everything.var() / everything.size)
    assert guided.mean() - everything.mean() > 3 * se


@pytest.mark.parametrize("serious_rate", [0.01, 0.1])
def test_guided_beats_detailed_control_for_rare_and_common_problems(serious_rate):
    counts, _ = caught(sc.Parameters(serious_rate=serious_rate), runs=300)
    assert counts["guided"].mean() > counts["everything"].mean()


@pytest.mark.parametrize("budget", [0.05, 0.1, 0.3])
def test_useless_signal_and_no_dialogue_guided_is_like_random(budget):
    params = sc.Parameters(signal_quality=0.0, dialogue=0.0, budget=budget)
    counts, result = caught(params, runs=2000)
    guided, random = counts["guided"], counts["random"]
    se = np.sqrt(guided.var() / guided.size + random.var() / random.size)
    assert abs(guided.mean() - random.mean()) < 4 * se
    assert abs(guided.mean() - random.mean()) < 0.1 * random.mean()
    minor_g = result.outcomes["guided"]["minor_punished"].mean()
    minor_r = result.outcomes["random"]["minor_punished"].mean()
    assert minor_g == pytest.approx(minor_r, rel=0.05)


def test_spreading_thin_equals_sampling_when_depth_does_not_matter():
    params = sc.Parameters(depth_exponent=1.0)
    counts, _ = caught(params, runs=2000)
    assert counts["everything"].mean() == pytest.approx(counts["random"].mean(), rel=0.1)


def test_detailed_control_punishes_most_minor_problems_and_overlooking_stops_it():
    result = sc.simulate(sc.Parameters(), runs=200)
    punished = {s: result.outcomes[s]["minor_punished"].mean() for s in sc.STRATEGIES}
    assert punished["everything"] > 5 * punished["random"]
    assert punished["guided"] <= punished["random"]
    assert result.outcomes["guided"]["minor_in_dialogue"].mean() > 0
    lenient = sc.simulate(sc.Parameters(overlook_minor=1.0), runs=50)
    for strategy in sc.STRATEGIES:
        assert np.all(lenient.outcomes[strategy]["minor_punished"] == 0)


def test_full_dialogue_catches_every_serious_problem_the_budget_allows():
    params = sc.Parameters(dialogue=1.0, budget=0.1, serious_rate=0.03)
    counts, result = caught(params, runs=100)
    assert np.array_equal(counts["guided"], np.minimum(result.serious, params.reviews))


def test_zero_budget_catches_nothing():
    counts, result = caught(sc.Parameters(budget=0.0, dialogue=0.0), runs=20)
    for strategy in sc.STRATEGIES:
        assert np.all(counts[strategy] == 0)
        assert np.all(result.outcomes[strategy]["inspected"] == 0)


def test_same_seed_same_result():
    a = sc.simulate(seed=9, runs=30)
    b = sc.simulate(seed=9, runs=30)
    for strategy in sc.STRATEGIES:
        for outcome, values in a.outcomes[strategy].items():
            assert np.array_equal(values, b.outcomes[strategy][outcome])
    assert not np.array_equal(a.serious, sc.simulate(seed=10, runs=30).serious)


def test_summarise_gives_plain_numbers():
    summary = sc.summarise(sc.simulate(runs=30))
    for strategy in sc.STRATEGIES:
        assert f"{strategy}_serious_caught" in summary
        assert f"{strategy}_cost_per_serious" in summary
    for value in summary.values():
        assert type(value) in (int, float)


def test_grid_point_format():
    point = sc.grid_point({"budget": 0.1, "signal_quality": 0.5, "dialogue": 0.5}, runs=20)
    json.loads(json.dumps(point))
    assert set(point["outcomes"]) == set(sc.STRATEGIES)
    assert set(point["outcomes"]["guided"]) == {"serious_caught", "minor_punished", "minor_in_dialogue"}


def test_bad_parameters():
    with pytest.raises(ParameterError, match="summan får vara högst 1"):
        sc.Parameters(serious_rate=0.6, minor_rate=0.5)
    with pytest.raises(ParameterError, match=r"Hur mycket djup allvarliga problem kräver "
                                             r"\(depth_exponent\) = 0.5 .* 1–3"):
        sc.Parameters(depth_exponent=0.5)
