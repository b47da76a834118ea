"""Upprepad tillit med brus: the repeated trust game after Nicky Case's *The Evolution of Trust*.

A numpy reimplementation (no code copied) of the evolutionary tournament in Nicky Case's
interactive guide *The Evolution of Trust* (2017, CC0; ``case2017evolution``), itself built on
Robert Axelrod's *The Evolution of Cooperation* (1984; ``axelrod1984evolution``). The rules
below were read from Case's source (github.com/ncase/trust: ``js/sims/PD.js``,
``js/sims/Tournament.js``, ``js/slides/5_Slides_Distrust.js``, ``6_Slides_Noise.js``,
``words.html``).

The game
--------
Each round both players choose to cooperate (put a coin in: the other gets 3) or cheat.
Payoffs (Case's defaults): both cooperate +2 each; cooperate vs cheat −1 / +3; both cheat 0.
With the mistake rate ``noise`` each player's *intended* move is flipped, independently for
both players, and both remember the moves actually played (mistakes included).

Strategies (Case's name — code name in Case's source):

- ``copycat`` (tit-for-tat — ``tft``): cooperates first, then copies the other's last move.
- ``always_cheat`` (``all_d``) and ``always_cooperate`` (``all_c``).
- ``grudger`` (``grudge``): cooperates until the other cheats once, then always cheats.
- ``detective`` (``prober``): opens cooperate, cheat, cooperate, cooperate. If the other cheated
  in any of the first three rounds (Case's code does not look at the fourth), it plays Copycat
  from round 5; otherwise it always cheats.
- ``copykitten`` (tit-for-two-tats — ``tf2t``): cheats only after the other has cheated twice
  in a row (and keeps cheating until the other cooperates again).
- ``simpleton`` (win-stay lose-shift — ``pavlov``): starts cooperating; repeats its own last
  move if the other cooperated, switches if the other cheated.
- ``random``: cooperates or cheats with probability 1/2.

A **match** is ``rounds`` rounds between two players whose memories start fresh. A
**tournament** is a round robin: every pair of players in the population plays one match; a
player's score is the sum over its matches. **Evolution**: after each tournament the
``selection`` players with the lowest scores are removed and the ``selection`` players with
the highest scores are each cloned once (ranks among equal scores are decided at random, as
Case does by shuffling before sorting). The population size stays constant.

Reproducing Case's results
--------------------------
Case's noise slider (slide "noise_evo_5") uses the population 13 Always Cheat + 3 Copycat +
3 Copykitten + 3 Simpleton + 3 Random (25 players), 10 rounds per match and 5 replaced per
tournament, and reports: 0 % mistakes → Copycat wins; 1–9 % → Copykitten; 10–49 % → Always
Cheat; 50 % → nobody. :meth:`Parameters.case_noise` is that setting (and the default). Here
"wins" means: the strategy with the largest **average share of the population after
``generations`` tournaments**, averaged over many independent runs. :func:`summarise` also
gives how often each strategy is the most common in a single run. Populations settle within
10–20 tournaments; 30 (the default) is enough (50 or 100 give the same averages).

With 200 runs of 30 tournaments (seed ``DEFAULT_SEED``) this implementation gives, as the
average final share of the winner: 0 % → Copycat (84 %; Copykitten holds the rest);
1–8 % → Copykitten (85 % at 1–3 %, falling to 51 % at 8 %, sharing room with Copycat, as
Case notes); 9 % is the tipping point (Always Cheat 48 %, Copykitten 33 %: each takes over in
about half of the runs, so a single run in Case's browser can go either way);
10–49 % → Always Cheat (77 % at 10 %, 97–100 % from 12 % to 48 %, 85 % at 49 %). At 50 %
every move is a coin flip, so selection is blind: expected shares stay at their starting
values ("nobody wins"; Always Cheat's 48 % is its starting 13 of 25).

Case's rounds slider (slide "distrust") uses 23 Always Cooperate + 1 Always Cheat + 1 Copycat
with no mistakes (:meth:`Parameters.case_distrust`): here, as in Case, Always Cheat takes over
with 5 rounds per match or fewer and Copycat with 6 or more. Other Case settings also
reproduce: the first evolution (15 Always Cooperate, 5 Always Cheat, 5 Copycat: Copycat
inherits the earth), the 5 % population with 13 Always Cooperate (Simpleton wins) and the
one-off tournament (Copycat scores most). Case's *sandbox* start (3 of each strategy, 4 Random)
does **not** give the same noise bands: Copycat wins at 0 % and Copykitten at 5 %, but at 20 %
Grudger wins, not Always Cheat.

Assumptions
-----------
- Everyone meets everyone once per tournament; no network, no choice of partner, no
  reputation across matches; strategies are fixed for life and copied exactly.
- Mistakes are independent between rounds and players; there is no misperception (both see
  the move actually played).
- Selection is by rank, exactly ``selection`` removed and cloned per tournament.

What it does not show
---------------------
- It is a stylised game: real purchaser–provider relations have more than two moves, unequal
  power, contracts, and people who can talk about a mistake (which is what dialogue is for).
- Which strategy "wins" depends on the starting population and on the rules (rounds, payoffs,
  noise, selection); the bands above are Case's for his populations, not laws.
- Populations are tiny (25), so single runs are noisy; only averages over runs are stable.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from widgets.models.parameters import (
    DEFAULT_SEED,
    ParameterError,
    Spec,
    check_runs,
    compact,
    format_number,
    labels,
    replace,
    rng_for,
    rounded,
    validate,
)

#: Strategy codes (index = code), in the order of Case's sandbox.
STRATEGIES = ("copycat", "always_cheat", "always_cooperate", "grudger", "detective",
              "copykitten", "simpleton", "random")
COPYCAT, ALWAYS_CHEAT, ALWAYS_COOPERATE, GRUDGER, DETECTIVE, COPYKITTEN, SIMPLETON, RANDOM = range(8)

#: The course's Swedish names (for the explorer); Case's English names are in the docstring.
STRATEGY_LABELS = {
    "copycat": "Härmapan",
    "always_cheat": "Alltid fuska",
    "always_cooperate": "Alltid samarbeta",
    "grudger": "Långsintingen",
    "detective": "Detektiven",
    # Copykitten: "Lillhärmapan" (content review 2026-11, L13: "Härmapungen" read as an odd
    # coinage; "Härmkattungen", the review's suggestion, would break the pair with Härmapan).
    "copykitten": "Lillhärmapan",
    "simpleton": "Enfaldingen",
    "random": "Slumparen",
}

SPECS: dict[str, Spec] = {
    "noise": Spec("Risk för misstag", 0, 0.5, step=0.01),
    "rounds": Spec("Rundor per match", 1, 50, integer=True, step=1),
    "generations": Spec("Antal turneringar", 1, 500, integer=True, step=1),
    "selection": Spec("Antal som byts ut efter varje turnering", 0, 50, integer=True, step=1),
    "reward": Spec("Poäng när båda samarbetar", -5, 5, integer=True, step=1),
    "sucker": Spec("Poäng när du samarbetar och den andra fuskar", -5, 5, integer=True, step=1),
    "temptation": Spec("Poäng när du fuskar och den andra samarbetar", -5, 5, integer=True,
                       step=1),
    "punishment": Spec("Poäng när båda fuskar", -5, 5, integer=True, step=1),
}
SPECS.update({name: Spec(f"Antal: {STRATEGY_LABELS[name]}", 0, 100, integer=True, step=1)
              for name in STRATEGIES})
LABELS = labels(SPECS)

#: Limits on the whole population.
MIN_POPULATION, MAX_POPULATION = 2, 100


@dataclass(frozen=True)
class Parameters:
    """Rules and starting population. Defaults: Case's noise-slider setting at 5 % mistakes."""

    noise: float = 0.05
    rounds: int = 10
    generations: int = 30
    selection: int = 5
    reward: int = 2
    sucker: int = -1
    temptation: int = 3
    punishment: int = 0
    copycat: int = 3
    always_cheat: int = 13
    always_cooperate: int = 0
    grudger: int = 0
    detective: int = 0
    copykitten: int = 3
    simpleton: int = 3
    random: int = 3

    def __post_init__(self):
        validate(self, SPECS)
        total = self.population_size
        if not MIN_POPULATION <= total <= MAX_POPULATION:
            listed = ", ".join(f"{n} = {getattr(self, n)}" for n in STRATEGIES)
            raise ParameterError(
                f"Antal spelare totalt (population) = {total} är utanför det tillåtna "
                f"intervallet {MIN_POPULATION}–{MAX_POPULATION} ({listed}).",
                name=", ".join(STRATEGIES), label="Antal spelare totalt", value=total)
        if 2 * self.selection > total:
            raise ParameterError(
                f"{SPECS['selection'].label} (selection) = {format_number(self.selection)} "
                f"är utanför det tillåtna intervallet 0–{total // 2} (högst hälften av "
                f"{total} spelare).",
                name="selection", label=SPECS["selection"].label, value=self.selection)

    def replace(self, **changes) -> Parameters:
        return replace(self, **changes)

    @property
    def counts(self) -> np.ndarray:
        """Starting number of each strategy, in the order of :data:`STRATEGIES`."""
        return np.array([getattr(self, n) for n in STRATEGIES], dtype=np.int64)

    @property
    def population_size(self) -> int:
        return int(sum(getattr(self, n) for n in STRATEGIES))

    @property
    def payoff_table(self) -> np.ndarray:
        """Payoff to a player indexed by ``2 * own_cooperates + other_cooperates``."""
        return np.array([self.punishment, self.temptation, self.sucker, self.reward],
                        dtype=np.int64)

    @classmethod
    def with_population(cls, population: dict[str, int], **rules) -> Parameters:
        """Rules as given; every strategy not named in ``population`` gets 0 players."""
        unknown = set(population) - set(STRATEGIES)
        if unknown:
            raise ParameterError(
                f"Okänd strategi: {', '.join(sorted(unknown))}. Tillåtna strategier är "
                f"{', '.join(STRATEGIES)}.", name="population", label="Strategi",
                value=sorted(unknown))
        counts = {n: int(population.get(n, 0)) for n in STRATEGIES}
        return cls(**counts, **rules)

    @classmethod
    def case_noise(cls, noise: float = 0.05, **rules) -> Parameters:
        """Case's noise slider: 13 Always Cheat, 3 each of Copycat, Copykitten, Simpleton, Random."""
        return cls.with_population({"always_cheat": 13, "copycat": 3, "copykitten": 3,
                                    "simpleton": 3, "random": 3}, noise=noise, **rules)

    @classmethod
    def case_noise_cooperative(cls, noise: float = 0.05, **rules) -> Parameters:
        """Case's first noise population: 13 Always Cooperate instead (Simpleton wins at 5 %)."""
        return cls.with_population({"always_cooperate": 13, "copycat": 3, "copykitten": 3,
                                    "simpleton": 3, "random": 3}, noise=noise, **rules)

    @classmethod
    def case_distrust(cls, rounds: int = 10, **rules) -> Parameters:
        """Case's rounds slider: 23 Always Cooperate, 1 Always Cheat, 1 Copycat, no mistakes."""
        rules.setdefault("noise", 0.0)
        return cls.with_population({"always_cooperate": 23, "always_cheat": 1, "copycat": 1},
                                   rounds=rounds, **rules)

    @classmethod
    def case_evolution(cls, **rules) -> Parameters:
        """Case's first evolution: 15 Always Cooperate, 5 Always Cheat, 5 Copycat."""
        rules.setdefault("noise", 0.0)
        return cls.with_population({"always_cooperate": 15, "always_cheat": 5, "copycat": 5},
                                   **rules)

    @classmethod
    def case_sandbox(cls, **rules) -> Parameters:
        """Case's sandbox start: 3 of each strategy, 4 Random."""
        rules.setdefault("noise", 0.0)
        return cls.with_population({n: (4 if n == "random" else 3) for n in STRATEGIES},
                                   **rules)

    @classmethod
    def case_tournament(cls, **rules) -> Parameters:
        """Case's one-off tournament: one each of Copycat, Always Cheat, Always Cooperate,
        Grudger and Detective, 10 rounds per match, no mistakes (no evolution: selection 0)."""
        rules.setdefault("noise", 0.0)
        rules.setdefault("selection", 0)
        return cls.with_population({"copycat": 1, "always_cheat": 1, "always_cooperate": 1,
                                    "grudger": 1, "detective": 1}, **rules)


