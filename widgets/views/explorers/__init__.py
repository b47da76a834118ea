"""The course's explorers: one module per simulation model, and one registry of them all.

    from widgets.views.explorers import trust_spiral
    trust_spiral(step="start")      # one control: starting trust
    trust_spiral()                  # the full sandbox

- :mod:`.spec`: Swedish numbers, controls, and assembling the spec a view reads;
- :mod:`.registry`: :data:`EXPLORERS`, id → how to build it (tests, tools and the teacher
  guide read it);
- :mod:`.spiral`, :mod:`.hidden_costs`, :mod:`.repeated`, :mod:`.selective`: each model's
  explorers. Their texts live in ``data/utforskare.yml`` (read by
  :mod:`widgets.content.explorer_texts`).
"""

# isort: off
# Importing a module registers its explorers; this order (the chapters') is the registry's.
from widgets.views.explorers.spiral import trust_spiral
from widgets.views.explorers.hidden_costs import hidden_costs_model, hidden_costs_studies
from widgets.views.explorers.repeated import repeated_trust_game
from widgets.views.explorers.selective import selective_follow_up
from widgets.views.explorers.registry import EXPLORERS, build, check_texts, models
# isort: on

__all__ = ["EXPLORERS", "build", "check_texts", "hidden_costs_model", "hidden_costs_studies",
           "models", "repeated_trust_game", "selective_follow_up", "trust_spiral"]
