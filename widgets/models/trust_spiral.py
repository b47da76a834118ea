"""Tillitsspiralen: how a purchaser's expectations can make themselves come true.

A purchaser (beställare) and a provider (utförare) meet once per period, over many periods.

Each period:

1. **Control follows trust.** The purchaser's trust ``T`` (0–1) sets how much it controls:
   ``control = base_control + (1 - base_control) * (1 - T)``. With ``base_control = 0`` this
   is ``control = 1 - T``.
2. **Control sets a floor but crowds out motivation.** Control can force a minimum effort,
   ``floor * control``. It also crowds out the provider's own (intrinsic) motivation:
   ``motivation = intrinsic_motivation * (1 - crowding_out * control)``. With
   ``crowding_out = 0`` control costs no motivation at all.
3. **Effort** is the larger of the two: ``effort = max(floor * control, motivation)``.
4. **Performance** is what the purchaser sees: ``effort * ability + noise * e`` with ``e`` a
   standard normal draw (plus, optionally, one bad period: ``shock`` subtracted in period
   ``shock_period``).
5. **Trust is updated** from the surprise ``s = performance - expectation``:
   ``T += learning_rate * s`` when ``s >= 0`` and
   ``T += learning_rate * s * (1 + 3 * (1 - tolerance))`` when ``s < 0``, then clipped to
   0–1. So with ``tolerance = 1`` a shortfall weighs as much as an equal surplus; with
   ``tolerance = 0`` it weighs four times as much ("trust arrives on foot and leaves on
   horseback"). Tolerance is the talk's *överse med mindre allvarliga misstag*: a tolerant
   purchaser lets one bad result move it a little, but a persistent shortfall still lowers
   trust period after period (it still acts on serious, lasting problems).

The key property (after Merton's self-fulfilling prophecy and motivation-crowding theory,
Frey & Jegen 2001): with strong crowding-out the same provider, with the same ability, ends in
one of two futures depending on the purchaser's **starting trust**. High trust → little
control → high motivation → performance above expectation → trust stays high. Low trust →
much control → motivation crowded out, effort only at the floor → performance below
expectation → trust falls further. With weak (or no) crowding-out, control costs little
motivation, performance stays above expectation and both starting points converge to high
trust.

With the defaults (ability 1, intrinsic motivation 0.8, floor 0.5, expectation 0.6, noise 0.1,
tolerance 0.5, crowding-out 0.8) the threshold between the two futures lies at a starting
trust of about 0.7–0.8: from 0.6 almost every run ends in low trust, from 0.9 almost every run
ends in high trust. The threshold rises when tolerance falls or crowding-out grows.

Assumptions
-----------
- One purchaser and one provider, the same every period; ability and motivation are fixed.
  Only the purchaser learns; the provider reacts to the current control and has no memory.
- Control is a single number 0–1 and maps linearly to the effort floor and to crowding-out.
- The purchaser's expectation is fixed; noise is normal and independent between periods.
- Runs differ only in their noise draws (same seed → identical result).

What it does not show
---------------------
- It is an illustration, not an estimate: the numbers are not calibrated to any data, and the
  size of crowding-out in real organisations is debated (Frey & Jegen 2001; Jussim & Harber
  2005 find expectation effects that exist but are usually small).
- The provider does not learn, retaliate, leave or change its ability; the purchaser does not
  switch provider, sanction or reward. There is no cost of control, no budget and no third
  party (citizens, politicians, auditors).
- It does not show that control is always harmful: with weak crowding-out more control never
  lowers effort here, and with a provider that lacks motivation the floor is what keeps effort
  up.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from widgets.models.parameters import (
    DEFAULT_SEED,
    Spec,
    band,
    check_at_most_field,
    check_runs,
    labels,
    replace,
    rng_for,
    rounded,
    validate,
)

#: How much more a shortfall weighs than an equal surplus when tolerance is 0 (minus one).
NEGATIVITY = 3.0

#: Final trust at or above this counts as "high trust" in :func:`summarise`.
HIGH_TRUST = 0.5

#: Parameter specs: Swedish slider labels and allowed ranges (one place for the explorers).
SPECS: dict[str, Spec] = {
    "starting_trust": Spec("Tillit från start", 0, 1, step=0.05),
    "crowding_out": Spec("Hur mycket kontroll tränger undan egen motivation", 0, 1, step=0.05),
    "tolerance": Spec("Tolerans för misstag", 0, 1, step=0.05),
    "intrinsic_motivation": Spec("Utförarens egen motivation", 0, 1, step=0.05),
    "ability": Spec("Utförarens förmåga", 0.1, 2, step=0.05),
    "floor": Spec("Lägsta insats som full kontroll kan kräva", 0, 1, step=0.05),
    "expectation": Spec("Beställarens förväntan på resultatet", 0, 2, step=0.05),
    "noise": Spec("Brus", 0, 1, step=0.01),
    "learning_rate": Spec("Hur snabbt tilliten ändras", 0, 1, step=0.05),
    "base_control": Spec("Kontroll även vid full tillit", 0, 1, step=0.05),
    "periods": Spec("Antal perioder", 1, 500, integer=True, step=1),
    "shock": Spec("Ett dåligt år: tapp i resultatet", 0, 2, step=0.05),
    "shock_period": Spec("Period med det dåliga året", 1, 500, integer=True, step=1),
}

#: Field name → Swedish label (for sliders).
LABELS = labels(SPECS)

#: Swedish names of the result series (for legends).
SERIES_LABELS = {
    "trust": "Tillit",
    "control": "Kontroll",
    "effort": "Insats",
    "performance": "Resultat",
}


@dataclass(frozen=True)
class Parameters:
    """Parameters of the trust spiral; see the module docstring for the equations."""

    starting_trust: float = 0.9
    crowding_out: float = 0.8
    tolerance: float = 0.5
    intrinsic_motivation: float = 0.8
    ability: float = 1.0
    floor: float = 0.5
    expectation: float = 0.6
    noise: float = 0.1
    learning_rate: float = 0.3
    base_control: float = 0.0
    periods: int = 50
    shock: float = 0.0
    shock_period: int = 5

    def __post_init__(self):
        validate(self, SPECS)
        check_at_most_field(self, SPECS, "shock_period", "periods")

    def replace(self, **changes) -> Parameters:
        """A copy with some values changed (validated again)."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Result:
    """Arrays of shape (runs, periods); ``final_trust`` (runs,) is trust after the last update.

    ``trust[:, t]`` is the trust the purchaser holds when it decides its control in period
    ``t + 1`` (so ``trust[:, 0] == starting_trust``).
    """

    params: Parameters
    trust: np.ndarray
    control: np.ndarray
    effort: np.ndarray
    performance: np.ndarray
    final_trust: np.ndarray

    @property
    def runs(self) -> int:
        return self.trust.shape[0]

    @property
    def period(self) -> np.ndarray:
        """1, 2, …, periods (the x axis)."""
        return np.arange(1, self.trust.shape[1] + 1)