_PROBE = (True, False, True, True)  # Detective's opening: cooperate, cheat, cooperate, cooperate


def _bernoulli(rng: np.random.Generator, p: float, shape: tuple[int, int]) -> np.ndarray:
    """Independent True-with-probability-``p`` flags (exact; fast for small ``p``).

    For small ``p`` the gaps between successive successes of a Bernoulli process are drawn
    (they are geometric), which needs about ``p * size`` random numbers instead of ``size``.
    """
    size = shape[0] * shape[1]
    if p >= 0.2:
        return rng.random(shape) < p
    flags = np.zeros(size, dtype=bool)
    position = -1
    while True:
        expected = (size - position) * p
        gaps = rng.geometric(p, size=int(expected + 6 * np.sqrt(expected) + 16))
        at = position + np.cumsum(gaps)
        flags[at[at < size]] = True
        if at[-1] >= size:
            break
        position = int(at[-1])
    return flags.reshape(shape)


def play_matches(strategy_a: np.ndarray, strategy_b: np.ndarray, params: Parameters,
                 rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Play one match for every pair ``(strategy_a[i], strategy_b[i])`` at once.

    Returns the two players' total scores over ``params.rounds`` rounds (same shape as the
    inputs). Vectorised over all matches; loops only over rounds. Moves are booleans
    (True = cooperate); every strategy's rule is a boolean expression of a few memories
    of the other's moves, so one round is a handful of bitwise operations.
    """
    shape = np.shape(strategy_a)
    a = np.asarray(strategy_a, dtype=np.int8).ravel()
    b = np.asarray(strategy_b, dtype=np.int8).ravel()
    m = a.size
    both = np.concatenate([a, b])          # side A then side B: one update serves both
    n = both.size
    present = np.bincount(both, minlength=len(STRATEGIES)) > 0
    mask = {code: both == code for code in range(len(STRATEGIES)) if present[code]}
    last = np.ones(n, dtype=bool)          # the other's last move (Copycat, Detective)
    before = np.ones(n, dtype=bool)        # the other's move before that (Copykitten)
    always = np.ones(n, dtype=bool)        # the other has always cooperated (Grudger)
    hit = np.zeros(n, dtype=bool)          # the other cheated in rounds 1–3 (Detective)
    same = np.ones(n, dtype=bool)          # last two moves were equal (Simpleton's next move)
    own = np.zeros(n, dtype=np.int32)      # rounds in which this player cooperated
    mutual = np.zeros(n, dtype=np.int32)   # rounds in which both cooperated
    random_at = np.flatnonzero(mask[RANDOM]) if RANDOM in mask else None
    flips = _bernoulli(rng, params.noise, (params.rounds, n)) if params.noise > 0 else None
    for r in range(params.rounds):
        move = np.zeros(n, dtype=bool)
        for code, rule in (
                (COPYCAT, last), (ALWAYS_COOPERATE, True), (GRUDGER, always),
                (COPYKITTEN, last | before), (SIMPLETON, same),
                (DETECTIVE, _PROBE[r] if r < 4 else hit & last)):
            if code in mask:
                move |= mask[code] & rule
        if random_at is not None:
            move[random_at] = rng.random(random_at.size) < 0.5
        if flips is not None:
            move ^= flips[r]
        other = np.concatenate([move[m:], move[:m]])
        own += move
        mutual += move & other
        before, last = last, other
        always &= other
        if r < 3:
            hit |= ~other
        same = ~(move ^ other)
    rounds = params.rounds
    other_own = np.concatenate([own[m:], own[:m]])
    score = (params.reward * mutual + params.sucker * (own - mutual)
             + params.temptation * (other_own - mutual)
             + params.punishment * (rounds - own - other_own + mutual))
    return score[:m].reshape(shape), score[m:].reshape(shape)


def _pairs(size: int) -> tuple[np.ndarray, np.ndarray]:
    i, j = np.triu_indices(size, k=1)
    return i, j


def _start_population(params: Parameters, runs: int) -> np.ndarray:
    slots = np.repeat(np.arange(len(STRATEGIES), dtype=np.int8), params.counts)
    return np.tile(slots, (runs, 1))


def _tournament_scores(population: np.ndarray, params: Parameters,
                       rng: np.random.Generator) -> np.ndarray:
    """Round-robin totals, shape (runs, players)."""
    runs, size = population.shape
    i, j = _pairs(size)
    score_i, score_j = play_matches(population[:, i], population[:, j], params, rng)
    offset = (np.arange(runs) * size)[:, None]
    totals = np.bincount((offset + i).ravel(), weights=score_i.ravel(), minlength=runs * size)
    totals += np.bincount((offset + j).ravel(), weights=score_j.ravel(), minlength=runs * size)
    return totals.reshape(runs, size)


@dataclass(frozen=True)
class TournamentResult:
    """One round robin per run: ``population`` (runs, players) strategy codes, ``scores`` totals."""

    params: Parameters
    population: np.ndarray
    scores: np.ndarray

    def mean_score_by_strategy(self) -> dict[str, float]:
        """Average total score of a player of each strategy present (over runs and players)."""
        out = {}
        for code, name in enumerate(STRATEGIES):
            mask = self.population == code
            if mask.any():
                out[name] = float(self.scores[mask].mean())
        return out


def tournament(params: Parameters | None = None, seed: int = DEFAULT_SEED,
               runs: int = 1) -> TournamentResult:
    """One round robin (no evolution), e.g. Case's one-off tournament."""
    params = Parameters.case_tournament() if params is None else params
    runs = check_runs(runs)
    rng = rng_for(seed)
    population = _start_population(params, runs)
    return TournamentResult(params=params, population=population,
                            scores=_tournament_scores(population, params, rng))


