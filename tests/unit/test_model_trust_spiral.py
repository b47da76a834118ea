"""Tillitsspiralen: invariants of the purchaser–provider trust model."""

from __future__ import annotations

import json

import numpy as np
import pytest

from widgets.models import trust_spiral as ts
from widgets.models.parameters import ParameterError

RUNS = 400


def final_trust(seed=1, runs=RUNS, **changes):
    return ts.simulate(ts.Parameters(**changes), seed=seed, runs=runs).final_trust


def test_same_seed_same_result_and_another_seed_differs():
    a = ts.simulate(seed=7, runs=50)
    b = ts.simulate(seed=7, runs=50)
    c = ts.simulate(seed=8, runs=50)
    for field in ("trust", "control", "effort", "performance", "final_trust"):
        assert np.array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.performance, c.performance)


def test_shapes_ranges_and_the_control_mapping():
    params = ts.Parameters(periods=30, base_control=0.2)
    result = ts.simulate(params, runs=20)
    for field in ("trust", "control", "effort", "performance"):
        assert getattr(result, field).shape == (20, 30)
    assert result.final_trust.shape == (20,)
    assert np.all((result.trust >= 0) & (result.trust <= 1))
    assert np.all(result.trust[:, 0] == params.starting_trust)
    assert np.allclose(result.control, 0.2 + 0.8 * (1 - result.trust))
    assert np.all((result.effort >= 0) & (result.effort <= 1))
    assert list(result.period) == list(range(1, 31))


def test_without_noise_performance_is_effort_times_ability():
    result = ts.simulate(ts.Parameters(noise=0, ability=1.5), runs=3)
    assert np.allclose(result.performance, 1.5 * result.effort)


@pytest.mark.parametrize("changes", [{}, {"floor": 0.9, "intrinsic_motivation": 0.3},
                                     {"floor": 0.2, "intrinsic_motivation": 1.0},
                                     {"floor": 0.0}, {"base_control": 0.5}])
def test_with_zero_crowding_out_more_control_never_lowers_effort(changes):
    params = ts.Parameters(crowding_out=0.0, **changes)
    control = np.linspace(0, 1, 101)
    effort = ts.provider_effort(control, params)
    assert np.all(np.diff(effort) >= 0)
    # The same in simulations: with trust held fixed (no learning), a lower starting trust
    # means more control, and average effort is never lower.
    averages = [ts.simulate(params.replace(starting_trust=t, learning_rate=0), runs=20)
                .effort.mean() for t in np.linspace(1, 0, 11)]
    assert np.all(np.diff(averages) >= -1e-12)


def test_with_crowding_out_more_control_can_lower_effort():
    params = ts.Parameters(crowding_out=0.8)
    assert ts.provider_effort(0.0, params) > ts.provider_effort(1.0, params)


def test_strong_crowding_out_high_and_low_starting_trust_end_apart():
    high = final_trust(crowding_out=0.8, starting_trust=0.9)
    low = final_trust(crowding_out=0.8, starting_trust=0.3)
    assert high.mean() > 0.9
    assert low.mean() < 0.1
    assert high.mean() - low.mean() > 0.8
    # Same provider, same ability: the futures differ in effort too.
    a = ts.simulate(ts.Parameters(crowding_out=0.8, starting_trust=0.9), seed=1, runs=RUNS)
    b = ts.simulate(ts.Parameters(crowding_out=0.8, starting_trust=0.3), seed=1, runs=RUNS)
    assert a.effort[:, -1].mean() - b.effort[:, -1].mean() > 0.2


@pytest.mark.parametrize("crowding_out", [0.0, 0.1])
def test_weak_crowding_out_high_and_low_starting_trust_converge(crowding_out):
    high = final_trust(crowding_out=crowding_out, starting_trust=0.9)
    low = final_trust(crowding_out=crowding_out, starting_trust=0.3)
    assert abs(high.mean() - low.mean()) < 0.05
    assert low.mean() > 0.9


def test_higher_tolerance_fewer_collapses_after_one_bad_period():
    def collapsed(tolerance):
        trust = final_trust(starting_trust=1.0, shock=0.5, shock_period=10,
                            tolerance=tolerance, runs=1000)
        return (trust < ts.HIGH_TRUST).mean()

    shares = [collapsed(t) for t in (0.0, 0.25, 0.5, 0.75, 1.0)]
    assert all(a > b for a, b in zip(shares, shares[1:], strict=False) if a > 0.01)
    assert shares[0] > 0.5
    assert shares[-1] < 0.05
    # Without the bad period, the high-trust relation holds whatever the tolerance.
    assert (final_trust(starting_trust=1.0, tolerance=0.0, runs=1000) < 0.5).mean() < 0.05


def test_the_bad_period_is_applied_once():
    base = ts.Parameters(noise=0, learning_rate=0, periods=10)
    clean = ts.simulate(base, runs=2)
    shocked = ts.simulate(base.replace(shock=0.3, shock_period=4), runs=2)
    diff = clean.performance - shocked.performance
    assert np.allclose(diff[:, 3], 0.3)
    assert np.allclose(np.delete(diff, 3, axis=1), 0)


def test_summarise_gives_plain_numbers():
    summary = ts.summarise(ts.simulate(runs=50))
    assert set(summary) >= {"mean_final_trust", "share_high_trust_end", "mean_final_effort",
                            "mean_final_control", "mean_performance"}
    for value in summary.values():
        assert type(value) in (int, float)
    assert 0 <= summary["share_high_trust_end"] <= 1


def test_grid_point_format():
    point = ts.grid_point({"starting_trust": 0.2, "crowding_out": 0.9, "tolerance": 0.5}, runs=20)
    json.loads(json.dumps(point))
    assert set(point["series"]) == set(ts.GRID_SERIES)
    assert len(point["series"]["trust"]["mean"]) == ts.Parameters().periods


def test_cross_field_error_names_both_parameters():
    with pytest.raises(ParameterError, match="Period med det dåliga året .* Antal perioder"):
        ts.Parameters(periods=10, shock_period=11)
