"""Selektiv kontroll (:mod:`widgets.models.selective_control`): the same follow-up budget spent
on everything, at random, or guided by risk and dialogue."""

from __future__ import annotations

from widgets.models import selective_control as model
from widgets.views.explorer import Explorer
from widgets.views.explorers.registry import register
from widgets.views.explorers.spec import (
    Control,
    Point,
    Recipe,
    number,
    percent,
    setting,
    steps_between,
)

INITIAL = {"budget": 0.1, "signal_quality": 0.5, "dialogue": 0.5}
MEASURES = {"serious": "serious_caught", "minor": "minor_punished"}
#: A live kernel computes five times the runs of the static grid.
LIVE_RUNS = 5 * model.DEFAULT_RUNS

READING = ("budget", "mean_serious",
           *(f"{s}_{o}" for s in model.STRATEGIES for o in ("serious_caught", "minor_punished")))


def _point(values: dict, runs: int) -> Point:
    result = model.grid_point(values, model.Parameters(), runs=runs)
    outcomes, s = result["outcomes"], result["summary"]
    bars = {strategy: {m: round(o[outcome]["mean"], 1) for m, outcome in MEASURES.items()}
            for strategy, o in outcomes.items()}
    reading = {"budget": percent(values["budget"]), "mean_serious": number(s["mean_serious"], 0)}
    for strategy in model.STRATEGIES:
        reading[f"{strategy}_serious_caught"] = number(s[f"{strategy}_serious_caught"], 1)
        reading[f"{strategy}_minor_punished"] = number(s[f"{strategy}_minor_punished"], 0)
    return Point(data={"bars": bars}, reading=reading)


def recipe(texts: str | None = None) -> Recipe:
    grid, specs = model.GRID_CONTROLS, model.SPECS
    formats = {"budget": percent, "signal_quality": setting, "dialogue": percent}
    controls = tuple(Control(name, specs[name].label, tuple(grid[name]), formats[name],
                             live=steps_between(grid[name], 0.01 if name == "budget"
                                                else specs[name].step))
                     for name in ("budget", "signal_quality", "dialogue"))
    base = model.Parameters()

    def chart(texts_) -> dict:
        return {"type": "bars",
                "categories": [{"id": s, "label": model.STRATEGY_LABELS[s]}
                               for s in model.STRATEGIES],
                "measures": [{"id": m, "label": texts_.names[m]} for m in MEASURES],
                "y": {"format": "number", "decimals": 1}}

    facts = {"cases": number(base.cases, 0), "runs": number(model.DEFAULT_RUNS, 0),
             "serious_rate": percent(base.serious_rate), "minor_rate": percent(base.minor_rate),
             "overlook_minor": percent(base.overlook_minor)}
    return Recipe(id=texts or "selektiv-kontroll", controls=controls,
                  shown=("budget", "signal_quality", "dialogue"), chart=chart, point=_point,
                  runs=model.DEFAULT_RUNS, initial=INITIAL, live_runs=LIVE_RUNS,
                  names=tuple(MEASURES), point_values=READING, facts=facts)


def selective_follow_up(texts: str | None = None) -> Explorer:
    """The same follow-up budget spent on everything, at random, or guided by risk and dialogue.
    ``texts``: another entry of ``data/utforskare.yml`` for the same explorer."""
    return recipe(texts).build()


register("selektiv-kontroll", "selective_follow_up()", recipe, model)
register("selektiv-kontroll-forbehall", 'selective_follow_up(texts="selektiv-kontroll-forbehall")',
         lambda: recipe("selektiv-kontroll-forbehall"), model)
