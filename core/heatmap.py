"""The risk heatmap: how many risks fall in each cell of the 5×5 matrix, before and after treatment.

Pure functions over :class:`~core.models.Risk` lists and the workshop's
:class:`~core.models.RiskScale`. A cell is a ``(likelihood, impact)`` pair; the magnitude
and level of a cell always come from the scale (``core.risk``), never from multiplying.

A risk that has no residual assessment yet is counted, in the residual view, where its
inherent assessment puts it: untreated, it has not moved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from core.models import Label, ReferenceData, Risk, RiskBand, RiskScale, RiskType
from core.risk import assess, band_rank

Cell = tuple[int, int]
"""A cell of the matrix: ``(likelihood, impact)``, each 1..5."""

LEVELS = range(1, 6)
"""The five likelihood and impact levels."""


@dataclass(frozen=True)
class HeatCell:
    """One cell as the heatmap shows it: where it is, its magnitude and band, and its count."""

    likelihood: int
    impact: int
    magnitude: int
    band: RiskBand
    count: int

    @property
    def cell(self) -> Cell:
        """The cell's ``(likelihood, impact)``."""
        return (self.likelihood, self.impact)


def inherent_cell(risk: Risk) -> Cell:
    """Where a risk sits before treatment."""
    return (risk.likelihood, risk.impact)


def residual_cell(risk: Risk) -> Cell:
    """Where a risk sits after treatment; its inherent cell while not yet reassessed."""
    likelihood = risk.residual_likelihood or risk.likelihood
    impact = risk.residual_impact or risk.impact
    return (likelihood, impact)


def cell_of(risk: Risk, residual: bool = False) -> Cell:
    """The inherent or the residual cell of a risk."""
    return residual_cell(risk) if residual else inherent_cell(risk)


def cell_counts(risks: Iterable[Risk], residual: bool = False) -> dict[Cell, int]:
    """How many risks fall in each of the 25 cells (zeros included)."""
    found = Counter(cell_of(risk, residual) for risk in risks)
    return {(lk, im): found[(lk, im)] for lk in LEVELS for im in LEVELS}


def heatmap(scale: RiskScale, risks: Iterable[Risk], residual: bool = False) -> list[list[HeatCell]]:
    """The grid as shown: rows from likelihood 5 (top) to 1, columns from impact 1 (left) to 5."""
    counts = cell_counts(risks, residual)
    return [[_heat_cell(scale, lk, im, counts[(lk, im)]) for im in LEVELS] for lk in reversed(LEVELS)]


def _heat_cell(scale: RiskScale, likelihood: int, impact: int, count: int) -> HeatCell:
    found = assess(scale, likelihood, impact)
    return HeatCell(likelihood, impact, found.magnitude, found.band, count)


def in_cell(risks: Iterable[Risk], cell: Cell, residual: bool = False) -> list[Risk]:
    """The risks that fall in ``cell``, in their given order."""
    return [risk for risk in risks if cell_of(risk, residual) == cell]


def level_change(scale: RiskScale, risk: Risk) -> int:
    """How many levels treatment moved a risk: negative when it went down."""
    return _cells_change(scale, inherent_cell(risk), residual_cell(risk))


def _cells_change(scale: RiskScale, before: Cell, after: Cell) -> int:
    """How many levels lie between the bands of two cells (negative: ``after`` is lower)."""
    return band_rank(scale, assess(scale, *after).band.key) - band_rank(scale, assess(scale, *before).band.key)


def moved_down(scale: RiskScale, risks: Iterable[Risk]) -> int:
    """How many risks treatment brought down at least one level.

    Each distinct move (at most 625 pairs of cells) is assessed once, not each of thousands of
    risks: on a register of 9,000 that was most of the heatmap's first frame.
    """
    moves = Counter((inherent_cell(risk), residual_cell(risk)) for risk in risks)
    return sum(count for (before, after), count in moves.items() if _cells_change(scale, before, after) < 0)


def needs_treatment(scale: RiskScale, risk: Risk, appetite: int) -> bool:
    """Whether a risk's inherent magnitude reaches the workshop's risk appetite (e.g. ≥ 11)."""
    return assess(scale, *inherent_cell(risk)).magnitude >= appetite


def treatment_options(reference: ReferenceData, risk_type: RiskType | str) -> list[Label]:
    """The treatment options a risk of this type allows, from the reference data."""
    return list(reference.treatment_options.get(RiskType(risk_type).value, []))
