"""Tillitskursen's Python package: what the chapter notebooks use.

    from widgets import SelfTest, trust_spiral
    SelfTest.for_chapter("vad-ar-tillit")

The layers, and the one direction of imports, are drawn in ``widgets/README.md``.

The names below are imported when first used (PEP 562), so a tool such as
``python -m widgets.content.questions`` or ``python -m widgets.build.check_data`` loads only
what it needs (no numpy, matplotlib or ipywidgets for a data check), and running a submodule
as a script does not import it twice.
"""

from __future__ import annotations

import importlib

#: Public name → the module that defines it.
_EXPORTS = {
    "load_table": "widgets.content.control_trust_table",
    "combine_profiles": "widgets.content.profiles",
    "read_profile": "widgets.content.profiles",
    "read_answer_files": "widgets.content.answer_files",
    "combine_ratings": "widgets.content.profiles",
    "for_display": "widgets.figures.control_trust_table",
    "draw_chain": "widgets.figures.governance_chain",
    "group_chart": "widgets.figures.group_profile",
    "show_group": "widgets.figures.group_profile",
    "show_hallmark": "widgets.figures.hallmark_cards",
    "show_overview": "widgets.figures.hallmark_cards",
    "show_table": "widgets.figures.tables",
    "hidden_costs_model": "widgets.views.explorers",
    "hidden_costs_studies": "widgets.views.explorers",
    "repeated_trust_game": "widgets.views.explorers",
    "selective_follow_up": "widgets.views.explorers",
    "trust_spiral": "widgets.views.explorers",
    "Certificate": "widgets.views.certificate",
    "ClassResults": "widgets.views.class_results",
    "Review": "widgets.views.review",
    "ProfileCombiner": "widgets.views.combine",
    "PersonalPlan": "widgets.views.plan",
    "Profile": "widgets.views.profile",
    "ProgressOverview": "widgets.views.quiz",
    "SelfTest": "widgets.views.quiz",
}
#: Public submodules.
_MODULES = {"explorers": "widgets.views.explorers"}

__all__ = sorted([*_EXPORTS, *_MODULES])


def __getattr__(name: str):
    if name in _MODULES:
        value = importlib.import_module(_MODULES[name])
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    else:
        raise AttributeError(f"module 'widgets' has no attribute {name!r}")
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
