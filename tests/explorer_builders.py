"""Every explorer the chapters build, by id (shared by the unit and browser tests): read from
the registry, so a new explorer is tested without adding it here."""

from widgets.views.explorers import EXPLORERS

BUILDERS = {explorer_id: entry.build for explorer_id, entry in EXPLORERS.items()}
