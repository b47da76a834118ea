"""The registry of question kinds: ``KINDS[name]`` is the kind's one object (see ``base``).

Adding a kind touches this registry, a module here, its entry in ``KINDS`` in
``widgets/views/static/quiz.js``, its texts in ``widgets/content/ui_text.py``, its driver in
``tests/quiz_driver.py`` and ``data/quiz/schema.json`` (regenerated); CONTRIBUTING.md,
*Lägga till en frågetyp*, lists the steps.
"""

from __future__ import annotations

from widgets.content.kinds.base import Kind
from widgets.content.kinds.choice import Multiple, Single
from widgets.content.kinds.matching import Matching
from widgets.content.kinds.reflection import Reflection
from widgets.content.kinds.truefalse import TrueFalse

KINDS: dict[str, Kind] = {kind.name: kind for kind in (Single(), Multiple(), TrueFalse(),
                                                        Matching(), Reflection())}
GRADED_KINDS = tuple(name for name, kind in KINDS.items() if kind.graded)

__all__ = ["GRADED_KINDS", "KINDS", "Kind"]
