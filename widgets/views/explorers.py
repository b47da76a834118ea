"""The course's explorers: one builder per simulation model, in the steps the chapter uses.

Each builder returns an :class:`~widgets.views.explorer.Explorer` whose points are computed from
the model in :mod:`widgets.models` with the model's own seed, so the static page shows what
the model gives. Texts (titles, predictions, reading templates) live in
``data/utforskare.yml``; the numbers in the readings are formatted here, in Swedish.

    from widgets.views.explorers import trust_spiral
    trust_spiral(step="start")      # one control: starting trust
    trust_spiral()                  # the full sandbox
"""

from __future__ import annotations

import re
from functools import cache

from widgets.content.data_files import LINE, DataFileError, check_fields, load_yaml, strip_lines
from widgets.models import hidden_costs, repeated_trust, selective_control
from widgets.models import trust_spiral as spiral
from widgets.models.parameters import grid_keys
from widgets.paths import DATA
from widgets.views.explorer import Explorer

TEXTS_FILE = DATA / "utforskare.yml"
_TEXT_FIELDS = {"title", "intro", "caption", "reading", "reading_no_winner", "question", "axis",
                "names", "labels", "value_labels", "help", "notes"}


# --- Swedish numbers --------------------------------------------------------------------------

NBSP, NNBSP = "\u00a0", "\u202f"


def number(value: float, decimals: int = 2) -> str:
    """0.5 → "0,50"; 1000 → "1 000" (decimal comma; a narrow no-break space groups thousands)."""
    return f"{value:,.{decimals}f}".replace(",", NNBSP).replace(".", ",")


def percent(share: float) -> str:
    """0.25 → "25 %" (whole percent; a no-break space keeps the sign with the number)."""
    return f"{round(share * 100)}{NBSP}%"


def _squash(text: str) -> str:
    """YAML's folded text on one line; only ASCII whitespace, so no-break spaces stay."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


# --- texts ------------------------------------------------------------------------------------

def validate_texts(path=TEXTS_FILE) -> dict:
    """Read and check ``data/utforskare.yml`` (or ``path``); the texts without line keys."""
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise DataFileError(path, "filen ska vara en mappning från utforskarens id till texter.")
    for key, entry in raw.items():
        if key == LINE:
            continue
        if not isinstance(entry, dict):
            raise DataFileError(path, "posten är ingen mappning.", item=key)
        check_fields(path, entry, _TEXT_FIELDS, key,
                     required={"title", "caption", "reading", "axis"})
    return strip_lines(raw)


@cache
def _all_texts() -> dict:
    return validate_texts(TEXTS_FILE)


def texts(explorer_id: str) -> dict:
    try:
        return _all_texts()[explorer_id]
    except KeyError:
        raise DataFileError(TEXTS_FILE, f"texter saknas för utforskaren {explorer_id!r}.",
                            fix=f"lägg till en post '{explorer_id}:' med title, caption, axis "
                                "och reading.") from None


def _reading(explorer_id: str, values: dict[str, str], field: str = "reading") -> str:
    template = _squash(texts(explorer_id)[field])
    try:
        return template.format(**values)
    except KeyError as err:
        raise DataFileError(TEXTS_FILE, f"mallen i '{field}' använder {{{err.args[0]}}}, som inte "
                                        "finns för den här utforskaren.", item=explorer_id,
                            fix=f"använd bara: {', '.join(sorted(values))}.") from None


# --- shared spec assembly ---------------------------------------------------------------------

def _control(name: str, label: str, values: list, fmt, text: dict, kind: str = "range") -> dict:
    """A grid control (a slider, or ``kind="choice"``: radio buttons); the YAML may rename it
    or name single values."""
    named = (text.get("value_labels") or {}).get(name, {})
    return {"name": name, "label": (text.get("labels") or {}).get(name, label), "values": values,
            "labels": [named.get(v, fmt(v)) for v in values], "kind": kind}


def _spec(explorer_id: str, grid: list[dict], shown: list[str], initial: dict[str, int],
          chart: dict, point_for) -> tuple[dict, callable]:
    """Assemble a spec over ``grid`` (all controls), showing ``shown`` and fixing the rest.

    ``point_for(values) → view point`` is called for every combination of the shown controls
    (the others at their initial index) and is also what a live kernel calls.
    """
    text = texts(explorer_id)
    order = [c["name"] for c in grid]
    fixed = {c["name"]: initial.get(c["name"], 0) for c in grid if c["name"] not in shown}
    points = {}
    # each control contributes the indices it can take: all (shown) or its fixed one
    for _, _, indices in grid_keys([range(len(c["values"])) if c["name"] in shown else [fixed[c["name"]]]
                                    for c in grid]):
        values = {c["name"]: c["values"][i] for c, i in zip(grid, indices)}
        key = ",".join(str(i) for i in indices)
        points[key] = point_for(values)
    controls = [{"name": c["name"], "label": c["label"], "values": c["values"],
                 "labels": c["labels"], "kind": c["kind"], "initial": initial.get(c["name"], 0),
                 "help": _squash((text.get("help") or {}).get(c["name"], "")) or None}
                for c in grid if c["name"] in shown]
    chart = {**chart, "x": {**chart.get("x", {}), "label": text["axis"]["x"]},
             "y": {**chart["y"], "label": text["axis"]["y"]}}
    if chart["type"] == "bars":
        chart["category_label"] = text["axis"]["x"]
        if "max" not in chart["y"]:
            top = max(v for p in points.values() for c in p["bars"].values() for v in c.values())
            chart["y"]["max"] = _nice_ceiling(top)
        for measure in chart["measures"]:
            measure["max"] = _nice_ceiling(max(p["bars"][c][measure["id"]] for p in points.values()
                                               for c in p["bars"]))
    spec = {
        "id": explorer_id,
        "title": text["title"],
        "intro": _squash(text.get("intro", "")),
        "caption": _squash(text["caption"]),
        "question": _question(text.get("question")),
        "controls": controls,
        "grid": [{"name": c["name"], "values": c["values"]} for c in grid],
        "fixed": fixed,
        "order": order,
        "chart": chart,
        "points": points,
    }
    return spec, point_for


def _nice_ceiling(value: float) -> float:
    """The next of 1, 2, 2.5, 5 × 10^k at or above ``value`` (a bar chart's axis end)."""
    import math

    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value)


