"""Every word the widgets show comes from the one Swedish table, and the table has no dead keys."""

import re
from pathlib import Path

from widgets.content.ui_text import TEXTS
from widgets.paths import STATIC

WIDGETS = Path(STATIC).parents[1]
CODE = [*STATIC.glob("*.js"), *(WIDGETS / "views").glob("*.py"), *(WIDGETS / "figures").glob("*.py"),
        *(WIDGETS / "site").glob("*.py")]

KEY_USE = re.compile(r"""\bt\(\s*["']([a-z_]+)["']""")
KEY_TERNARY = re.compile(r"""t\(\s*[^()]*?\?\s*["']([a-z_]+)["']\s*:\s*["']([a-z_]+)["']""")


def used_keys() -> set[str]:
    """Keys that appear quoted in the widgets' code (JS or Python), plus composed ones."""
    used = {f"kind_{k}" for k in ("single", "multiple", "truefalse", "matching", "reflection")}
    for path in CODE:
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""["'`]([a-z]+(?:_[a-z]+)*)["'`]""", source)) & all_keys()
    return used


def all_keys() -> set[str]:
    return {key for section in TEXTS.values() for key in section}


def test_every_used_key_exists():
    missing = {k for k in set().union(*[set(KEY_USE.findall(js.read_text())) for js in STATIC.glob("*.js")])
               if k not in all_keys()}
    assert missing == set()


def test_no_unused_keys():
    unused = all_keys() - used_keys()
    assert unused == set(), f"keys no widget uses: {sorted(unused)}"


def test_texts_are_swedish_not_english():
    english = re.compile(r"\b(the|and|check|answer|score|reset|download)\b", re.IGNORECASE)
    for section in TEXTS.values():
        for key, value in section.items():
            words = re.sub(r"\{\w+\}", "", value)
            assert not english.search(words), (key, value)
