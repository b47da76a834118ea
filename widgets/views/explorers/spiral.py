"""Tillitsspiralen (:mod:`widgets.models.trust_spiral`): one control first, then the sandbox."""

from __future__ import annotations

from widgets.models import trust_spiral as model
from widgets.views.explorer import Explorer
from widgets.views.explorers.registry import register
from widgets.views.explorers.spec import (
    Control,
    Point,
    Recipe,
    number,
    of_100,
    percent,
    setting,
    steps_between,
)

#: step → (explorer id, the controls a learner moves)
STEPS = {"start": ("tillitsspiralen-start", ("starting_trust",)),
         "sandbox": ("tillitsspiralen", ("starting_trust", "crowding_out", "tolerance"))}
#: Where each control starts (by value); a question's cases decide what shows after a guess.
INITIAL = {"start": {"starting_trust": 1.0, "crowding_out": 0.9, "tolerance": 0.5},
           "sandbox": {"starting_trust": 0.6, "crowding_out": 0.9, "tolerance": 0.5}}
SERIES = ("trust", "control", "effort")
#: A live kernel computes ten times the runs of the static grid.
LIVE_RUNS = 10 * model.DEFAULT_RUNS

READING = ("starting_trust", "crowding_out", "tolerance", "trusting_of_100", "effort_share",
           "crowding_out_share")


def _line(band: dict) -> dict:
    return {"mean": band["mean"], "lo": band["p10"], "hi": band["p90"]}


def _point(values: dict, runs: int) -> Point:
    base = model.Parameters()
    result = model.grid_point(values, base, runs=runs)
    summary = result["summary"]
    params = base.replace(**values)
    # the share of what staff do with no control at all (the model's own effort function)
    free_effort = float(model.provider_effort(0.0, params))
    return Point(
        data={"lines": {s: _line(result["series"][s]) for s in SERIES}},
        reading={"starting_trust": setting(values["starting_trust"]),
                 "crowding_out": setting(values["crowding_out"]),
                 "tolerance": setting(values["tolerance"]),
                 "trusting_of_100": of_100(summary["share_high_trust_end"]),
                 "effort_share": percent(summary["mean_final_effort"] / free_effort),
                 "crowding_out_share": percent(values["crowding_out"])})


def recipe(step: str = "sandbox", texts: str | None = None) -> Recipe:
    if step not in STEPS:
        raise ValueError(f"Okänt steg {step!r}; välj ett av {', '.join(STEPS)}.")
    explorer_id, shown = STEPS[step]
    specs, grid = model.SPECS, model.GRID_CONTROLS
    controls = tuple(Control(name, specs[name].label, tuple(grid[name]), setting,
                             live=steps_between(grid[name], specs[name].step))
                     for name in ("starting_trust", "crowding_out", "tolerance"))
    base = model.Parameters()

    def chart(_texts) -> dict:
        return {"type": "lines",
                "x": {"values": list(range(1, base.periods + 1))},
                "y": {"min": 0, "max": 1, "format": "number"},
                "series": [{"id": s, "label": model.SERIES_LABELS[s]} for s in SERIES]}

    facts = {"periods": str(base.periods), "runs": number(model.DEFAULT_RUNS, 0),
             "floor": number(base.floor), "free_effort": number(float(model.provider_effort(0.0, base))),
             "high_trust": number(model.HIGH_TRUST, 1)}
    return Recipe(id=texts or explorer_id, controls=controls, shown=shown, chart=chart,
                  point=_point, runs=model.DEFAULT_RUNS, initial=INITIAL[step], live_runs=LIVE_RUNS,
                  point_values=READING, facts=facts)


def trust_spiral(step: str = "sandbox", texts: str | None = None) -> Explorer:
    """Tillitsspiralen. ``step="start"``: only the starting trust (strong crowding-out);
    ``step="sandbox"``: starting trust, crowding-out and tolerance. ``texts``: another entry
    of ``data/utforskare.yml`` for the same explorer (a chapter's own wording)."""
    return recipe(step, texts).build()


register("tillitsspiralen-start", 'trust_spiral(step="start")', lambda: recipe("start"), model)
register("tillitsspiralen", "trust_spiral()", lambda: recipe("sandbox"), model)
register("tillitsspiralen-bestallare",
         'trust_spiral(step="start", texts="tillitsspiralen-bestallare")',
         lambda: recipe("start", "tillitsspiralen-bestallare"), model)
