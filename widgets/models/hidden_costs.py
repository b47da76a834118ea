"""Kontrollens dolda kostnader: Falk & Kosfeld's (2006) hidden costs of control.

The experiment (Falk & Kosfeld 2006, treatment C10): an agent gets 120 points and chooses an
effort ``x`` from 0 to 120; the agent keeps ``120 - x`` and the principal receives ``2x``.
Before the agent chooses, the principal decides whether to **trust** (no restriction) or to
**control** (impose a minimum effort of 10). With the strategy method every agent stated both
efforts: if controlled (``effort_controlled``, at least 10) and if trusted (``effort_trusted``).

This module has three parts:

1. **The real data** (``data/falk-kosfeld-2006-c10.csv``, 72 agents; see the file's header for
   source and licence): :func:`load_c10` reads and validates it, :func:`c10_summary` gives its
   numbers (mean effort 17.5 if controlled and 23.0 if trusted; 57 % of agents chose less
   effort when controlled, 18 % the same, 25 % more; principal payoff 35.1 under control and
   46.0 under trust).
2. **The data by group**: :func:`group_summaries` gives the same numbers for all agents and
   for each type of agent (less, the same or more effort under control), for the explorer
   that shows what the agents did. Every number is computed from the file.
3. **A model that varies the share of control-averse agents.** Each simulated agent is one of
   three types, drawn with probabilities given as parameters:

   - *control-averse* (``share_averse``): gives less effort when controlled;
   - *indifferent* (``share_indifferent``): gives the same effort either way;
   - *needs a minimum* (the rest): gives more when controlled — in the data mostly agents who
     would give 0 if trusted and are pushed up to the minimum of 10.

   An agent's pair of efforts is then resampled (with replacement) from the real agents of its
   type. A run is a group of ``agents`` agents (72, as in the experiment); the principal's
   payoff per agent is ``2 × mean effort`` under trust and under control. The data's own
   shares (the defaults) reproduce its result: trust pays more. With no control-averse agents
   control pays more. :func:`break_even_share` gives the share of control-averse agents at
   which the two pay the same (keeping the data's ratio between the other two types).

Replications (Ziegelmeyer, Schmelz & Ploner 2012; Burdin, Halliday & Landini 2018) are
described in words in chapter 5, from the papers' own texts. Their data are not in the course,
so no figures of theirs are represented here.

Assumptions
-----------
- Types are fixed traits; which type an agent is does not depend on who the principal is or
  on what happened before (one-shot game, as in the experiment).
- Efforts within a type are as in the Zurich C10 data; changing the shares changes only how
  common each type is, not how each type behaves.
- The minimum is fixed at 10 (the data's). Other minimums (C5, C20) are not modelled: their
  data are not in the course.

What it does not show
---------------------
- Why agents react to control (the experiment's questionnaires point to control as a signal of
  distrust and a limit on autonomy); the model only counts the reactions.
- Repeated relations, learning, reputation or the principal's own choice (most principals
  trusted in the experiment); real work where effort is not a single number; field settings,
  where Landry et al. (2011) found little support for hidden costs of control.
- Statistical uncertainty about the experiment itself: the 10–90 % band is the spread between
  simulated groups of 72 agents drawn from these data, not a confidence interval for the
  population.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from widgets.content.data_files import DataFileError
from widgets.models.parameters import (
    DEFAULT_SEED,
    Spec,
    check_runs,
    check_sum_at_most,
    check_value,
    labels,
    replace,
    rng_for,
    validate,
)
from widgets.paths import DATA

#: The C10 data file.
DATA_FILE = DATA / "falk-kosfeld-2006-c10.csv"
#: The file's header row.
HEADER = ("agent", "effort_controlled", "effort_trusted")
#: Number of agents in Falk & Kosfeld's C10 treatment.
N_AGENTS = 72
#: The minimum effort the principal can impose in C10.
MINIMUM = 10
#: Largest possible effort (the agent's endowment).
MAX_EFFORT = 120
#: The principal receives this many points per unit of effort.
PRINCIPAL_RETURN = 2

#: Agent types (codes in :attr:`Result.agent_type`).
AVERSE, INDIFFERENT, FLOOR = 0, 1, 2
TYPE_NAMES = ("averse", "indifferent", "floor")

SPECS: dict[str, Spec] = {
    "share_averse": Spec("Andel kontrollkänsliga", 0, 1, step=0.05),
    "share_indifferent": Spec("Andel opåverkade", 0, 1, step=0.05),
    "agents": Spec("Antal utförare per grupp", 1, 10_000, integer=True, step=1),
}
LABELS = labels(SPECS)


# ---------------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class C10Data:
    """The C10 strategy-method choices: one entry per agent (read-only int arrays)."""

    path: Path
    agent: np.ndarray
    effort_controlled: np.ndarray
    effort_trusted: np.ndarray

    @property
    def n(self) -> int:
        return len(self.agent)

    @property
    def agent_type(self) -> np.ndarray:
        """AVERSE (less under control), INDIFFERENT (same) or FLOOR (more under control)."""
        return np.select([self.effort_controlled < self.effort_trusted,
                          self.effort_controlled == self.effort_trusted],
                         [AVERSE, INDIFFERENT], FLOOR).astype(np.int8)


_CACHE: dict[tuple, C10Data] = {}


def _fail(path: Path, problem: str, line: int | None = None, item: str | None = None,
          fix: str | None = None):
    raise DataFileError(path, problem, line=line, item=item, fix=fix)


def _whole_number(path: Path, line: int, column: str, cell: str) -> int:
    try:
        value = float(cell)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        _fail(path, f"{column} = '{cell}' är inte ett tal.", line=line, item=f"kolumn {column}",
              fix="skriv ett heltal.")
    if not value.is_integer():
        _fail(path, f"{column} = {cell} är inte ett heltal.", line=line,
              item=f"kolumn {column}", fix="skriv ett heltal.")
    return int(value)


def load_c10(path: Path | str | None = None, *, expected_rows: int | None = N_AGENTS) -> C10Data:
    """Read and validate the C10 file; every problem raises DataFileError with file and line.

    Rules: UTF-8; ``#`` comment lines and blank lines are skipped; the first other line is the
    header ``agent,effort_controlled,effort_trusted``; then one row per agent with whole
    numbers: ``agent`` ≥ 1 and unique, both efforts 0–120, ``effort_controlled`` ≥ 10 (the C10
    minimum); exactly ``expected_rows`` rows (None: any number ≥ 1).
    """
    path = Path(path) if path is not None else DATA_FILE
    if not path.is_file():
        _fail(path, "filen finns inte.",
              fix="kontrollera namnet, eller lägg tillbaka filen i mappen data/.")
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, expected_rows)
    if key in _CACHE:
        return _CACHE[key]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise DataFileError(path, f"filen är inte UTF-8 ({err.reason}).",
                            fix="spara filen som UTF-8.") from err
    header_line = None
    rows: list[tuple[int, int, int]] = []
    seen: dict[int, int] = {}
    last_line = 0
    for number, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        last_line = number
        cells = [c.strip() for c in next(csv.reader([stripped]))]
        if header_line is None:
            if tuple(cells) != HEADER:
                _fail(path, f"rubrikraden är '{stripped}', men ska vara '{','.join(HEADER)}'.",
                      line=number, fix="skriv rubrikraden exakt så, före första dataraden.")
            header_line = number
            continue
        if len(cells) != len(HEADER):
            _fail(path, f"raden har {len(cells)} värden, men ska ha {len(HEADER)} "
                        f"({', '.join(HEADER)}).", line=number,
                  fix="skriv tre tal åtskilda av kommatecken.")
        agent, controlled, trusted = (_whole_number(path, number, column, cell)
                                      for column, cell in zip(HEADER, cells))
        if agent < 1:
            _fail(path, f"agent = {agent} måste vara 1 eller större.", line=number,
                  item="kolumn agent")
        if agent in seen:
            _fail(path, f"agent {agent} finns redan på rad {seen[agent]}.", line=number,
                  item="kolumn agent", fix="ge varje agent ett eget nummer.")
        seen[agent] = number
        for column, value in (("effort_controlled", controlled), ("effort_trusted", trusted)):
            if not 0 <= value <= MAX_EFFORT:
                _fail(path, f"{column} = {value} är utanför det tillåtna intervallet "
                            f"0–{MAX_EFFORT}.", line=number, item=f"kolumn {column}")
        if controlled < MINIMUM:
            _fail(path, f"effort_controlled = {controlled} är lägre än minimikravet "
                        f"{MINIMUM} i C10.", line=number, item="kolumn effort_controlled",
                  fix=f"en kontrollerad agent ger minst {MINIMUM}; kontrollera värdet.")
        rows.append((agent, controlled, trusted))
    if header_line is None:
        _fail(path, "filen saknar rubrikrad och data.",
              fix=f"skriv rubrikraden '{','.join(HEADER)}' och en rad per agent.")
    if not rows:
        _fail(path, "filen har ingen datarad.", line=header_line)
    if expected_rows is not None and len(rows) != expected_rows:
        _fail(path, f"filen har {len(rows)} datarader, men ska ha {expected_rows} "
                    f"(en per agent i C10).", line=last_line,
              fix="kontrollera att ingen rad fattas eller har kommit med två gånger.")
    array = np.array(rows, dtype=np.int64)
    array.setflags(write=False)
    data = C10Data(path=path, agent=array[:, 0], effort_controlled=array[:, 1],
                   effort_trusted=array[:, 2])
    _CACHE[key] = data
    return data


def c10_summary(data: C10Data | None = None) -> dict[str, float | int]:
    """The real data's numbers (plain floats; shares 0–1; payoffs per agent)."""
    data = load_c10() if data is None else data
    controlled = data.effort_controlled.astype(float)
    trusted = data.effort_trusted.astype(float)
    kind = data.agent_type
    return {
        "n": data.n,
        "mean_controlled": float(controlled.mean()),
        "mean_trusted": float(trusted.mean()),
        "median_controlled": float(np.median(controlled)),
        "median_trusted": float(np.median(trusted)),
        "share_less_under_control": float((kind == AVERSE).mean()),
        "share_same": float((kind == INDIFFERENT).mean()),
        "share_more_under_control": float((kind == FLOOR).mean()),
        "share_at_minimum": float((data.effort_controlled == MINIMUM).mean()),
        "payoff_principal_trusted": float(PRINCIPAL_RETURN * trusted.mean()),
        "payoff_principal_controlled": float(PRINCIPAL_RETURN * controlled.mean()),
    }


