"""Selektiv kontroll: the same follow-up budget, spent three ways.

The talk's point: *fortsätta kontrollera, men mer selektivt, kvalitativt och utifrån dialogen
med den granskade*, and *överse med mindre allvarliga misstag, men agera på allvarliga
problem*.

A supervisor follows up ``cases`` cases (ärenden or units). Each case independently has a
serious problem (probability ``serious_rate``), a minor one (``minor_rate``) or none. The
budget pays for thorough reviews of a share ``budget`` of the cases (``n = round(budget ×
cases)`` reviews); all three strategies cost exactly this much.

Strategies
----------
1. **Detailed control of everything** (``everything``): the budget is spread thin, so every
   case gets a shallow check of depth ``d = budget`` (a tenth of a thorough review when the
   budget is 10 %). A check of depth ``d`` finds a serious problem with probability
   ``detection × d ** depth_exponent``: serious problems are hidden and need depth
   (``depth_exponent > 1``; with ``depth_exponent = 1`` ten checks a tenth as deep find as
   much as one thorough review, and spreading is exactly as good as sampling at random).
   Minor (formal) problems are visible in any check: found with probability
   ``minor_detection`` whatever the depth.
2. **At random** (``random``): ``n`` cases drawn at random get a thorough review (finds a
   serious problem with probability ``detection``, a minor one with ``minor_detection``).
3. **Guided by risk and dialogue** (``guided``): first, dialogue — each case with a problem
   reports it itself with probability ``dialogue`` (how open the relation is). Reported
   serious problems are reviewed first and acted on (they are counted as caught). Reported
   minor problems are handled in the dialogue, as learning, and are not punished. The rest of
   the budget goes to thorough reviews of the unreported cases with the highest risk signal.
   The signal is ``3 × signal_quality`` for a case with a serious problem plus standard normal
   noise (0 = the signal is useless, the same as drawing at random; 1 = a strong signal,
   d′ = 3).

Outcomes per strategy: serious problems caught; minor problems **punished** (found by an
inspection and not overlooked: a share ``overlook_minor`` of the minor problems an inspection
finds is overlooked, in every strategy); cases inspected (the burden on the inspected); cost
(budget used, in thorough reviews — the same for all three) and cost per serious problem
caught.

Assumptions
-----------
- Problems are independent between cases; a case has at most one problem.
- The risk signal only reflects serious problems; minor problems do not raise it.
- Dialogue costs nothing here and units never report problems they do not have; a reported
  serious problem is always confirmed. Openness is the same for serious and minor problems.
  Only the guided strategy uses dialogue: the other two do not ask what units could tell.
- A found serious problem is acted on in every strategy; only minor problems can be punished.

What it does not show
---------------------
- How to build a good risk signal or an open dialogue: both are taken as given (and both can
  fail — a biased signal, units hiding problems when they fear sanctions).
- Effects over time: deterrence from being checked, learning, gaming the indicators, or how
  punishing minor mistakes makes units less open next year (see the trust-spiral model).
- Problems found in non-serious cases by mistake (false alarms) and the cost of acting on them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from widgets.models.parameters import (
    DEFAULT_SEED,
    Spec,
    band,
    check_runs,
    check_sum_at_most,
    labels,
    replace,
    rng_for,
    rounded,
    validate,
)

#: The three strategies, in display order.
STRATEGIES = ("everything", "random", "guided")
STRATEGY_LABELS = {
    "everything": "Detaljkontroll av allt",
    "random": "Stickprov",
    "guided": "Utifrån risk och dialog",
}
#: Outcomes per strategy (arrays in :class:`Result`), with Swedish labels.
OUTCOME_LABELS = {
    "serious_caught": "Allvarliga problem som upptäcks",
    "minor_punished": "Mindre brister som bestraffas",
    "minor_in_dialogue": "Mindre brister som hanteras i dialog",
    "inspected": "Granskade ärenden",
}
#: Signal strength (d′) at ``signal_quality = 1``.
MAX_SIGNAL = 3.0

SPECS: dict[str, Spec] = {
    "cases": Spec("Antal ärenden", 10, 20_000, integer=True, step=10),
    "serious_rate": Spec("Andel ärenden med allvarliga problem", 0, 1, step=0.01),
    "minor_rate": Spec("Andel ärenden med mindre brister", 0, 1, step=0.01),
    "budget": Spec("Budget (andel ärenden som kan granskas grundligt)", 0, 1, step=0.01),
    "detection": Spec("Chans att en grundlig granskning hittar ett allvarligt problem", 0, 1,
                      step=0.05),
    "depth_exponent": Spec("Hur mycket djup allvarliga problem kräver", 1, 3, step=0.1),
    "minor_detection": Spec("Chans att en kontroll hittar en mindre brist", 0, 1, step=0.05),
    "signal_quality": Spec("Riskbedömningens kvalitet", 0, 1, step=0.05),
    "dialogue": Spec("Öppenhet i dialogen", 0, 1, step=0.05),
    "overlook_minor": Spec("Andel mindre brister som förbises", 0, 1, step=0.05),
}
LABELS = labels(SPECS)


@dataclass(frozen=True)
class Parameters:
    """Cases, problem rates, budget, detection and the guided strategy's signal and dialogue."""

    cases: int = 1000
    serious_rate: float = 0.03
    minor_rate: float = 0.2
    budget: float = 0.1
    detection: float = 0.9
    depth_exponent: float = 1.5
    minor_detection: float = 0.6
    signal_quality: float = 0.5
    dialogue: float = 0.3
    overlook_minor: float = 0.0

    def __post_init__(self):
        validate(self, SPECS)
        check_sum_at_most(self, SPECS, ("serious_rate", "minor_rate"))

    def replace(self, **changes) -> Parameters:
        return replace(self, **changes)

    @property
    def reviews(self) -> int:
        """Thorough reviews the budget pays for."""
        return int(round(self.budget * self.cases))


