"""Upprepad tillit med brus (:mod:`widgets.models.repeated_trust`, after Nicky Case 2017): the
mistake rate first, then mistakes and rounds per match."""

from __future__ import annotations

from widgets.models import repeated_trust as model
from widgets.views.explorer import Explorer
from widgets.views.explorers.registry import register
from widgets.views.explorers.spec import Control, Point, Recipe, number, percent, steps_between

#: step → (explorer id, the controls a learner moves)
STEPS = {"noise": ("upprepad-tillit-brus", ("noise",)),
         "sandbox": ("upprepad-tillit", ("noise", "rounds"))}
INITIAL = {"noise": 0.05, "rounds": 10}
#: Below this gain in population share, no strategy has really taken over (e.g. at 50 %
#: mistakes every move is a coin flip and shares stay near where they started).
NO_WINNER_GAIN = 0.1
#: A live kernel computes five times the runs of the static grid.
LIVE_RUNS = 5 * model.GRID_RUNS

READING = ("noise", "rounds", "winner_label", "winner_count")


def recipe(step: str = "sandbox", texts: str | None = None) -> Recipe:
    if step not in STEPS:
        raise ValueError(f"Okänt steg {step!r}; välj ett av {', '.join(STEPS)}.")
    explorer_id, shown = STEPS[step]
    grid, specs = model.GRID_CONTROLS, model.SPECS
    controls = (Control("noise", specs["noise"].label, tuple(grid["noise"]), percent,
                        live=steps_between(grid["noise"], specs["noise"].step)),
                Control("rounds", specs["rounds"].label, tuple(grid["rounds"]), str,
                        live=steps_between(grid["rounds"], specs["rounds"].step)))
    base = model.Parameters().replace(generations=model.GRID_GENERATIONS)
    present = [n for n in model.STRATEGIES if getattr(base, n) > 0]
    population = base.population_size

    def point(values: dict, runs: int) -> Point:
        result = model.grid_point(values, base, runs=runs)
        s = result["summary"]
        field = "reading_no_winner" if s["largest_gain"] < NO_WINNER_GAIN else "reading"
        return Point(
            data={"lines": {name: {"mean": band["mean"]}
                            for name, band in result["series"].items()}},
            reading={"noise": percent(values["noise"]), "rounds": str(values["rounds"]),
                     "winner_label": s["winner_label"],
                     "winner_count": number(s["winner_mean_share"] * population, 0)},
            field=field)

    def chart(_texts) -> dict:
        return {"type": "lines",
                "x": {"values": list(range(model.GRID_GENERATIONS + 1))},
                "y": {"min": 0, "max": 1, "format": "percent"},
                "series": [{"id": n, "label": model.STRATEGY_LABELS[n]} for n in present]}

    facts = {"population": str(population), "always_cheat": str(base.always_cheat),
             "selection": str(base.selection), "generations": str(base.generations),
             "runs": number(model.GRID_RUNS, 0)}
    return Recipe(id=texts or explorer_id, controls=controls, shown=shown, chart=chart,
                  point=point, runs=model.GRID_RUNS, initial=INITIAL, live_runs=LIVE_RUNS,
                  readings=("reading", "reading_no_winner"), point_values=READING, facts=facts)


def repeated_trust_game(step: str = "sandbox", texts: str | None = None) -> Explorer:
    """Upprepad tillit med brus (after Case 2017). ``step="noise"``: only the mistake rate
    (10 rounds per match); ``step="sandbox"``: mistake rate and rounds per match."""
    return recipe(step, texts).build()


register("upprepad-tillit-brus", 'repeated_trust_game(step="noise")', lambda: recipe("noise"),
         model)
register("upprepad-tillit", "repeated_trust_game()", lambda: recipe("sandbox"), model)
