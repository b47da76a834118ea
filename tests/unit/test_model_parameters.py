"""Every model's impossible parameters give a ParameterError whose Swedish message names the
parameter (Swedish label and Python name), the value and the allowed range."""

from __future__ import annotations

import math

import pytest

from widgets.models import hidden_costs, repeated_trust, selective_control, trust_spiral
from widgets.models.parameters import (
    ParameterError,
    check_runs,
    check_seed,
    format_number,
    format_range,
)
from widgets.views.explorers import models

#: Every model an explorer runs (from the explorers' registry, so a new model is tested too).
MODELS = models()

# (model, field, bad value, shown value, what the message must say)
OUT_OF_RANGE = "är utanför det tillåtna intervallet"
NOT_INTEGER = "är inte ett heltal"
NOT_NUMBER = "är inte ett tal"
BOOLEAN = "är ett sant/falskt-värde"

CASES = [
    # negative noise
    ("trust_spiral", "noise", -0.1, "-0.1", OUT_OF_RANGE),
    ("repeated_trust", "noise", -0.1, "-0.1", OUT_OF_RANGE),
    # a share above 1 (or above the allowed maximum)
    ("trust_spiral", "starting_trust", 1.5, "1.5", OUT_OF_RANGE),
    ("hidden_costs", "share_averse", 1.2, "1.2", OUT_OF_RANGE),
    ("selective_control", "serious_rate", 1.01, "1.01", OUT_OF_RANGE),
    ("selective_control", "dialogue", 2, "2", OUT_OF_RANGE),
    ("repeated_trust", "noise", 0.75, "0.75", OUT_OF_RANGE),
    # zero periods / rounds / counts
    ("trust_spiral", "periods", 0, "0", OUT_OF_RANGE),
    ("repeated_trust", "rounds", 0, "0", OUT_OF_RANGE),
    ("repeated_trust", "generations", 0, "0", OUT_OF_RANGE),
    ("hidden_costs", "agents", 0, "0", OUT_OF_RANGE),
    ("selective_control", "cases", 0, "0", OUT_OF_RANGE),
    # a non-integer count
    ("trust_spiral", "periods", 2.5, "2.5", NOT_INTEGER),
    ("repeated_trust", "copycat", 2.5, "2.5", NOT_INTEGER),
    ("hidden_costs", "agents", 7.5, "7.5", NOT_INTEGER),
    ("selective_control", "cases", 99.5, "99.5", NOT_INTEGER),
    # NaN
    ("trust_spiral", "tolerance", math.nan, "nan", NOT_NUMBER),
    ("hidden_costs", "share_indifferent", math.nan, "nan", NOT_NUMBER),
    ("repeated_trust", "noise", math.nan, "nan", NOT_NUMBER),
    ("selective_control", "signal_quality", math.nan, "nan", NOT_NUMBER),
    # bool or str where a number is expected
    ("trust_spiral", "ability", True, "True", BOOLEAN),
    ("trust_spiral", "crowding_out", "hög", "'hög'", NOT_NUMBER),
    ("hidden_costs", "agents", False, "False", BOOLEAN),
    ("hidden_costs", "share_averse", "57 %", "'57 %'", NOT_NUMBER),
    ("repeated_trust", "rounds", True, "True", BOOLEAN),
    ("repeated_trust", "noise", "5%", "'5%'", NOT_NUMBER),
    ("selective_control", "budget", "10%", "'10%'", NOT_NUMBER),
    ("selective_control", "signal_quality", None, "None", NOT_NUMBER),
    # infinity
    ("trust_spiral", "learning_rate", math.inf, "inf", OUT_OF_RANGE),
]


def test_the_cases_cover_every_model_the_explorers_run():
    assert set(MODELS) >= {"trust_spiral", "hidden_costs", "repeated_trust", "selective_control"}
    assert {c[0] for c in CASES} == set(MODELS)


def _generated_cases():
    """For every parameter of every model: below, above, NaN, a bool, a text (and half a
    count), with what the message must say."""
    for name, module in MODELS.items():
        for field, spec in module.SPECS.items():
            yield name, field, spec.low - 1, format_number(spec.low - 1), OUT_OF_RANGE
            yield name, field, spec.high + 1, format_number(spec.high + 1), OUT_OF_RANGE
            yield name, field, math.nan, "nan", NOT_NUMBER
            yield name, field, True, "True", BOOLEAN
            yield name, field, "1", "'1'", NOT_INTEGER if spec.integer else NOT_NUMBER
            if spec.integer:
                yield name, field, spec.low + 0.5, format_number(spec.low + 0.5), NOT_INTEGER


