"""Reference data: dimensions, elements, the risk matrix and bands, and the reference lists.

These come from the files in ``data/reference/`` and are copied into every workshop, so a
regency can adapt them (a variant band set, say) without a new release of rembuk.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from core.models.base import Level, Line, Model, Name


class Label(Model):
    """A text in both languages."""

    id: Name
    en: Name

    def __call__(self, lang: str) -> str:
        """The label in ``lang`` (English for any language without its own text)."""
        return self.id if lang == "id" else self.en


class Dimension(Model):
    """One of the six smart-city dimensions, e.g. ``GOV`` Smart Governance."""

    code: Name
    name: Name
    order: int


class Element(Model):
    """One of the 18 elements, e.g. ``GOV-1`` Layanan Publik, with its sense in both languages."""

    code: Name
    dimension: Name
    label: Name
    gloss: Label


class RiskBand(Model):
    """A risk level: the magnitudes it covers, its name, letter and colour (docs/domain.md §5)."""

    key: Name
    low: int = Field(ge=1, le=25)
    high: int = Field(ge=1, le=25)
    name: Label
    letter: Name
    colour: Name


class RiskScale(Model):
    """The risk matrix and its bands: one variant of PermenPANRB 5/2020's tables."""

    name: Line = "PermenPANRB 5/2020"
    magnitude: list[list[int]]
    """Rows by likelihood 1..5, columns by impact 1..5: ``magnitude[l-1][i-1]``."""
    bands: list[RiskBand]
    likelihood: list[Label]
    impact: list[Label]

    @model_validator(mode="after")
    def _complete(self) -> RiskScale:
        cells = [value for row in self.magnitude for value in row]
        if len(self.magnitude) != 5 or any(len(row) != 5 for row in self.magnitude):
            raise ValueError("the risk matrix must be 5×5")
        if sorted(cells) != list(range(1, 26)):
            raise ValueError("the risk matrix must hold each of 1..25 once")
        covered = sorted(m for band in self.bands for m in range(band.low, band.high + 1))
        if covered != list(range(1, 26)):
            raise ValueError("the risk bands must cover 1..25 once each")
        return self


class Criterion(Model):
    """A quick-win criterion and its default weight."""

    key: Name
    name: Label
    weight: int = Field(default=1, ge=0, le=10)


class ReferenceData(Model):
    """Everything a workshop is measured against, as loaded from ``data/reference/``."""

    dimensions: list[Dimension]
    elements: list[Element]
    risk_scale: RiskScale
    risk_categories: list[Label]
    impact_areas: list[Label]
    treatment_options: dict[str, list[Label]]
    """Per risk type (``negative``/``positive``), the treatment options it allows."""
    funding_sources: list[Label]
    quick_win_criteria: list[Criterion]

    def elements_of(self, dimension: str) -> list[Element]:
        """The elements of one dimension, in order."""
        return [e for e in self.elements if e.dimension == dimension]

    def dimension(self, code: str) -> Dimension:
        """The dimension with this code."""
        return next(d for d in self.dimensions if d.code == code)

    def element(self, code: str) -> Element:
        """The element with this code."""
        return next(e for e in self.elements if e.code == code)


__all__ = ["Label", "Dimension", "Element", "RiskBand", "RiskScale", "Criterion", "ReferenceData", "Level"]
