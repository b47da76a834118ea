"""The one list of the course's explorers: id → how to build it.

Each model's module in this package registers its explorers with :func:`register`. The tests,
``tools/bench_models.py``, the data check (``python -m widgets.build.check_data``) and the
teacher guide's list (the ``utforskare`` directive) all read :data:`EXPLORERS`, so a new
explorer is one ``register(...)`` call and one entry in ``data/utforskare.yml``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from widgets.content.explorer_texts import TEXTS_FILE, check_ids

if TYPE_CHECKING:
    from widgets.views.explorer import Explorer
    from widgets.views.explorers.spec import Recipe


@dataclass(frozen=True)
class Entry:
    """A registered explorer: its id (and entry in ``data/utforskare.yml``), the call that
    builds it in a chapter, its recipe and the model it runs (``None`` for data only)."""

    id: str
    call: str
    recipe: Callable[[], Recipe]
    model: ModuleType | None

    def build(self) -> Explorer:
        return self.recipe().build()


#: Every explorer, in the order the chapters meet them.
EXPLORERS: dict[str, Entry] = {}


def register(explorer_id: str, call: str, recipe: Callable[[], Recipe],
             model: ModuleType | None) -> None:
    if explorer_id in EXPLORERS:
        raise ValueError(f"utforskaren {explorer_id!r} är redan registrerad")
    EXPLORERS[explorer_id] = Entry(explorer_id, call, recipe, model)


def build(explorer_id: str) -> Explorer:
    """The explorer with this id, as a chapter shows it."""
    try:
        entry = EXPLORERS[explorer_id]
    except KeyError:
        raise ValueError(f"Okänd utforskare {explorer_id!r}; välj en av "
                         f"{', '.join(EXPLORERS)}.") from None
    return entry.build()


def models() -> dict[str, ModuleType]:
    """The simulation models the explorers run, by module name (``trust_spiral`` …)."""
    found: dict[str, ModuleType] = {}
    for entry in EXPLORERS.values():
        if entry.model is not None:
            found.setdefault(entry.model.__name__.rsplit(".", 1)[-1], entry.model)
    return found


def check_texts(path=TEXTS_FILE) -> None:
    """Check ``data/utforskare.yml`` (or ``path``) against every explorer's needs, without
    running a model: every explorer has its texts, and every entry belongs to an explorer."""
    for entry in EXPLORERS.values():
        entry.recipe().texts(path)
    check_ids(EXPLORERS, path)