def _names(explorer_id: str) -> dict:
    return texts(explorer_id).get("names") or {}


def _question(raw: dict | None) -> dict | None:
    if not raw:
        return None
    return {"prompt": _squash(raw["prompt"]),
            "options": [{"text": o["text"], "feedback": _squash(o["feedback"])}
                        for o in raw["options"]]}


def _line(band: dict) -> dict:
    return {"mean": band["mean"], "lo": band["p10"], "hi": band["p90"]}


# --- 1. Tillitsspiralen -----------------------------------------------------------------------

def _spiral_grid(explorer_id: str) -> list[dict]:
    text, specs, values = texts(explorer_id), spiral.SPECS, spiral.GRID_CONTROLS
    return [_control(name, specs[name].label, values[name], lambda v: number(v, 1), text)
            for name in ("starting_trust", "crowding_out", "tolerance")]


def _spiral_point(explorer_id: str):
    base = spiral.Parameters()

    def point_for(values: dict) -> dict:
        model = spiral.grid_point(values, base)
        trust = model["series"]["trust"]
        bc = base.base_control

        def control(xs):
            return [round(bc + (1 - bc) * (1 - t), 2) for t in xs]

        s = model["summary"]
        reading = _reading(explorer_id, {
            "starting_trust": number(values["starting_trust"], 1),
            "crowding_out": number(values["crowding_out"], 1),
            "tolerance": number(values["tolerance"], 1),
            "mean_final_trust": number(s["mean_final_trust"]),
            "share_high_trust_end": percent(s["share_high_trust_end"]),
            "mean_final_effort": number(s["mean_final_effort"]),
        })
        return {
            "lines": {
                "trust": _line(trust),
                "control": {"mean": control(trust["mean"]), "lo": control(trust["p90"]),
                            "hi": control(trust["p10"])},
                "effort": _line(model["series"]["effort"]),
            },
            "reading": reading,
        }

    return point_for


def trust_spiral(step: str = "sandbox") -> Explorer:
    """Tillitsspiralen. ``step="start"``: only the starting trust (strong crowding-out);
    ``step="sandbox"``: starting trust, crowding-out and tolerance."""
    steps = {"start": ("tillitsspiralen-start", ["starting_trust"]),
             "sandbox": ("tillitsspiralen", ["starting_trust", "crowding_out", "tolerance"])}
    if step not in steps:
        raise ValueError(f"Okänt steg {step!r}; välj ett av {', '.join(steps)}.")
    explorer_id, shown = steps[step]
    grid = _spiral_grid(explorer_id)
    # the first step starts at full trust and asks about a low start; the sandbox opens on a spiral
    initial = {"starting_trust": 4 if step == "start" else 2, "crowding_out": 3, "tolerance": 1}
    chart = {"type": "lines",
             "x": {"values": list(range(1, spiral.Parameters().periods + 1))},
             "y": {"min": 0, "max": 1, "format": "number"},
             "series": [{"id": s, "label": spiral.SERIES_LABELS[s]}
                        for s in ("trust", "control", "effort")]}
    spec, compute = _spec(explorer_id, grid, shown, initial, chart, _spiral_point(explorer_id))
    return Explorer(spec, compute)