#: The groups of :func:`group_summaries`, in display order: everyone, then each type.
GROUPS = ("all", *TYPE_NAMES)


def group_summaries(data: C10Data | None = None) -> list[dict[str, float | int | str]]:
    """The data's numbers for all agents and for each type, computed from the file.

    One dict per group in :data:`GROUPS` order, with ``key``, ``n``, ``total`` (all agents),
    mean efforts if controlled and if trusted, the shares of agents who gave less, the same
    and more under control (within the group), ``at_minimum`` (agents who gave exactly the
    minimum when controlled) and ``zero_trusted`` (agents who would give 0 if trusted).
    """
    data = load_c10() if data is None else data
    kind = data.agent_type
    masks = {"all": np.ones(data.n, dtype=bool), "averse": kind == AVERSE,
             "indifferent": kind == INDIFFERENT, "floor": kind == FLOOR}
    out = []
    for key in GROUPS:
        mask = masks[key]
        n = int(mask.sum())
        controlled = data.effort_controlled[mask].astype(float)
        trusted = data.effort_trusted[mask].astype(float)
        group_kind = kind[mask]
        out.append({
            "key": key,
            "n": n,
            "total": data.n,
            "mean_controlled": float(controlled.mean()) if n else math.nan,
            "mean_trusted": float(trusted.mean()) if n else math.nan,
            "share_less_under_control": float((group_kind == AVERSE).mean()) if n else math.nan,
            "share_same": float((group_kind == INDIFFERENT).mean()) if n else math.nan,
            "share_more_under_control": float((group_kind == FLOOR).mean()) if n else math.nan,
            "at_minimum": int((data.effort_controlled[mask] == MINIMUM).sum()),
            "zero_trusted": int((data.effort_trusted[mask] == 0).sum()),
        })
    return out


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------

