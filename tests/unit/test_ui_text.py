"""Every word the widgets show comes from the one Swedish table, and the table has no dead keys.

Keys are read from the places that look them up, not from any quoted word: in JavaScript the
arguments of ``t(…)`` (a plain key, or the keys of a ternary or an object lookup) and of the
host's ``notice(…)``; in Python ``t[…]`` and ``LABELS[…]``. Keys a module picks at run time
(``t(kind.hint)``) are listed per module in :data:`DYNAMIC`, and each listed key must appear in
that module. A key built from a template (``t(`kind_${x}`)``) is not allowed: it cannot be checked.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from widgets.content.ui_text import TEXTS
from widgets.paths import ROOT, STATIC

WIDGETS = ROOT / "widgets"

#: Each module that shows text, and the sections of TEXTS it receives.
MODULES: dict[Path, tuple[str, ...]] = {
    STATIC / "common.js": ("common",),
    STATIC / "quiz.js": ("common", "quiz"),
    STATIC / "scorm.js": ("scorm",),
    STATIC / "selftest.js": ("common", "quiz"),
    STATIC / "review.js": ("common", "quiz", "review"),
    STATIC / "overview.js": ("common", "quiz", "overview", "answer_file", "answer_transfer",
                             "review"),
    STATIC / "answerfile.js": ("answer_file",),
    STATIC / "classresults.js": ("common", "quiz", "answer_file", "class_results"),
    WIDGETS / "content" / "answer_files.py": ("answer_file",),
    STATIC / "plan.js": ("common", "plan"),
    STATIC / "profile.js": ("common", "profile"),
    STATIC / "explorer.js": ("common", "explorer"),
    STATIC / "combine.js": ("common", "group_profile", "combine"),
    STATIC / "certificate.js": ("common", "certificate"),
    # the results table of Min översikt and the certificate: both sections have its keys
    # (test_results_table_words_are_in_both_sections)
    STATIC / "results.js": ("overview",),
    ROOT / "book" / "_assets" / "widget-host.js": ("host",),
    WIDGETS / "views" / "plan.py": ("plan",),
    WIDGETS / "views" / "esm.py": ("notebook",),
    WIDGETS / "figures" / "group_profile.py": ("group_profile",),
    WIDGETS / "figures" / "hallmark_cards.py": ("hallmark_cards",),
    **{path: ("quiz",) for path in sorted((WIDGETS / "content" / "kinds").glob("*.py"))},
    # the site around the chapters: Python modules look up t[…]; templates tk_text['…'];
    # site_script.py hands the keys in SCRIPT_TEXTS to book/_assets/tk-site.js
    **{WIDGETS / "site" / f"{name}.py": ("site",)
       for name in ("header_buttons", "page_markup", "publisher", "site_script")},
    **{path: ("site",) for path in sorted((WIDGETS / "site" / "templates").glob("tk-*.html"))},
    WIDGETS / "site" / "directives.py": ("roleplay",),
    # offline: the manifest, the save box and the worker's page; tk-offline.js's words
    WIDGETS / "site" / "offline.py": ("offline",),
    ROOT / "book" / "_assets" / "tk-offline.js": ("offline",),
    # the printed course
    **{WIDGETS / "build" / f"{name}.py": ("pdf",) for name in ("pdf",)},
    # the role-play pack and the workshop's slide decks
    WIDGETS / "build" / "pdf_roleplay.py": ("roleplay", "roleplay_pack"),
    WIDGETS / "build" / "slides.py": ("slides", "roleplay"),
    # a chapter in a SCORM package
    WIDGETS / "build" / "scorm_page.py": ("scorm",),
}

#: Keys a module chooses at run time, so they appear outside a lookup.
DYNAMIC: dict[str, set[str]] = {
    "common.js": {"icon_right", "icon_wrong", "icon_info"},  # say(): the icon for a mark
    "selftest.js": {"kind_single", "kind_multiple", "kind_truefalse", "kind_matching",
                "kind_reflection", "show_model_answer"},  # KINDS[kind].hint and .checkLabel
    "plan.js": {"saved", "saved_memory"},  # savedSoon(): where it was saved
    "slides.py": {"slide_label", "prev", "next", "up", "down"},  # handed to slides.js
    # REASON_KEYS: why a file is not used; DOWNLOADS: each download's button and file name
    "combine.js": {f"reason_{r}" for r in (
        "not_profile", "too_large", "empty", "encoding", "header", "columns", "unknown_hallmark",
        "repeated_hallmark", "no_rating", "not_integer", "out_of_range", "missing_hallmarks",
        "not_answers", "answers_version", "no_profile", "bad_profile", "duplicate", "unreadable",
    )} | {f"download_{k}" for k in ("csv", "svg", "png")} | {f"{k}_file" for k in ("csv", "svg", "png")},
    "results.js": {"answered", "right_first", "right"},  # the table's columns
    "classresults.js": {"class_question", "class_answered", "class_right", "class_right_first",
                        "class_common_wrong"},  # the table's columns
    # answerFileMessage(): one message per problem code of an answers file
    "answerfile.js": {f"file_{p}" for p in (
        "too_large", "not_text", "empty", "not_json", "not_ours", "damaged_version", "newer",
        "damaged_answers", "newer_answers", "damaged_course", "damaged_time", "damaged_name",
        "damaged_profile", "damaged_plan")},
}

_JS_CALL = re.compile(r"(?<![\w.$])(?:t|notice)\(")
_PY_LOOKUP = re.compile(r"(?<![\w.])(?:t|LABELS)\[")
#: A key where a lookup's argument starts, or a ternary's branch (JavaScript ``? "a" : "b"``,
#: Python ``"a" if … else "b"``), a default (``x || "a"``) or an object lookup's value
#: (``{x: "a"}[k]``); not the other side of a comparison (``kind === "matching"``).
_KEY = re.compile(r"""(?:^|[?:(]|\|\||\?\?|\belse)\s*(["'])([a-z]+(?:_[a-z]+)*)\1""")
_NOTICE_KEY = re.compile(r"""^\s*\w+,\s*(["'])([a-z]+(?:_[a-z]+)*)\1""")


def _argument(source: str, start: int, close: str) -> str:
    """The text from ``start`` to the bracket that closes the one just before it."""
    depth, pos = 1, start
    opening = {")": "(", "]": "["}[close]
    while depth and pos < len(source):
        char = source[pos]
        if char == opening:
            depth += 1
        elif char == close:
            depth -= 1
        pos += 1
    return source[start:pos - 1]


def keys_in(source: str, python: bool) -> set[str]:
    """The keys looked up in ``source``."""
    found: set[str] = set()
    pattern, close = (_PY_LOOKUP, "]") if python else (_JS_CALL, ")")
    for match in pattern.finditer(source):
        argument = _argument(source, match.end(), close)
        if argument.lstrip().startswith("`") and "${" in argument:
            raise AssertionError(f"a text key built from a template: {argument[:60]!r}")
        found |= {m.group(2) for m in _KEY.finditer(argument)}
        if match.group(0).startswith("notice"):
            found |= {m.group(2) for m in _NOTICE_KEY.finditer(argument)}
    return found


_TEMPLATE_KEY = re.compile(r"""tk_text\[(["'])([a-z]+(?:_[a-z]+)*)\1\]""")
_SCRIPT_TEXTS = re.compile(r"^SCRIPT_TEXTS = \(([^)]*)\)", re.M)


def used_keys(path: Path) -> set[str]:
    source = path.read_text(encoding="utf-8")
    dynamic = DYNAMIC.get(path.name, set())
    for key in dynamic:
        assert re.search(rf"""["']{key}["']""", source), f"{path.name} no longer names {key!r}"
    if path.suffix == ".html":
        return {m.group(2) for m in _TEMPLATE_KEY.finditer(source)} | dynamic
    handed_on = set()
    for listed in _SCRIPT_TEXTS.findall(source):
        handed_on |= set(re.findall(r"""["']([a-z_]+)["']""", listed))
    return keys_in(source, path.suffix == ".py") | dynamic | handed_on


def all_keys() -> set[str]:
    return {key for section in TEXTS.values() for key in section}


def test_the_extraction_sees_ternaries_lookups_and_nested_calls():
    source = """t("plain"); t(x === "matching" ? "need_all" : "need_answer"); t(k || "fallback");
        t({ right: "tf_right", wrong: "tf_wrong" }[s]); t("downloaded", { file: t("file_name") });
        notice(el, "missing"); other("not_a_key"); at("nope");"""
    assert keys_in(source, python=False) == {"plain", "need_all", "need_answer", "fallback", "tf_right",
                                             "tf_wrong", "downloaded", "file_name", "missing"}
    assert keys_in('x = t["yes" if a["answer"] else "no"] + LABELS["col"]', python=True) == \
        {"yes", "no", "col"}
    with pytest.raises(AssertionError, match="template"):
        keys_in("t(`kind_${q.kind}`)", python=False)


@pytest.mark.parametrize("path", list(MODULES), ids=lambda p: p.name)
def test_every_used_key_is_in_the_modules_sections(path):
    available = {key for section in MODULES[path] for key in TEXTS[section]}
    missing = used_keys(path) - available
    assert missing == set(), f"{path.name} uses keys its texts do not have: {sorted(missing)}"


def test_no_unused_keys():
    used = set().union(*(used_keys(path) for path in MODULES))
    unused = all_keys() - used
    assert unused == set(), f"keys no module looks up: {sorted(unused)}"


def test_every_module_that_looks_up_text_is_listed():
    folders = ("views", "figures", "content/kinds", "site", "build")
    candidates = [*STATIC.glob("*.js"), *(p for f in folders for p in (WIDGETS / f).glob("*.py"))]
    for path in candidates:
        source = path.read_text(encoding="utf-8")
        if keys_in(source, path.suffix == ".py") and path not in MODULES:
            raise AssertionError(f"{path} looks up texts but is not in MODULES")


def test_no_learner_text_in_the_front_end_modules():
    """Swedish words belong in ui_text.py: no å, ä or ö in the modules' code (comments aside)."""
    for path in [*STATIC.glob("*.js"), ROOT / "book" / "_assets" / "widget-host.js"]:
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"[åäöÅÄÖ]", code), f"{path.name} has Swedish text outside ui_text.py"


def test_texts_are_swedish_not_english():
    english = re.compile(r"\b(the|and|check|answer|score|reset|download)\b", re.IGNORECASE)
    for section in TEXTS.values():
        for key, value in section.items():
            words = re.sub(r"\{\w+\}", "", value)
            assert not english.search(words), (key, value)


def test_results_table_words_are_in_both_sections():
    """results.js is part of Min översikt and of the certificate: each has every key it uses."""
    used = used_keys(STATIC / "results.js")
    for section in ("overview", "certificate"):
        assert used <= set(TEXTS[section]) | set(TEXTS["common"]), section
