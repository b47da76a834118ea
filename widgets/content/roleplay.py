"""The role-play of chapter 9 (a meeting about home care in Övningsås): ``data/rollspel.yml``.

One file holds the scenario, the roles, the group's proposal template, the observer's
questions, the timings and the debrief. The chapter and the teacher guide render it with the
``{rollspel}`` directive (:mod:`widgets.site.directives`); printed role cards can use the
same :class:`RolePlay`, and so does the printed pack (:mod:`widgets.build.pdf_roleplay`),
with its own words in ``pack``. :func:`load_roleplay` checks the file and raises
:class:`~widgets.content.data_files.DataFileError` naming the file, the line, the role or
part, and the fix.

The rules, besides the shape: a role card speaks to its reader (``you_are`` starts with
"Du är"); for every group size from ``group_size.min`` to ``.max`` there are exactly as many
roles as participants (``from_size`` is the smallest group a role is in); exactly one role is
the observer; the steps of each timed version add up to its length.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from widgets.content.data_files import ENTRY_ID, LINE, DataFileError, check_fields, load_yaml
from widgets.paths import DATA

ROLEPLAY_FILE = DATA / "rollspel.yml"
SECOND_PERSON = "Du är"

_TOP = {"title", "scenario", "proposal", "timings", "group_size", "roles", "observer_sheet",
        "debrief", "pack"}
_PACK = {"title", "intro", "steps", "observer_note"}
_ROLE_REQUIRED = {"id", "name", "from_size", "casting", "you_are", "think"}
_ROLE_TEXTS = ("secret", "goal", "offer")  # required, except for the observer
_ROLE_FIELDS = _ROLE_REQUIRED | set(_ROLE_TEXTS) | {"title", "observer"}


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    title: str | None
    from_size: int
    casting: str
    you_are: str
    think: str
    secret: str | None = None
    goal: str | None = None
    offer: str | None = None
    observer: bool = False

    @property
    def heading(self) -> str:
        return f"{self.name} – {self.title}" if self.title else self.name


@dataclass(frozen=True)
class ProposalPart:
    id: str
    task: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    id: str
    text: str
    minutes: dict[int, int]


@dataclass(frozen=True)
class Pack:
    """The printed role-play pack's own words (``pack`` in the file)."""

    title: str
    intro: str
    steps: tuple[str, ...]
    observer_note: str


@dataclass(frozen=True)
class RolePlay:
    title: str
    scenario: tuple[str, ...]
    scenario_note: str
    proposal_intro: str
    proposal: tuple[ProposalPart, ...]
    extra_fields: tuple[str, ...]
    versions: tuple[int, ...]
    steps: tuple[Step, ...]
    min_size: int
    max_size: int
    roles: tuple[Role, ...]
    observer_intro: str
    observer_questions: tuple[str, ...]
    debrief_intro: str
    debrief_questions: tuple[str, ...]
    report: str
    pack: Pack

    def roles_for(self, size: int) -> tuple[Role, ...]:
        """The roles of a group with ``size`` participants."""
        return tuple(r for r in self.roles if r.from_size <= size)

    @property
    def sizes(self) -> range:
        return range(self.min_size, self.max_size + 1)

    @property
    def template_fields(self) -> tuple[str, ...]:
        """Every row of the group's proposal template, in order."""
        return tuple(f for part in self.proposal for f in part.fields) + self.extra_fields


def _fail(path: Path, problem: str, *, item: str | None = None, line: int | None = None,
          fix: str | None = None) -> DataFileError:
    return DataFileError(path, problem, item=item, line=line, fix=fix)


def _mapping(path: Path, raw: dict, key: str, fields: set[str], item: str) -> dict:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise _fail(path, f"avsnittet '{key}' saknas eller är ingen mappning.", item=item,
                    line=raw.get(LINE), fix=f"skriv '{key}:' med fälten {', '.join(sorted(fields))}.")
    check_fields(path, value, fields, item, required=fields)
    return value


def _text(path: Path, entry: dict, key: str, item: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, f"fältet '{key}' saknas eller är tomt.", item=item, line=entry.get(LINE),
                    fix=f"skriv en text efter '{key}:'.")
    return " ".join(value.split())


def _texts(path: Path, entry: dict, key: str, item: str) -> tuple[str, ...]:
    value = entry.get(key)
    if not isinstance(value, list) or not value or not all(
            isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, f"'{key}' ska vara en lista med minst en text.", item=item,
                    line=entry.get(LINE), fix=f"skriv varje text på en egen rad under '{key}:', "
                                              f"som '- …'.")
    return tuple(" ".join(v.split()) for v in value)


def _id(path: Path, entry: dict, item: str, seen: set[str]) -> str:
    value = entry.get("id")
    if not isinstance(value, str) or not ENTRY_ID.match(value):
        raise _fail(path, f"id:t {value!r} är inte giltigt.", item=item, line=entry.get(LINE),
                    fix="använd små bokstäver a–z, siffror och bindestreck, till exempel "
                        "'id: bestallare'.")
    if value in seen:
        raise _fail(path, f"id:t '{value}' används redan.", item=item, line=entry.get(LINE),
                    fix="ge varje post ett eget id.")
    seen.add(value)
    return value