def _data_shares(data: C10Data) -> tuple[float, float, float]:
    counts = np.bincount(data.agent_type, minlength=3)
    return tuple(float(c) / data.n for c in counts)


@dataclass(frozen=True)
class Parameters:
    """Shares of agent types (the rest "needs a minimum") and the group size.

    A share left out (None) is the data's own share, computed from the C10 file, so
    ``Parameters()`` reproduces the experiment.
    """

    share_averse: float | None = None
    share_indifferent: float | None = None
    agents: int = N_AGENTS

    def __post_init__(self):
        if self.share_averse is None or self.share_indifferent is None:
            averse, indifferent, _ = _data_shares(load_c10())
            if self.share_averse is None:
                object.__setattr__(self, "share_averse", averse)
            if self.share_indifferent is None:
                object.__setattr__(self, "share_indifferent", indifferent)
        validate(self, SPECS)
        check_sum_at_most(self, SPECS, ("share_averse", "share_indifferent"))

    @property
    def share_floor(self) -> float:
        """Share of agents who give more when controlled (the rest)."""
        return max(0.0, 1.0 - self.share_averse - self.share_indifferent)

    def replace(self, **changes) -> Parameters:
        return replace(self, **changes)

    @classmethod
    def from_data(cls, data: C10Data | None = None, agents: int = N_AGENTS) -> Parameters:
        """The shares observed in the data."""
        averse, indifferent, _ = _data_shares(load_c10() if data is None else data)
        return cls(share_averse=averse, share_indifferent=indifferent, agents=agents)

    @classmethod
    def with_share_averse(cls, share: float, data: C10Data | None = None,
                          agents: int = N_AGENTS) -> Parameters:
        """``share`` control-averse; the rest split between the other two types as in the data.

        This is what the explorer's one slider moves.
        """
        share = check_value("share_averse", SPECS["share_averse"], share)
        _, indifferent, floor = _data_shares(load_c10() if data is None else data)
        ratio = indifferent / (indifferent + floor) if indifferent + floor > 0 else 0.0
        return cls(share_averse=share, share_indifferent=(1.0 - share) * ratio, agents=agents)