@dataclass(frozen=True)
class Result:
    """Evolution: ``counts[run, g, s]`` = players of strategy ``s`` before tournament ``g + 1``
    (``g = generations`` is the population after the last one). Shape
    (runs, generations + 1, 8); ``mean_scores[run, g, s]`` the mean tournament score of
    strategy ``s`` in tournament ``g + 1`` (NaN when absent), shape (runs, generations, 8).
    """

    params: Parameters
    counts: np.ndarray
    mean_scores: np.ndarray

    @property
    def runs(self) -> int:
        return self.counts.shape[0]

    @property
    def shares(self) -> np.ndarray:
        """``counts`` as shares of the population (0–1)."""
        return self.counts / self.params.population_size

    @property
    def generation(self) -> np.ndarray:
        """0, 1, …, generations (the x axis: tournaments played)."""
        return np.arange(self.counts.shape[1])


#: Runs of one explorer evaluation (the default of :func:`simulate`).
DEFAULT_RUNS = 10


def simulate(params: Parameters | None = None, seed: int = DEFAULT_SEED,
             runs: int = DEFAULT_RUNS) -> Result:
    """Run ``runs`` independent evolutions of ``params.generations`` tournaments each."""
    params = Parameters() if params is None else params
    runs = check_runs(runs)
    rng = rng_for(seed)
    k = len(STRATEGIES)
    population = _start_population(params, runs)
    counts = np.empty((runs, params.generations + 1, k), dtype=np.int16)
    mean_scores = np.full((runs, params.generations, k), np.nan)
    row = np.arange(runs)[:, None]
    select = params.selection
    for g in range(params.generations):
        counts[:, g] = _count(population, k)
        totals = _tournament_scores(population, params, rng)
        sums = np.zeros((runs, k))
        np.add.at(sums, (np.broadcast_to(row, population.shape), population), totals)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean_scores[:, g] = np.where(counts[:, g] > 0, sums / counts[:, g], np.nan)
        if select:
            # Scores are whole numbers: a random fraction below 1 only breaks ties.
            order = np.argsort(totals + rng.random(totals.shape) * 0.5, axis=1)
            worst, best = order[:, :select], order[:, -select:]
            population = population.copy()
            population[row, worst] = population[row, best]
    counts[:, -1] = _count(population, k)
    return Result(params=params, counts=counts, mean_scores=mean_scores)


