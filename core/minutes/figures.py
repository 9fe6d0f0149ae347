"""Figures the exports compute: rupiah amounts, quick-win scores and heatmap counts.

Each helper here stands in for a module another part of rembuk provides; they are kept small
and private to the exports so that they can be swapped for the real ones at merge time (see
the ``TODO(merge)`` comments).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from core.models import Bundle, Criterion, Risk
from core.risk import assess


# TODO(merge): core.rupiah (issue 4) formats rupiah; replace rupiah() by its function.
def rupiah(amount: int, lang: str) -> str:
    """``Rp1.250.000.000`` in Indonesian, ``Rp1,250,000,000`` in English."""
    grouped = f"{amount:,}"
    return "Rp" + (grouped.replace(",", ".") if lang == "id" else grouped)


# TODO(merge): issue 3's quick-win scoring (core, boards) computes weights and totals;
# replace weights() and weighted_score() by it.
def weights(bundle: Bundle) -> dict[str, int]:
    """The weight of each reference criterion: the workshop's own, else the default."""
    own = bundle.quick_win_weights
    return {c.key: own.get(c.key, c.weight) for c in bundle.reference.quick_win_criteria}


def scores_of(bundle: Bundle, innovation_id: int | None) -> dict[str, int]:
    """An innovation's score (1–5) per criterion key; criteria not scored are absent."""
    return {s.criterion: s.score for s in bundle.quick_win_scores if s.innovation_id == innovation_id}


def weighted_score(bundle: Bundle, innovation_id: int | None) -> int:
    """Σ weight × score over the reference criteria; an unscored criterion counts 0."""
    scores = scores_of(bundle, innovation_id)
    return sum(weight * scores.get(key, 0) for key, weight in weights(bundle).items())


def best_score(criteria: Iterable[Criterion], weight: dict[str, int]) -> int:
    """The highest weighted score possible: every criterion scored 5."""
    return sum(5 * weight[c.key] for c in criteria)


# TODO(merge): core.heatmap (issue 5) counts risks per cell; replace heatmap_counts() by it.
def heatmap_counts(bundle: Bundle, residual: bool = False) -> Counter[tuple[int, int]]:
    """How many risks sit in each (likelihood, impact) cell, inherent or residual.

    Residual counts leave out risks whose residual likelihood or impact is not assessed.
    """
    cells = (_cell(risk, residual) for risk in bundle.risks)
    return Counter(cell for cell in cells if cell is not None)


def _cell(risk: Risk, residual: bool) -> tuple[int, int] | None:
    """A risk's cell, or ``None`` when its residual is wanted but not assessed."""
    if not residual:
        return (risk.likelihood, risk.impact)
    if risk.residual_likelihood is None or risk.residual_impact is None:
        return None
    return (risk.residual_likelihood, risk.residual_impact)


def level_counts(bundle: Bundle, residual: bool = False) -> Counter[str]:
    """How many risks fall in each band (by key), inherent or residual."""
    scale = bundle.reference.risk_scale
    counts = heatmap_counts(bundle, residual)
    found: Counter[str] = Counter()
    for (likelihood, impact), count in counts.items():
        found[assess(scale, likelihood, impact).band.key] += count
    return found