GENERATED = list(_generated_cases())


@pytest.mark.parametrize(("model", "field", "value", "shown", "says"), GENERATED,
                         ids=[f"{c[0]}-{c[1]}-{c[3]}" for c in GENERATED])
def test_every_parameter_of_every_model_rejects_bad_values(model, field, value, shown, says):
    spec = MODELS[model].SPECS[field]
    with pytest.raises(ParameterError) as caught:
        MODELS[model].Parameters(**{field: value})
    assert str(caught.value).startswith(f"{spec.label} ({field}) = {shown} ")
    assert says in str(caught.value)


@pytest.mark.parametrize(("model", "field", "value", "shown", "says"), CASES,
                         ids=[f"{c[0]}-{c[1]}-{c[3]}" for c in CASES])
def test_bad_parameter_gives_swedish_error(model, field, value, shown, says):
    module = MODELS[model]
    spec = module.SPECS[field]
    with pytest.raises(ParameterError) as caught:
        module.Parameters(**{field: value})
    message = str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert message.startswith(f"{spec.label} ({field}) = {shown} ")
    assert says in message
    assert format_range(spec) in message
    assert caught.value.name == field
    assert caught.value.label == spec.label


def test_the_brief_s_example_message_exactly():
    with pytest.raises(ParameterError) as caught:
        trust_spiral.Parameters(noise=-0.1)
    assert str(caught.value) == "Brus (noise) = -0.1 är utanför det tillåtna intervallet 0–1."


@pytest.mark.parametrize("module", MODELS.values(), ids=MODELS.keys())
def test_defaults_are_valid_and_every_field_has_a_swedish_label(module):
    params = module.Parameters()
    for name, spec in module.SPECS.items():
        assert spec.label and spec.label[0].isupper()
        assert module.LABELS[name] == spec.label
        assert spec.low <= getattr(params, name) <= spec.high


@pytest.mark.parametrize("module", MODELS.values(), ids=MODELS.keys())
def test_parameters_are_frozen(module):
    params = module.Parameters()
    name = next(iter(module.SPECS))
    with pytest.raises(AttributeError):
        setattr(params, name, 0)


def test_whole_floats_are_accepted_as_counts_and_stored_as_int():
    params = trust_spiral.Parameters(periods=20.0)
    assert params.periods == 20 and isinstance(params.periods, int)


def test_rules_between_parameters():
    with pytest.raises(ParameterError, match=r"Andel kontrollkänsliga \(share_averse\) = 0.7 "
                                             r"och Andel opåverkade \(share_indifferent\) = 0.5 "
                                             r"blir tillsammans 1.2, men summan får vara högst 1"):
        hidden_costs.Parameters(share_averse=0.7, share_indifferent=0.5)
    with pytest.raises(ParameterError, match=r"\(serious_rate\) = 0.5 och .*\(minor_rate\) = 0.6"):
        selective_control.Parameters(serious_rate=0.5, minor_rate=0.6)
    with pytest.raises(ParameterError, match=r"\(shock_period\) = 60 är utanför det tillåtna "
                                             r"intervallet 1–50"):
        trust_spiral.Parameters(periods=50, shock_period=60)
    with pytest.raises(ParameterError, match=r"\(selection\) = 5 är utanför det tillåtna "
                                             r"intervallet 0–2"):
        repeated_trust.Parameters.with_population({"copycat": 2, "always_cheat": 3})
    with pytest.raises(ParameterError, match=r"Antal spelare totalt \(population\) = 1 "
                                             r"är utanför det tillåtna intervallet 2–100"):
        repeated_trust.Parameters.with_population({"copycat": 1}, selection=0)
    with pytest.raises(ParameterError, match="Okänd strategi: tit_for_tat"):
        repeated_trust.Parameters.with_population({"tit_for_tat": 5})


@pytest.mark.parametrize("runs", [0, -5, 2.5, True, "1000"])
def test_bad_runs(runs):
    with pytest.raises(ParameterError, match=r"Antal körningar \(runs\)"):
        check_runs(runs)
    with pytest.raises(ParameterError, match=r"Antal körningar \(runs\)"):
        trust_spiral.simulate(runs=runs)


@pytest.mark.parametrize("seed", [-1, 1.5, "abc"])
def test_bad_seed(seed):
    with pytest.raises(ParameterError, match=r"Slumpfrö \(seed\)"):
        check_seed(seed)
    with pytest.raises(ParameterError, match=r"Slumpfrö \(seed\)"):
        selective_control.simulate(seed=seed, runs=2)