@dataclass(frozen=True)
class Result:
    """Per run (arrays of shape (runs,)): problems present and each strategy's outcomes.

    ``outcomes[strategy][outcome]`` with strategy in :data:`STRATEGIES` and outcome in
    :data:`OUTCOME_LABELS`.
    """

    params: Parameters
    serious: np.ndarray
    minor: np.ndarray
    outcomes: dict[str, dict[str, np.ndarray]]

    @property
    def runs(self) -> int:
        return self.serious.shape[0]

    @property
    def cost(self) -> int:
        """Budget used by each strategy, in thorough reviews (equal for all three)."""
        return self.params.reviews


def _found_minor(rng, found, params):
    """Minor problems found → punished (the rest are overlooked)."""
    return rng.binomial(found, 1.0 - params.overlook_minor)


#: Runs of one explorer evaluation (the default of :func:`simulate`).
DEFAULT_RUNS = 200


def simulate(params: Parameters | None = None, seed: int = DEFAULT_SEED,
             runs: int = DEFAULT_RUNS) -> Result:
    """Simulate ``runs`` independent years of follow-up under the three strategies."""
    params = Parameters() if params is None else params
    runs = check_runs(runs)
    rng = rng_for(seed)
    n_cases, n = params.cases, params.reviews
    u = rng.random((runs, n_cases), dtype=np.float32)
    serious = u < np.float32(params.serious_rate)
    minor = ~serious & (u < np.float32(params.serious_rate + params.minor_rate))
    n_serious = serious.sum(axis=1)
    n_minor = minor.sum(axis=1)
    out: dict[str, dict[str, np.ndarray]] = {}

    # 1. Everything, shallowly.
    depth = min(1.0, params.budget)
    p_shallow = params.detection * depth ** params.depth_exponent if depth > 0 else 0.0
    found_minor = rng.binomial(n_minor, params.minor_detection) if depth > 0 else 0 * n_minor
    out["everything"] = {
        "serious_caught": rng.binomial(n_serious, p_shallow),
        "minor_punished": _found_minor(rng, found_minor, params),
        "minor_in_dialogue": np.zeros(runs, dtype=np.int64),
        "inspected": np.full(runs, n_cases if depth > 0 else 0),
    }

    # 2. A random sample, thoroughly (hypergeometric: how many problems the sample holds).
    serious_in = rng.hypergeometric(n_serious, n_cases - n_serious, n) if n else 0 * n_serious
    minor_in = (rng.hypergeometric(n_minor, np.maximum(n_cases - n_serious - n_minor, 0),
                                   n - serious_in) if n else 0 * n_minor)
    out["random"] = {
        "serious_caught": rng.binomial(serious_in, params.detection),
        "minor_punished": _found_minor(rng, rng.binomial(minor_in, params.minor_detection),
                                       params),
        "minor_in_dialogue": np.zeros(runs, dtype=np.int64),
        "inspected": np.full(runs, n),
    }

    # 3. Dialogue first, then the highest risk signals.
    problem = np.flatnonzero(serious | minor)
    reported = np.zeros((runs, n_cases), dtype=bool)
    reported.flat[problem] = rng.random(problem.size) < params.dialogue
    reported_serious = reported & serious
    n_reported = reported_serious.sum(axis=1)
    taken_reported = np.minimum(n_reported, n)
    left = n - taken_reported
    score = rng.standard_normal((runs, n_cases), dtype=np.float32)
    score += np.float32(MAX_SIGNAL * params.signal_quality) * serious
    score[reported] = -np.inf  # reported cases are already handled (or reviewed first)
    serious_chosen = np.zeros(runs, dtype=np.int64)
    minor_chosen = np.zeros(runs, dtype=np.int64)
    if n:
        # The n highest scores per run (unordered), then the ``left`` highest of those.
        top = np.argpartition(score, n_cases - n, axis=1)[:, n_cases - n:]
        top_score = np.take_along_axis(score, top, axis=1)
        order = np.argsort(-top_score, axis=1, kind="stable")
        top = np.take_along_axis(top, order, axis=1)
        top_score = np.take_along_axis(top_score, order, axis=1)
        chosen = (np.arange(n)[None, :] < left[:, None]) & np.isfinite(top_score)
        serious_chosen = (chosen & np.take_along_axis(serious, top, axis=1)).sum(axis=1)
        minor_chosen = (chosen & np.take_along_axis(minor, top, axis=1)).sum(axis=1)
        inspected_by_risk = chosen.sum(axis=1)
    else:
        inspected_by_risk = np.zeros(runs, dtype=np.int64)
    out["guided"] = {
        "serious_caught": taken_reported + rng.binomial(serious_chosen, params.detection),
        "minor_punished": _found_minor(rng, rng.binomial(minor_chosen, params.minor_detection),
                                       params),
        "minor_in_dialogue": (reported & minor).sum(axis=1),
        "inspected": taken_reported + inspected_by_risk,
    }
    return Result(params=params, serious=n_serious, minor=n_minor, outcomes=out)


