"""Execute the course notebooks and store their outputs in a stable, diff-free form.

``python -m widgets.build.notebooks`` re-executes every chapter in ``book/`` and writes
the outputs back (``make notebooks``). ``--check`` executes without writing and
fails if any committed notebook differs from a fresh run: that is how the tests
prove the published outputs are current.

Re-executing an unchanged notebook gives a byte-identical file because:
- widget model ids (random UUIDs) are replaced by ids derived from the notebook
  name and the order the widgets were created in;
- timings, the Python patch version and other per-machine metadata are dropped;
- models are seeded and widgets have stable reprs (see the rest of the package);
- each widget's front-end code (``_esm``, ``_css``) is stored as a one-line reference to the
  module (``// tk-module:quiz@<hash>``, see :mod:`widgets.views.esm`): the site serves every
  module once as a file, and a JavaScript edit changes one short line per widget.
"""

from __future__ import annotations

import argparse
import copy
import difflib
import hashlib
import json
import re
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from widgets.content.data_files import DataFileError
from widgets.paths import BOOK, ROOT
from widgets.views import esm

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
TIMEOUT_SECONDS = 120
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_MODEL_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")


def chapter_notebooks() -> list[Path]:
    """Every notebook in ``book/`` and its folders (the teacher guide's class overview is
    one), in name order."""
    return sorted(p for p in BOOK.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


#: Folders whose files never change a chapter's outputs (the site and build tools).
_NOT_IN_OUTPUTS = ("widgets/site/", "widgets/build/")
#: The page that counts every chapter's questions.
OVERVIEW = "min-oversikt"


def affected(changed: Iterable[str | Path]) -> list[Path]:
    """The chapter notebooks whose committed outputs a change to ``changed`` (paths relative to
    the repository root) can make stale: a chapter itself; a chapter's question file (and
    *Min översikt*, which counts the questions); anything else the chapters read or run in
    ``data/`` and ``widgets/`` (every chapter)."""
    chapters = {p.stem: p for p in chapter_notebooks()}
    hit: set[str] = set()
    for raw in changed:
        path = Path(raw).as_posix()
        name = Path(path).stem
        if path.startswith("book/") and path.endswith(".ipynb") and name in chapters:
            hit.add(name)
        elif path.startswith("data/quiz/"):
            hit.update({name, OVERVIEW} & set(chapters))
        elif path.startswith(("data/", "widgets/")) and not path.startswith(_NOT_IN_OUTPUTS):
            hit.update(chapters)
    return [chapters[name] for name in sorted(hit)]


def stable_model_ids(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Replace the random widget model ids by ids derived from ``name`` and creation order."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    stable = [hashlib.sha256(f"{name}:{index}".encode()).hexdigest()[:32] for index in range(len(state))]
    if not state or set(state) == set(stable):
        return nb  # fresh from a file that is already normalised (its keys are sorted there)
    mapping = dict(zip(state, stable))
    text = json.dumps(nb)
    text = _MODEL_ID.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)
    return nbformat.from_dict(json.loads(text))


def module_references(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Replace each widget's saved front-end code by a reference to its module (in place)."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for model in state.values():
        traits = model.get("state", {})
        for trait in ("_esm", "_css"):
            if trait in traits:
                traits[trait] = esm.reference_for(trait, traits[trait])
    return nb


def normalise(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Drop per-machine metadata, make widget ids stable, store widget code as references."""
    nb = copy.deepcopy(nb)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    language_info = nb.metadata.get("language_info", {})
    language_info.pop("version", None)
    for key in ("papermill", "jupytext", "widgets_pending"):
        nb.metadata.pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                output.get("metadata", {}).pop("transient", None)
                output.pop("transient", None)
    nb = stable_model_ids(nb, name)
    module_references(nb)
    nbformat.validator.normalize(nb)
    return nb


def execute(path: Path) -> nbformat.NotebookNode:
    """Execute ``path`` in a fresh kernel, in its own folder, and return the normalised result."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=TIMEOUT_SECONDS,
        kernel_name=KERNELSPEC["name"],
        record_timing=False,
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
        # the kernel's TCP-without-encryption warning is noise on a contributor's machine
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    client.execute()
    return normalise(nb, path.stem)


def dumps(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb) + "\n"


def is_normalised(path: Path) -> bool:
    """Whether the file is already what :func:`normalise` would write (no execution)."""
    current = path.read_text(encoding="utf-8")
    return dumps(normalise(nbformat.reads(current, as_version=4), path.stem)) == current


class NotebookError(RuntimeError):
    """A cell failed: the message names the notebook and the error, without the traceback."""


def _short(line: str, limit: int = 160) -> str:
    """A diff line cut to ``limit`` characters: widget state lines can be many KB long."""
    return line if len(line) <= limit else f"{line[:limit]} … ({len(line)} tecken)"


def difference(current: str, fresh: str) -> str | None:
    """None when the committed text is the re-executed one, else a short diff (40 lines)."""
    if fresh == current:
        return None
    diff = difflib.unified_diff(
        current.splitlines(), fresh.splitlines(), "committed", "re-executed", lineterm="", n=1
    )
    return "\n".join(_short(line) for line in list(diff)[:40])


def _run_one(args: tuple[str, bool]) -> tuple[str, str | None]:
    path_text, check = args
    path = Path(path_text)
    try:
        fresh = dumps(execute(path))
    except CellExecutionError as err:
        raise NotebookError(f"{path.name}: en cell gav ett fel. {err.ename}: "
                            f"{_ANSI.sub('', err.evalue)}") from None
    current = path.read_text(encoding="utf-8")
    if check:
        return path_text, difference(current, fresh)
    if fresh != current:
        path.write_text(fresh, encoding="utf-8")
        return path_text, "updated"
    return path_text, None


def run(paths: Iterable[Path], *, check: bool, jobs: int = 2) -> dict[str, str | None]:
    """Execute ``paths`` (in parallel); return what changed (or would change, with ``check``)."""
    work = [(str(p), check) for p in paths]
    if jobs <= 1 or len(work) <= 1:
        return dict(map(_run_one, work))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return dict(pool.map(_run_one, work))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all in book/)")
    parser.add_argument("--check", action="store_true",
                        help="do not write; fail if a committed notebook is not current")
    parser.add_argument("--check-format", action="store_true",
                        help="do not execute; fail if a notebook is not in normalised form")
    parser.add_argument("--changed", nargs="*", metavar="FIL",
                        help="check only the chapters these changed files can affect "
                             "(with --check; used by the pre-commit hook)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if args.changed is not None:
        paths = affected(args.changed)
        if not paths:
            return 0
        args.check = True
    else:
        paths = [p.resolve() for p in args.paths] or chapter_notebooks()
    try:  # a broken question file is reported as itself, before any notebook runs
        from widgets.content.questions import all_question_sets

        all_question_sets()
    except DataFileError as err:
        print(f"FEL: {err}", file=sys.stderr)
        return 1
    if args.check_format:
        unformatted = [p for p in paths if not is_normalised(p)]
        for path in unformatted:
            print(f"inte normaliserad: {path.name}. Kör 'make notebooks NB=book/{path.name}'.",
                  file=sys.stderr)
        return 1 if unformatted else 0
    try:
        results = run(paths, check=args.check, jobs=args.jobs)
    except NotebookError as err:
        print(f"FEL: {err}", file=sys.stderr)
        return 1
    stale = {p: d for p, d in results.items() if d}
    for path in paths:
        rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        outcome = results[str(path)]
        if args.check:
            print(f"{'INAKTUELL' if outcome else 'aktuell '}  {rel}")
            if outcome:
                print(outcome)
        else:
            print(f"{'uppdaterad' if outcome else 'oförändrad'}  {rel}")
    if args.check and stale:
        print(f"\n{len(stale)} notebook(s) har utdata som inte stämmer med koden. "
              "Kör 'make notebooks' och checka in resultatet.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