# --- 2. Kontrollens dolda kostnader -------------------------------------------------------------

def hidden_costs_studies() -> Explorer:
    """What the agents in Falk & Kosfeld's (2006) C10 treatment did: all 72, or one type at a time.

    Every number is computed from ``data/falk-kosfeld-2006-c10.csv``. The explorer's id (and this
    function's name) date from when it also showed a replication; they are kept so that saved
    guesses and links stay valid.
    """
    explorer_id = "kontrollens-kostnad-studier"
    text = texts(explorer_id)
    groups = hidden_costs.group_summaries()
    name = _names(explorer_id)
    notes = text.get("notes") or {}
    missing = [g["key"] for g in groups if g["key"] not in name or g["key"] not in notes]
    if missing:
        raise DataFileError(TEXTS_FILE, f"namn eller notes saknas för gruppen {missing[0]!r}.",
                            item=explorer_id,
                            fix=f"lägg till '{missing[0]}:' under både names och notes.")
    names = [name[g["key"]] for g in groups]
    grid = [_control("group", "group", list(range(len(groups))), lambda i: names[i], text,
                     kind="choice")]

    def point_for(values: dict) -> dict:
        g = groups[values["group"]]
        numbers = {
            "group": names[values["group"]], "n": g["n"], "total": g["total"],
            "mean_controlled": number(g["mean_controlled"], 1),
            "mean_trusted": number(g["mean_trusted"], 1),
            "share_less": percent(g["share_less_under_control"]),
            "share_same": percent(g["share_same"]),
            "share_more": percent(g["share_more_under_control"]),
            "at_minimum": g["at_minimum"], "zero_trusted": g["zero_trusted"],
        }
        try:
            numbers["note"] = _squash(notes[g["key"]]).format(**numbers)
        except KeyError as err:
            raise DataFileError(TEXTS_FILE, f"notes.{g['key']} använder {{{err.args[0]}}}, som "
                                            "inte finns.", item=explorer_id,
                                fix=f"använd bara: {', '.join(sorted(numbers))}.") from None
        return {
            "bars": {"controlled": {"effort": round(g["mean_controlled"], 1)},
                     "trusted": {"effort": round(g["mean_trusted"], 1)}},
            "reading": _reading(explorer_id, numbers),
        }

    chart = {"type": "bars",
             "categories": [{"id": c, "label": name[c]} for c in ("controlled", "trusted")],
             "measures": [{"id": "effort", "label": name["effort"]}],
             "y": {"format": "number", "decimals": 1}}
    spec, compute = _spec(explorer_id, grid, ["group"], {"group": 0}, chart, point_for)
    return Explorer(spec, compute)


def hidden_costs_model() -> Explorer:
    """The principal's payoff under trust and control as the share of control-averse agents changes."""
    explorer_id = "kontrollens-kostnad-modell"
    shares = hidden_costs.GRID_SHARES
    data_share = hidden_costs.c10_summary()["share_less_under_control"]
    grid = [_control("share_averse", hidden_costs.SPECS["share_averse"].label, shares, percent,
                     texts(explorer_id))]
    name = _names(explorer_id)

    def point_for(values: dict) -> dict:
        params = hidden_costs.Parameters.with_share_averse(values["share_averse"])
        s = hidden_costs.summarise(hidden_costs.simulate(params))
        return {
            "bars": {"trusted": {"payoff": round(s["mean_payoff_trusted"], 1)},
                     "controlled": {"payoff": round(s["mean_payoff_controlled"], 1)}},
            "reading": _reading(explorer_id, {
                "share_averse": percent(values["share_averse"]),
                "payoff_trusted": number(s["mean_payoff_trusted"], 1),
                "payoff_controlled": number(s["mean_payoff_controlled"], 1),
                "share_trust_better": percent(s["share_runs_trust_better"]),
                "data_share": percent(data_share),
            }),
        }

    chart = {"type": "bars",
             "categories": [{"id": c, "label": name[c]} for c in ("trusted", "controlled")],
             "measures": [{"id": "payoff", "label": name["payoff"]}],
             "y": {"format": "number", "decimals": 1}}
    initial = {"share_averse": min(range(len(shares)), key=lambda i: abs(shares[i] - data_share))}
    spec, compute = _spec(explorer_id, grid, ["share_averse"], initial, chart, point_for)
    return Explorer(spec, compute)