def _entries(path: Path, parent: dict, key: str, noun: str, fields: set[str], *, fix: str):
    """``(id, item, entry)`` for each entry of the list ``parent[key]``: a mapping with a
    unique id and exactly ``fields``."""
    entries = parent.get(key)
    if not isinstance(entries, list) or not entries:
        raise _fail(path, f"'{key}' ska vara en lista med minst en post.", item=key,
                    line=parent.get(LINE), fix=fix)
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise _fail(path, f"{noun} {number} är ingen mappning.", item=f"{noun} {number}",
                        line=parent.get(LINE), fix=fix)
        entry_id = _id(path, entry, f"{noun} {number}", seen)
        item = f"{noun} '{entry_id}'"
        check_fields(path, entry, fields, item, required=fields)
        yield entry_id, item, entry


def _role(path: Path, raw: Any, number: int, seen: set[str], sizes: tuple[int, int]) -> Role:
    if not isinstance(raw, dict):
        raise _fail(path, f"roll {number} är ingen mappning.", item=f"roll {number}",
                    fix="skriv rollen som '- id: …' med 'name: …', 'you_are: …' och de andra fälten.")
    role_id = _id(path, raw, f"roll {number}", seen)
    item = f"roll '{role_id}'"
    line = raw.get(LINE)
    check_fields(path, raw, _ROLE_FIELDS, item, required=_ROLE_REQUIRED)
    observer = raw.get("observer", False)
    if not isinstance(observer, bool):
        raise _fail(path, f"'observer' ska vara true eller false, inte {observer!r}.", item=item,
                    line=line, fix="skriv 'observer: true' bara på observatörens roll.")
    you_are = _text(path, raw, "you_are", item)
    if not you_are.startswith(SECOND_PERSON):
        raise _fail(path, f"rollkortet ska tala till den som spelar rollen, men 'you_are' börjar "
                          f"med ”{you_are[:30]}…”.", item=item, line=line,
                    fix=f"börja med ”{SECOND_PERSON} …”, till exempel ”Du är chef för …”.")
    low, high = sizes
    from_size = raw["from_size"]
    if not isinstance(from_size, int) or isinstance(from_size, bool) or not low <= from_size <= high:
        raise _fail(path, f"'from_size' är {from_size!r}, men ska vara en gruppstorlek från {low} "
                          f"till {high}.", item=item, line=line,
                    fix="skriv den minsta gruppstorlek där rollen är med, till exempel "
                        f"'from_size: {low}'.")
    texts: dict[str, str | None] = {}
    for key in _ROLE_TEXTS:
        if observer:
            if key in raw:
                raise _fail(path, f"observatören har inget eget '{key}'; hen iakttar mötet.",
                            item=item, line=line,
                            fix=f"ta bort '{key}:'. Observatörens frågor står under "
                                f"'observer_sheet'.")
            texts[key] = None
        elif key not in raw:
            raise _fail(path, f"fältet '{key}' saknas (krävs för alla roller utom observatören).",
                        item=item, line=line, fix=f"lägg till '{key}: …'.")
        else:
            texts[key] = _text(path, raw, key, item)
    title = _text(path, raw, "title", item) if "title" in raw else None
    return Role(role_id, _text(path, raw, "name", item), title, from_size,
                _text(path, raw, "casting", item), you_are, _text(path, raw, "think", item),
                observer=observer, **texts)


def _steps(path: Path, raw: dict) -> tuple[tuple[int, ...], tuple[Step, ...]]:
    timings = _mapping(path, raw, "timings", {"versions", "steps"}, "timings")
    versions = timings["versions"]
    if not isinstance(versions, list) or not versions or not all(
            isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in versions):
        raise _fail(path, "'versions' ska vara en lista med längder i minuter.", item="timings",
                    line=timings.get(LINE), fix="skriv till exempel 'versions: [60, 45]'.")
    steps = []
    for step_id, item, entry in _entries(
            path, timings, "steps", "steg", {"id", "text", "minutes"},
            fix="skriv varje steg som '- id: …' med 'text: …' och 'minutes: {60: 5, 45: 5}'."):
        minutes = entry["minutes"]
        if not isinstance(minutes, dict) or {k for k in minutes if k != LINE} != set(versions) \
                or not all(isinstance(minutes[v], int) and minutes[v] > 0 for v in versions):
            raise _fail(path, f"'minutes' ska ge ett antal minuter för varje version "
                              f"({', '.join(map(str, versions))}).", item=item, line=entry.get(LINE),
                        fix="skriv till exempel 'minutes: {"
                            + ", ".join(f"{v}: 5" for v in versions) + "}'.")
        steps.append(Step(step_id, _text(path, entry, "text", item),
                          {v: minutes[v] for v in versions}))
    for version in versions:
        total = sum(s.minutes[version] for s in steps)
        if total != version:
            raise _fail(path, f"stegen i versionen på {version} minuter tar sammanlagt {total} "
                              f"minuter.", item="timings", line=timings.get(LINE),
                        fix=f"ändra minuterna så att de blir {version} tillsammans.")
    return tuple(versions), tuple(steps)


