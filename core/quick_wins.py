"""Quick-win ranking: each candidate's scores times the workshop's weights, explained.

A candidate's total is the sum over the criteria of score × weight; a criterion not scored
yet counts nothing, and says so. The ranking keeps every term, so a screen (or the minutes)
can show why a candidate stands where it does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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
        Ranked(item, tuple(Term(c, given.get((item.id, c.key)), weights.get(c.key, c.weight))
                           for c in criteria))
        for item in candidates
    ]
    return sorted(ranked, key=lambda r: (-r.total, not r.complete, r.innovation.title.lower()))