def control_from_trust(trust, params: Parameters):
    """The purchaser's control (0–1) for a given trust (array or number)."""
    return params.base_control + (1.0 - params.base_control) * (1.0 - np.asarray(trust))


def provider_effort(control, params: Parameters):
    """The provider's effort (0–1) for a given control: ``max(floor·c, motivation(c))``."""
    control = np.asarray(control, dtype=float)
    motivation = params.intrinsic_motivation * (1.0 - params.crowding_out * control)
    return np.maximum(params.floor * control, motivation)


#: Runs of one explorer evaluation (the default of :func:`simulate`).
DEFAULT_RUNS = 1000


def simulate(params: Parameters | None = None, seed: int = DEFAULT_SEED,
             runs: int = DEFAULT_RUNS) -> Result:
    """Simulate ``runs`` independent purchaser–provider relations over ``params.periods``."""
    params = Parameters() if params is None else params
    runs = check_runs(runs)
    rng = rng_for(seed)
    n = params.periods
    shortfall_weight = 1.0 + NEGATIVITY * (1.0 - params.tolerance)
    noise = rng.standard_normal((n, runs)) * params.noise
    trust = np.empty((n, runs))
    effort = np.empty((n, runs))
    performance = np.empty((n, runs))
    current = np.full(runs, params.starting_trust)
    for t in range(n):
        trust[t] = current
        control = control_from_trust(current, params)
        effort[t] = provider_effort(control, params)
        performance[t] = effort[t] * params.ability + noise[t]
        if t + 1 == params.shock_period:
            performance[t] -= params.shock
        surprise = performance[t] - params.expectation
        surprise = np.where(surprise < 0, surprise * shortfall_weight, surprise)
        current = np.clip(current + params.learning_rate * surprise, 0.0, 1.0)
    control = control_from_trust(trust, params)
    return Result(params=params, trust=trust.T.copy(), control=control.T.copy(),
                  effort=effort.T.copy(), performance=performance.T.copy(),
                  final_trust=current)


def summarise(result: Result) -> dict[str, float | int]:
    """Plain numbers for a one-sentence reading of a simulation."""
    return {
        "runs": result.runs,
        "periods": result.params.periods,
        "mean_final_trust": float(result.final_trust.mean()),
        "share_high_trust_end": float((result.final_trust >= HIGH_TRUST).mean()),
        "mean_final_control": float(result.control[:, -1].mean()),
        "mean_final_effort": float(result.effort[:, -1].mean()),
        "mean_effort": float(result.effort.mean()),
        "mean_performance": float(result.performance.mean()),
    }


# ---------------------------------------------------------------------------------------------
# Explorer grid
# ---------------------------------------------------------------------------------------------

#: The controls an explorer precomputes, and their values.
GRID_CONTROLS: dict[str, list[float]] = {
    "starting_trust": [0.2, 0.4, 0.6, 0.8, 1.0],
    "crowding_out": [0.0, 0.3, 0.6, 0.9],
    "tolerance": [0.0, 0.5, 1.0],
}

#: Series stored per grid point: what the explorer draws (the control series is the model's
#: own, ``control_from_trust`` of each run's trust, so no view re-derives it).
GRID_SERIES = ("trust", "control", "effort")


def grid_point(values: dict, base: Parameters | None = None, seed: int = DEFAULT_SEED,
               runs: int = DEFAULT_RUNS) -> dict:
    """One grid point: ``base`` with ``values`` (control name → value) simulated and reduced."""
    base = Parameters() if base is None else base
    result = simulate(base.replace(**values), seed=seed, runs=runs)
    return {
        "series": {s: band(getattr(result, s)) for s in GRID_SERIES},
        "summary": {k: rounded(v) for k, v in summarise(result).items()},
    }
