"""Simulation models of self-fulfilling expectations: pure numpy, no plotting, no widgets.

Each model module exposes a frozen ``Parameters`` dataclass that validates itself (Swedish
errors, :class:`~widgets.models.parameters.ParameterError`), a ``SPECS``/``LABELS`` table of
Swedish slider labels and ranges, ``simulate(params, seed=…, runs=…)`` returning a frozen
result of numpy arrays, ``summarise(result)`` returning plain numbers, and ``grid_point(values)``
reducing one simulation to what an explorer shows (:mod:`widgets.views.explorers` builds the grids;
its registry lists the models the explorers run).

- :mod:`~widgets.models.trust_spiral` — Tillitsspiralen (purchaser ↔ provider over time).
- :mod:`~widgets.models.hidden_costs` — Kontrollens dolda kostnader (Falk & Kosfeld 2006).
- :mod:`~widgets.models.repeated_trust` — Upprepad tillit med brus (after Nicky Case 2017).
- :mod:`~widgets.models.selective_control` — Selektiv kontroll (risk- and dialogue-guided).

Views call models; models never import views.
"""

from widgets.models import hidden_costs, repeated_trust, selective_control, trust_spiral
from widgets.models.parameters import ParameterError, Spec

__all__ = ["ParameterError", "Spec", "hidden_costs", "repeated_trust", "selective_control",
           "trust_spiral"]
