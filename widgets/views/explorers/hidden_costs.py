"""Kontrollens dolda kostnader (:mod:`widgets.models.hidden_costs`): what the agents in Falk and
Kosfeld's experiment did, then the model that varies the share of control-averse staff."""

from __future__ import annotations

from widgets.models import hidden_costs as model
from widgets.views.explorer import Explorer
from widgets.views.explorers.registry import register
from widgets.views.explorers.spec import (
    Control,
    Point,
    Recipe,
    number,
    of_100,
    percent,
    steps_between,
)

#: What the experiment's numbers are.
FACTS = {"max_effort": str(model.MAX_EFFORT), "minimum": str(model.MINIMUM),
         "principal_return": str(model.PRINCIPAL_RETURN)}


def _bar_chart(categories: tuple[str, ...], measure: str):
    def chart(texts) -> dict:
        return {"type": "bars",
                "categories": [{"id": c, "label": texts.names[c]} for c in categories],
                "measures": [{"id": measure, "label": texts.names[measure]}],
                "y": {"format": "number", "decimals": 1}}

    return chart


# --- what the agents did ---------------------------------------------------------------------

STUDIES_READING = ("n", "total", "mean_controlled", "mean_trusted", "share_less", "share_same",
                   "share_more", "at_minimum", "zero_trusted")
#: The reading template for each group: everyone, then one type of agent at a time.
GROUP_READINGS = {"all": "reading", "averse": "reading_averse",
                  "indifferent": "reading_indifferent", "floor": "reading_floor"}


def studies_recipe() -> Recipe:
    """Falk & Kosfeld's (2006) C10 agents, all 72 or one type at a time, computed from
    ``data/falk-kosfeld-2006-c10.csv``. The id dates from when the explorer also showed a
    replication (Ziegelmeyer et al. 2012, whose data the course does not hold); it is kept so
    saved guesses and links stay valid."""
    groups = {g["key"]: g for g in model.group_summaries()}

    def point(values: dict, _runs: int) -> Point:
        g = groups[values["group"]]
        return Point(
            data={"bars": {"controlled": {"effort": round(g["mean_controlled"], 1)},
                           "trusted": {"effort": round(g["mean_trusted"], 1)}}},
            reading={"n": str(g["n"]), "total": str(g["total"]),
                     "mean_controlled": number(g["mean_controlled"], 1),
                     "mean_trusted": number(g["mean_trusted"], 1),
                     "share_less": percent(g["share_less_under_control"]),
                     "share_same": percent(g["share_same"]),
                     "share_more": percent(g["share_more_under_control"]),
                     "at_minimum": str(g["at_minimum"]), "zero_trusted": str(g["zero_trusted"])},
            field=GROUP_READINGS[values["group"]])

    everyone = groups["all"]
    facts = {**FACTS, "all_share_less": percent(everyone["share_less_under_control"]),
             "all_share_more": percent(everyone["share_more_under_control"]),
             "all_mean_controlled": number(everyone["mean_controlled"], 1),
             "all_mean_trusted": number(everyone["mean_trusted"], 1)}
    keys = tuple(groups)
    group = Control("group", "Agenter", keys, str, kind="choice", named=True)
    return Recipe(id="kontrollens-kostnad-studier", controls=(group,), shown=("group",),
                  chart=_bar_chart(("controlled", "trusted"), "effort"), point=point, runs=1,
                  names=(*keys, "controlled", "trusted", "effort"),
                  readings=tuple(GROUP_READINGS[k] for k in keys),
                  point_values=STUDIES_READING, facts=facts)


def hidden_costs_studies() -> Explorer:
    """What the agents in Falk & Kosfeld's (2006) C10 treatment did: all, or one type at a time."""
    return studies_recipe().build()


# --- the model --------------------------------------------------------------------------------

MODEL_READING = ("share_averse", "payoff_trusted", "payoff_controlled", "trust_better_of_100",
                 "data_share")
#: A live kernel computes ten times the runs of the static grid.
LIVE_RUNS = 10 * model.DEFAULT_RUNS


def model_recipe() -> Recipe:
    shares = model.GRID_SHARES
    data_share = model.c10_summary()["share_less_under_control"]

    def point(values: dict, runs: int) -> Point:
        params = model.Parameters.with_share_averse(values["share_averse"])
        s = model.summarise(model.simulate(params, runs=runs))
        return Point(
            data={"bars": {"trusted": {"payoff": round(s["mean_payoff_trusted"], 1)},
                           "controlled": {"payoff": round(s["mean_payoff_controlled"], 1)}}},
            reading={"share_averse": percent(values["share_averse"]),
                     "payoff_trusted": number(s["mean_payoff_trusted"], 1),
                     "payoff_controlled": number(s["mean_payoff_controlled"], 1),
                     "trust_better_of_100": of_100(s["share_runs_trust_better"]),
                     "data_share": percent(data_share)})

    share = Control("share_averse", model.SPECS["share_averse"].label, tuple(shares), percent,
                    live=steps_between(shares, 0.01))
    facts = {**FACTS, "agents": str(model.N_AGENTS), "runs": number(model.DEFAULT_RUNS, 0)}
    return Recipe(id="kontrollens-kostnad-modell", controls=(share,), shown=("share_averse",),
                  chart=_bar_chart(("trusted", "controlled"), "payoff"), point=point,
                  runs=model.DEFAULT_RUNS, live_runs=LIVE_RUNS,
                  # the grid value nearest the data's own share
                  initial={"share_averse": min(shares, key=lambda s: abs(s - data_share))},
                  names=("trusted", "controlled", "payoff"), point_values=MODEL_READING,
                  facts=facts)


def hidden_costs_model() -> Explorer:
    """The principal's payoff under trust and control as the share of control-averse agents changes."""
    return model_recipe().build()


register("kontrollens-kostnad-studier", "hidden_costs_studies()", studies_recipe, model)
register("kontrollens-kostnad-modell", "hidden_costs_model()", model_recipe, model)