def _proposal(path: Path, raw: dict) -> tuple[str, tuple[ProposalPart, ...], tuple[str, ...]]:
    proposal = _mapping(path, raw, "proposal", {"intro", "parts", "extra_fields"}, "proposal")
    parts = []
    for part_id, item, entry in _entries(
            path, proposal, "parts", "del", {"id", "task", "fields"},
            fix="skriv varje del som '- id: …' med 'task: …' och 'fields: [...]'."):
        parts.append(ProposalPart(part_id, _text(path, entry, "task", item),
                                  _texts(path, entry, "fields", item)))
    return (_text(path, proposal, "intro", "proposal"), tuple(parts),
            _texts(path, proposal, "extra_fields", "proposal"))


def load_roleplay(path: Path | str = ROLEPLAY_FILE) -> RolePlay:
    """Read and check ``data/rollspel.yml`` (or ``path``)."""
    path = Path(path)
    raw = load_yaml(path)
    if not isinstance(raw, dict):
        raise _fail(path, "filen ska vara en mappning som börjar med 'title:' och 'scenario:'.",
                    fix="se kommentaren överst i data/rollspel.yml.")
    check_fields(path, raw, _TOP, "filens början", required=_TOP)
    scenario = _mapping(path, raw, "scenario", {"text", "note"}, "scenario")
    sizes = _mapping(path, raw, "group_size", {"min", "max"}, "group_size")
    low, high = sizes["min"], sizes["max"]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high)) \
            or not 2 <= low <= high:
        raise _fail(path, f"gruppstorleken {low!r}–{high!r} går inte.", item="group_size",
                    line=sizes.get(LINE), fix="skriv två heltal, till exempel "
                                              "'group_size: {min: 5, max: 8}'.")
    if not isinstance(raw["roles"], list) or not raw["roles"]:
        raise _fail(path, "'roles' ska vara en lista med roller.", item="roles",
                    line=raw.get(LINE), fix="skriv varje roll som '- id: …'.")
    seen: set[str] = set()
    roles = tuple(_role(path, r, n, seen, (low, high)) for n, r in enumerate(raw["roles"], start=1))
    observers = [r.id for r in roles if r.observer]
    if len(observers) != 1:
        raise _fail(path, f"det ska finnas exakt en observatör, men {len(observers)} roller har "
                          f"'observer: true'.", item="roles",
                    fix="skriv 'observer: true' på observatörens roll och ingen annan.")
    for size in range(low, high + 1):
        count = sum(r.from_size <= size for r in roles)
        if count != size:
            raise _fail(path, f"en grupp med {size} deltagare får {count} roller, men varje "
                              f"deltagare ska ha en roll.", item="roles",
                        fix=f"ändra 'from_size' så att exakt {size} roller har from_size {size} "
                            f"eller lägre.")
    observer = _mapping(path, raw, "observer_sheet", {"intro", "questions"}, "observer_sheet")
    debrief = _mapping(path, raw, "debrief", {"intro", "questions", "report"}, "debrief")
    pack = _mapping(path, raw, "pack", _PACK, "pack")
    versions, steps = _steps(path, raw)
    proposal_intro, parts, extra = _proposal(path, raw)
    if not isinstance(raw["title"], str) or not raw["title"].strip():
        raise _fail(path, "'title' saknas eller är tom.", line=raw.get(LINE),
                    fix="skriv rollspelets namn efter 'title:'.")
    return RolePlay(
        title=raw["title"].strip(),
        scenario=_texts(path, scenario, "text", "scenario"),
        scenario_note=_text(path, scenario, "note", "scenario"),
        proposal_intro=proposal_intro, proposal=parts, extra_fields=extra,
        versions=versions, steps=steps, min_size=low, max_size=high, roles=roles,
        observer_intro=_text(path, observer, "intro", "observer_sheet"),
        observer_questions=_texts(path, observer, "questions", "observer_sheet"),
        debrief_intro=_text(path, debrief, "intro", "debrief"),
        debrief_questions=_texts(path, debrief, "questions", "debrief"),
        report=_text(path, debrief, "report", "debrief"),
        pack=Pack(title=_text(path, pack, "title", "pack"), intro=_text(path, pack, "intro", "pack"),
                  steps=_texts(path, pack, "steps", "pack"),
                  observer_note=_text(path, pack, "observer_note", "pack")),
    )


@cache
def roleplay() -> RolePlay:
    """The role-play of ``data/rollspel.yml`` (read once)."""
    return load_roleplay()
