"""Figures the exports compute from a bundle: the best quick-win total and heatmap counts.

Thin adapters over the modules that own the rules, so the minutes and the masterplan show the
same numbers as the screens: :mod:`core.quick_wins` for the best possible total (a candidate's
own is :meth:`core.minutes.context.Minutes.weighted_score`) and :mod:`core.heatmap` for where a
risk sits (a risk not yet reassessed stays at its inherent cell in the residual view, as on the
heatmap screen).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from core.heatmap import cell_of
from core.models import Bundle, Criterion
from core.quick_wins import MAX_SCORE
from core.risk import assess


def best_score(criteria: Iterable[Criterion], weight: dict[str, int]) -> int:
    """The highest weighted score possible: every criterion scored 5."""
    return sum(MAX_SCORE * weight[c.key] for c in criteria)


def heatmap_counts(bundle: Bundle, residual: bool = False) -> Counter[tuple[int, int]]:
    """How many risks sit in each (likelihood, impact) cell, inherent or residual."""
    return Counter(cell_of(risk, residual) for risk in bundle.risks)


def level_counts(bundle: Bundle, residual: bool = False) -> Counter[str]:
    """How many risks fall in each band (by key), inherent or residual."""
    scale = bundle.reference.risk_scale
    found: Counter[str] = Counter()
    for (likelihood, impact), count in heatmap_counts(bundle, residual).items():
        found[assess(scale, likelihood, impact).band.key] += count
    return found
