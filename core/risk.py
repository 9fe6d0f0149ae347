"""Risk magnitude and level on the SPBE 5×5 matrix (PermenPANRB 5/2020, docs/domain.md §5).

The magnitude is a table lookup, never likelihood × impact; the level is the band the
magnitude falls in. Both come from the workshop's :class:`RiskScale`, so a variant table
loaded from data recomputes every level.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.models.reference import RiskBand, RiskScale


@dataclass(frozen=True)
class Assessment:
    """A likelihood/impact pair read through the matrix: its magnitude and band."""

    likelihood: int
    impact: int
    magnitude: int
    band: RiskBand


def magnitude(scale: RiskScale, likelihood: int, impact: int) -> int:
    """The besaran risiko for a likelihood and impact, each 1..5."""
    if not (1 <= likelihood <= 5 and 1 <= impact <= 5):
        raise ValueError(f"likelihood and impact must be 1..5, not {likelihood}, {impact}")
    return scale.magnitude[likelihood - 1][impact - 1]


def band(scale: RiskScale, value: int) -> RiskBand:
    """The level (band) a magnitude falls in."""
    return next(b for b in scale.bands if b.low <= value <= b.high)


def assess(scale: RiskScale, likelihood: int, impact: int) -> Assessment:
    """Read a likelihood/impact pair through the matrix."""
    value = magnitude(scale, likelihood, impact)
    return Assessment(likelihood, impact, value, band(scale, value))


def band_rank(scale: RiskScale, key: str) -> int:
    """Position of a band from the lowest (0) to the highest, for 'Tinggi or above' tests."""
    ordered = sorted(scale.bands, key=lambda b: b.low)
    return next(i for i, b in enumerate(ordered) if b.key == key)


def at_least(scale: RiskScale, likelihood: int, impact: int, key: str) -> bool:
    """Whether a risk's level is ``key`` (e.g. ``high``) or above."""
    found = assess(scale, likelihood, impact).band
    return band_rank(scale, found.key) >= band_rank(scale, key)
