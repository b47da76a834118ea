"""Tillitskursen's Python package: what the chapter notebooks use.

    from widgets import SelfTest, trust_spiral
    SelfTest.for_chapter("vad-ar-tillit")

The layers, and the one direction of imports, are drawn in ``widgets/README.md``.
"""

from widgets.content.answer_files import read_answer_files
from widgets.content.control_trust_table import load_table
from widgets.content.profiles import combine_profiles, read_profile
from widgets.figures.control_trust_table import for_display
from widgets.figures.governance_chain import draw_chain
from widgets.figures.group_profile import group_chart, show_group
from widgets.figures.hallmark_cards import show_hallmark, show_overview
from widgets.figures.tables import show_table
from widgets.views import explorers
from widgets.views.class_results import ClassResults
from widgets.views.explorers import (
    hidden_costs_model,
    hidden_costs_studies,
    repeated_trust_game,
    selective_follow_up,
    trust_spiral,
)
from widgets.views.plan import PersonalPlan
from widgets.views.profile import Profile
from widgets.views.quiz import ProgressOverview, SelfTest
from widgets.views.review import Review

__all__ = [
    "ClassResults", "PersonalPlan", "Profile", "ProgressOverview", "Review", "SelfTest",
    "combine_profiles", "draw_chain",
    "explorers", "for_display", "group_chart", "hidden_costs_model", "hidden_costs_studies",
    "load_table", "read_answer_files", "read_profile", "repeated_trust_game",
    "selective_follow_up", "show_group",
    "show_hallmark", "show_overview", "show_table", "trust_spiral",
]