@dataclass(frozen=True)
class Result:
    """One simulated group per run: arrays of shape (runs, agents), payoffs (runs,)."""

    params: Parameters
    agent_type: np.ndarray
    effort_controlled: np.ndarray
    effort_trusted: np.ndarray
    payoff_trusted: np.ndarray
    payoff_controlled: np.ndarray

    @property
    def runs(self) -> int:
        return self.agent_type.shape[0]

    @property
    def difference(self) -> np.ndarray:
        """Principal payoff per agent, trust minus control (runs,)."""
        return self.payoff_trusted - self.payoff_controlled


def _pools(data: C10Data) -> list[np.ndarray]:
    kind = data.agent_type
    return [np.flatnonzero(kind == t) for t in (AVERSE, INDIFFERENT, FLOOR)]


#: Runs of one explorer evaluation (the default of :func:`simulate`).
DEFAULT_RUNS = 1000


def simulate(params: Parameters | None = None, seed: int = DEFAULT_SEED,
             runs: int = DEFAULT_RUNS, data: C10Data | None = None) -> Result:
    """Draw ``runs`` groups of ``params.agents`` agents; resample each agent's efforts by type."""
    params = Parameters() if params is None else params
    runs = check_runs(runs)
    data = load_c10() if data is None else data
    rng = rng_for(seed)
    pools = _pools(data)
    shares = (params.share_averse, params.share_indifferent, params.share_floor)
    for name, share, pool in zip(TYPE_NAMES, shares, pools):
        if share > 0 and len(pool) == 0:
            raise ValueError(f"Data i {data.path} saknar agenter av typen '{name}', men "
                             f"andelen är {share}.")
    shape = (runs, params.agents)
    u = rng.random(shape)
    kind = np.where(u < shares[0], AVERSE,
                    np.where(u < shares[0] + shares[1], INDIFFERENT, FLOOR)).astype(np.int8)
    pick = rng.random(shape)
    index = np.zeros(shape, dtype=np.int64)
    for t, pool in enumerate(pools):
        if len(pool):
            chosen = pool[np.minimum((pick * len(pool)).astype(np.int64), len(pool) - 1)]
            index = np.where(kind == t, chosen, index)
    controlled = data.effort_controlled[index]
    trusted = data.effort_trusted[index]
    return Result(params=params, agent_type=kind, effort_controlled=controlled,
                  effort_trusted=trusted,
                  payoff_trusted=PRINCIPAL_RETURN * trusted.mean(axis=1),
                  payoff_controlled=PRINCIPAL_RETURN * controlled.mean(axis=1))