def summarise(result: Result) -> dict:
    """Plain numbers per strategy (means over runs) plus the problems present.

    Flat keys ``"{strategy}_{outcome}"`` (e.g. ``guided_serious_caught``) and, per strategy,
    ``"{strategy}_share_serious_caught"`` (caught / present) and
    ``"{strategy}_cost_per_serious"`` (thorough reviews per serious problem caught; NaN if none).
    """
    out: dict = {
        "runs": result.runs,
        "cost": result.cost,
        "mean_serious": float(result.serious.mean()),
        "mean_minor": float(result.minor.mean()),
    }
    present = max(float(result.serious.mean()), 1e-12)
    for strategy in STRATEGIES:
        values = result.outcomes[strategy]
        for outcome in OUTCOME_LABELS:
            out[f"{strategy}_{outcome}"] = float(np.mean(values[outcome]))
        caught = out[f"{strategy}_serious_caught"]
        out[f"{strategy}_share_serious_caught"] = caught / present if result.serious.any() else 0.0
        out[f"{strategy}_cost_per_serious"] = result.cost / caught if caught > 0 else float("nan")
    return out


# ---------------------------------------------------------------------------------------------
# Explorer grid
# ---------------------------------------------------------------------------------------------

GRID_CONTROLS: dict[str, list[float]] = {
    "budget": [0.05, 0.1, 0.2, 0.3],
    "signal_quality": [0.0, 0.25, 0.5, 0.75, 1.0],
    "dialogue": [0.0, 0.25, 0.5, 0.75],
}


def grid_point(values: dict, base: Parameters | None = None, seed: int = DEFAULT_SEED,
               runs: int = DEFAULT_RUNS) -> dict:
    """One grid point: ``base`` with ``values`` (control name → value) simulated and reduced."""
    base = Parameters() if base is None else base
    result = simulate(base.replace(**values), seed=seed, runs=runs)
    outcomes = {}
    for strategy in STRATEGIES:
        outcomes[strategy] = {}
        for outcome in ("serious_caught", "minor_punished", "minor_in_dialogue"):
            b = band(result.outcomes[strategy][outcome][:, None])
            outcomes[strategy][outcome] = {k: v[0] for k, v in b.items()}
    summary = {k: rounded(v) for k, v in summarise(result).items()
               if not (isinstance(v, float) and np.isnan(v))}
    return {"outcomes": outcomes, "summary": summary}
