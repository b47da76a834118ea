"""Every explorer the chapters build, by id (shared by the unit and browser tests)."""

from widgets.views import explorers

BUILDERS = {
    "tillitsspiralen-start": lambda: explorers.trust_spiral("start"),
    "tillitsspiralen": explorers.trust_spiral,
    "kontrollens-kostnad-studier": explorers.hidden_costs_studies,
    "kontrollens-kostnad-modell": explorers.hidden_costs_model,
    "upprepad-tillit-brus": lambda: explorers.repeated_trust_game("noise"),
    "upprepad-tillit": explorers.repeated_trust_game,
    "selektiv-kontroll": explorers.selective_follow_up,
}