def expected_payoffs(params: Parameters | None = None,
                     data: C10Data | None = None) -> dict[str, float]:
    """Exact expected principal payoff per agent (no sampling) under trust and control."""
    params = Parameters() if params is None else params
    data = load_c10() if data is None else data
    shares = (params.share_averse, params.share_indifferent, params.share_floor)
    trusted = controlled = 0.0
    for share, pool in zip(shares, _pools(data)):
        if share > 0:
            trusted += share * data.effort_trusted[pool].mean()
            controlled += share * data.effort_controlled[pool].mean()
    return {"payoff_trusted": float(PRINCIPAL_RETURN * trusted),
            "payoff_controlled": float(PRINCIPAL_RETURN * controlled)}


def break_even_share(data: C10Data | None = None) -> float:
    """Share of control-averse agents at which trust and control pay the principal the same.

    The other two types keep the data's ratio (see :meth:`Parameters.with_share_averse`).
    Expected payoffs are linear in the share, so this is exact.
    """
    data = load_c10() if data is None else data
    gap0 = _gap(Parameters.with_share_averse(0.0, data), data)
    gap1 = _gap(Parameters.with_share_averse(1.0, data), data)
    return float(gap0 / (gap0 - gap1))


def _gap(params: Parameters, data: C10Data) -> float:
    e = expected_payoffs(params, data)
    return e["payoff_trusted"] - e["payoff_controlled"]


def summarise(result: Result) -> dict[str, float | int]:
    """Plain numbers: mean payoffs per agent, their difference and how often trust wins."""
    diff = result.difference
    p10, p90 = np.percentile(diff, [10, 90])
    return {
        "runs": result.runs,
        "agents": result.params.agents,
        "mean_payoff_trusted": float(result.payoff_trusted.mean()),
        "mean_payoff_controlled": float(result.payoff_controlled.mean()),
        "mean_difference": float(diff.mean()),
        "p10_difference": float(p10),
        "p90_difference": float(p90),
        "share_runs_trust_better": float((diff > 0).mean()),
        "share_runs_control_better": float((diff < 0).mean()),
    }


#: The explorer's one control: the share of control-averse agents.
GRID_SHARES = [round(0.05 * i, 2) for i in range(21)]