def _count(population: np.ndarray, k: int) -> np.ndarray:
    runs = population.shape[0]
    flat = (np.arange(runs)[:, None] * k + population).ravel()
    return np.bincount(flat, minlength=runs * k).reshape(runs, k)


def summarise(result: Result) -> dict:
    """Who wins: the strategy with the largest average final share (plus per-strategy numbers).

    ``plurality_share[name]`` is the share of runs in which ``name`` is the most common strategy
    at the end (a tie counts as a fraction for each). ``gain[name]`` is its average final share
    minus its starting share (about 0 for all when selection is blind, e.g. at 50 % mistakes).
    """
    final = result.shares[:, -1]
    start = result.params.counts / result.params.population_size
    mean_final = final.mean(axis=0)
    top = final.max(axis=1, keepdims=True)
    is_top = final == top
    plurality = (is_top / is_top.sum(axis=1, keepdims=True)).mean(axis=0)
    winner = int(np.argmax(mean_final))
    name = STRATEGIES[winner]
    return {
        "runs": result.runs,
        "generations": result.params.generations,
        "winner": name,
        "winner_label": STRATEGY_LABELS[name],
        "winner_mean_share": float(mean_final[winner]),
        "winner_plurality_share": float(plurality[winner]),
        "largest_gain": float((mean_final - start).max()),
        "final_share": {n: float(v) for n, v in zip(STRATEGIES, mean_final)},
        "plurality_share": {n: float(v) for n, v in zip(STRATEGIES, plurality)},
        "gain": {n: float(v) for n, v in zip(STRATEGIES, mean_final - start)},
    }


