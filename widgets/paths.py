"""Where the course's files live."""

from __future__ import annotations

import os
from pathlib import Path

#: The repository root (the package is installed in editable mode from here).
ROOT = Path(os.environ.get("TILLITSKURSEN_ROOT", Path(__file__).resolve().parent.parent))
DATA = ROOT / "data"
BOOK = ROOT / "book"
STATIC = Path(__file__).resolve().parent / "views" / "static"
