"""Check every content file in ``data/`` (and ``_toc.yml``) the way the chapters read it.

``python -m widgets.build.check_data`` prints one line per file, ``ok`` or the reader's own
Swedish error (file, line, item and fix), and exits 1 if any file is broken. Warnings (things a
file may do but had better not, such as a true/false explanation that starts with "Falskt.")
are printed under the file's line and do not fail the check. ``make check``
runs it; so does the pre-commit hook for ``data/``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from widgets.content import course
from widgets.content.control_trust_table import TABLE_FILE, load_table
from widgets.content.data_files import DataFileError
from widgets.content.glossary import GLOSSARY_FILE, load_glossary
from widgets.content.hallmarks import HALLMARKS_FILE, load_hallmarks
from widgets.content.handout import HANDOUT_FILE, load_handout
from widgets.content.plan import PLAN_FILE, load_prompts
from widgets.content.profiles import read_profile
from widgets.content.publication import CITATION_FILE, CONFIG_FILE, publication
from widgets.content.questions import QUIZ_DIR, load_questions
from widgets.content.relations import RELATIONS_FILE, load_relations
from widgets.content.roleplay import ROLEPLAY_FILE, load_roleplay
from widgets.content.slides import SLIDES_FILE, load_decks
from widgets.paths import DATA, ROOT


def _explorer_texts(path: Path) -> None:
    from widgets.views import explorers

    explorers.check_texts(path)


def checks() -> list[tuple[Path, Callable[[Path], object]]]:
    """Every file the course reads, with the function that reads (and validates) it."""
    found: list[tuple[Path, Callable[[Path], object]]] = [
        (ROOT / "_toc.yml", course.pages),
        (HALLMARKS_FILE, load_hallmarks),
        (RELATIONS_FILE, load_relations),
        (TABLE_FILE, load_table),
        (GLOSSARY_FILE, load_glossary),
        (PLAN_FILE, load_prompts),
        (ROLEPLAY_FILE, load_roleplay),
        (DATA / "utforskare.yml", _explorer_texts),
        (HANDOUT_FILE, load_handout),
        (SLIDES_FILE, load_decks),
        (CITATION_FILE, lambda path: publication(CONFIG_FILE, path)),
    ]
    found += [(p, load_questions) for p in sorted(QUIZ_DIR.glob("*.yml"))]
    found += [(p, read_profile) for p in sorted((DATA / "exempel-profiler").glob("*.csv"))]
    return found


def main(argv: list[str] | None = None) -> int:
    failed = 0
    for path, read in checks():
        rel = path.relative_to(ROOT)
        try:
            result = read(path)
        except DataFileError as err:
            failed += 1
            print(f"FEL  {err}", file=sys.stderr)
        else:
            print(f"ok   {rel}")
            for warning in getattr(result, "warnings", ()):
                print(f"     varning: {warning}")
    if failed:
        print(f"\n{failed} fil(er) behöver rättas.", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