# ---------------------------------------------------------------------------------------------
# Explorer grid
# ---------------------------------------------------------------------------------------------

#: Mistake rates and rounds per match precomputed (Case's noise-slider population).
GRID_CONTROLS: dict[str, list] = {
    "noise": [0.0, 0.01, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5],
    "rounds": [3, 5, 10, 20],
}
GRID_GENERATIONS = 30
GRID_RUNS = 40


def grid_point(values: dict, base: Parameters | None = None, seed: int = DEFAULT_SEED,
               runs: int = GRID_RUNS) -> dict:
    """One grid point: ``base`` with ``values`` (control name → value) simulated and reduced.

    Series are the shares of the strategies present in ``base``'s population.
    """
    base = Parameters() if base is None else base
    present = [n for n in STRATEGIES if getattr(base, n) > 0]
    result = simulate(base.replace(**values), seed=seed, runs=runs)
    series = {}
    for name in present:
        s = result.shares[:, :, STRATEGIES.index(name)]
        p10, p90 = np.percentile(s, [10, 90], axis=0)
        series[name] = {"mean": compact(s.mean(axis=0)), "p10": compact(p10), "p90": compact(p90)}
    summary = summarise(result)
    return {
        "series": series,
        "summary": {
            "winner": summary["winner"], "winner_label": summary["winner_label"],
            "winner_mean_share": rounded(summary["winner_mean_share"]),
            "winner_plurality_share": rounded(summary["winner_plurality_share"]),
            "largest_gain": rounded(summary["largest_gain"]),
            "final_share": {n: rounded(summary["final_share"][n]) for n in present},
            "plurality_share": {n: rounded(summary["plurality_share"][n]) for n in present},
        },
    }