# --- 3. Upprepad tillit med brus ----------------------------------------------------------------

#: Below this gain in population share, no strategy has really taken over (e.g. at 50 %
#: mistakes every move is a coin flip and shares stay near where they started).
NO_WINNER_GAIN = 0.1


def _repeated_point(explorer_id: str, base):
    def point_for(values: dict) -> dict:
        model = repeated_trust.grid_point(values, base)
        s = model["summary"]
        numbers = {"noise": percent(values["noise"]), "rounds": values["rounds"],
                   "winner_label": s["winner_label"],
                   "winner_mean_share": percent(s["winner_mean_share"])}
        field = "reading_no_winner" if s["largest_gain"] < NO_WINNER_GAIN else "reading"
        return {
            "lines": {name: {"mean": band["mean"]} for name, band in model["series"].items()},
            "reading": _reading(explorer_id, numbers, field),
        }

    return point_for


def repeated_trust_game(step: str = "sandbox") -> Explorer:
    """Upprepad tillit med brus (after Case 2017). ``step="noise"``: only the mistake rate
    (10 rounds per match); ``step="sandbox"``: mistake rate and rounds per match."""
    steps = {"noise": ("upprepad-tillit-brus", ["noise"]),
             "sandbox": ("upprepad-tillit", ["noise", "rounds"])}
    if step not in steps:
        raise ValueError(f"Okänt steg {step!r}; välj ett av {', '.join(steps)}.")
    explorer_id, shown = steps[step]
    values = repeated_trust.GRID_CONTROLS
    text = texts(explorer_id)
    grid = [_control("noise", repeated_trust.SPECS["noise"].label, values["noise"], percent, text),
            _control("rounds", repeated_trust.SPECS["rounds"].label, values["rounds"], str, text)]
    base = repeated_trust.Parameters().replace(generations=repeated_trust.GRID_GENERATIONS)
    present = [n for n in repeated_trust.STRATEGIES if getattr(base, n) > 0]
    chart = {"type": "lines",
             "x": {"values": list(range(repeated_trust.GRID_GENERATIONS + 1))},
             "y": {"min": 0, "max": 1, "format": "percent"},
             "series": [{"id": n, "label": repeated_trust.STRATEGY_LABELS[n]} for n in present]}
    initial = {"noise": values["noise"].index(0.05), "rounds": values["rounds"].index(10)}
    spec, compute = _spec(explorer_id, grid, shown, initial, chart, _repeated_point(explorer_id, base))
    return Explorer(spec, compute)


# --- 4. Selektiv kontroll -----------------------------------------------------------------------

def selective_follow_up() -> Explorer:
    """The same follow-up budget spent on everything, at random, or guided by risk and dialogue."""
    explorer_id = "selektiv-kontroll"
    values = selective_control.GRID_CONTROLS
    specs = selective_control.SPECS
    text = texts(explorer_id)
    grid = [_control("budget", specs["budget"].label, values["budget"], percent, text),
            _control("signal_quality", specs["signal_quality"].label, values["signal_quality"],
                     number, text),
            _control("dialogue", specs["dialogue"].label, values["dialogue"], percent, text)]
    base = selective_control.Parameters()

    def point_for(v: dict) -> dict:
        model = selective_control.grid_point(v, base)
        outcomes, s = model["outcomes"], model["summary"]
        bars = {strategy: {"serious": round(o["serious_caught"]["mean"], 1),
                           "minor": round(o["minor_punished"]["mean"], 1)}
                for strategy, o in outcomes.items()}
        reading = {"budget": percent(v["budget"]), "mean_serious": number(s["mean_serious"], 0)}
        for strategy in selective_control.STRATEGIES:
            reading[f"{strategy}_serious_caught"] = number(s[f"{strategy}_serious_caught"], 1)
            reading[f"{strategy}_minor_punished"] = number(s[f"{strategy}_minor_punished"], 0)
        return {"bars": bars, "reading": _reading(explorer_id, reading)}

    name = _names(explorer_id)
    chart = {"type": "bars",
             "categories": [{"id": s, "label": selective_control.STRATEGY_LABELS[s]}
                            for s in selective_control.STRATEGIES],
             "measures": [{"id": m, "label": name[m]} for m in ("serious", "minor")],
             "scale": "per_measure",
             "y": {"format": "number", "decimals": 1}}
    initial = {"budget": values["budget"].index(0.1), "signal_quality": 2, "dialogue": 2}
    spec, compute = _spec(explorer_id, grid, ["budget", "signal_quality", "dialogue"], initial,
                          chart, point_for)
    return Explorer(spec, compute)
