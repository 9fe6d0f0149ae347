"""Quick-win ranking: each candidate's scores times the workshop's weights, explained.

A candidate's total is the sum over the criteria of score × weight; a criterion not scored
yet counts nothing, and says so. The ranking keeps every term, so a screen (or the minutes)
can show why a candidate stands where it does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from core.models import Criterion, Innovation, QuickWinScore

MAX_SCORE = 5


@dataclass(frozen=True)
class Term:
    """One criterion's part in a candidate's total."""

    criterion: Criterion
    score: int | None
    """1–5, or ``None`` while not scored."""
    weight: int

    @property
    def points(self) -> int:
        """Score × weight; nothing while not scored."""
        return (self.score or 0) * self.weight


@dataclass(frozen=True)
class Ranked:
    """A candidate with its terms and total, as ranked."""

    innovation: Innovation
    terms: tuple[Term, ...]

    @property
    def total(self) -> int:
        """The sum of score × weight."""
        return sum(term.points for term in self.terms)

    @property
    def maximum(self) -> int:
        """The total if every criterion scored 5."""
        return sum(MAX_SCORE * term.weight for term in self.terms)

    @property
    def percent(self) -> int:
        """The total as a whole percentage of the maximum."""
        return round(100 * self.total / self.maximum) if self.maximum else 0

    @property
    def complete(self) -> bool:
        """Whether every criterion with a weight has a score."""
        return all(term.score is not None for term in self.terms if term.weight)


def effective_weights(criteria: Iterable[Criterion], overrides: Mapping[str, int]) -> dict[str, int]:
    """Each criterion's weight: the workshop's own where it set one, the default otherwise."""
    return {c.key: overrides.get(c.key, c.weight) for c in criteria}


def rank(candidates: Iterable[Innovation], scores: Iterable[QuickWinScore],
         criteria: list[Criterion], weights: Mapping[str, int]) -> list[Ranked]:
    """The candidates from the highest total down (ties: more complete first, then by title)."""
    given = {(s.innovation_id, s.criterion): s.score for s in scores}
    ranked = [
        Ranked(item, tuple(Term(c, given.get((item.stored_id, c.key)), weights.get(c.key, c.weight))
                           for c in criteria))
        for item in candidates
    ]
    return sorted(ranked, key=lambda r: (-r.total, not r.complete, r.innovation.title.lower()))


# -- the impact × effort grid ---------------------------------------------------------------

IMPACT_CRITERIA = ("citizen_benefit",)
"""The criteria whose scores say how much citizens gain (keys of ``quick_win_criteria.json``)."""

EASE_CRITERIA = ("low_cost", "one_year")
"""The criteria whose scores say how little effort it takes: cheap and fast scores high."""

HIGH = 3
"""A mean score from which impact counts as high, or effort as low."""


class Quadrant(StrEnum):
    """A cell of the impact × effort grid."""

    QUICK_WIN = "quick_win"
    """High impact, low effort."""
    MAJOR = "major"
    """High impact, high effort."""
    FILL_IN = "fill_in"
    """Low impact, low effort."""
    THANKLESS = "thankless"
    """Low impact, high effort."""


def axis(ranked: Ranked, keys: tuple[str, ...]) -> float | None:
    """The mean score over ``keys``, ``None`` while none of them is scored."""
    scores = [t.score for t in ranked.terms if t.criterion.key in keys and t.score is not None]
    return sum(scores) / len(scores) if scores else None


def quadrant(ranked: Ranked) -> Quadrant | None:
    """Where a candidate falls on the grid; ``None`` until impact and ease are both scored."""
    impact, ease = axis(ranked, IMPACT_CRITERIA), axis(ranked, EASE_CRITERIA)
    if impact is None or ease is None:
        return None
    if impact >= HIGH:
        return Quadrant.QUICK_WIN if ease >= HIGH else Quadrant.MAJOR
    return Quadrant.FILL_IN if ease >= HIGH else Quadrant.THANKLESS
