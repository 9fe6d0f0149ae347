"""The risk register as screens and exports read it: each risk with its innovation's context.

A :class:`RegisterRow` is what the data layer returns for the register; :class:`RiskFilter`
says which rows to show; :class:`RiskSnapshot` is one consistent read of everything the risk
screens need. Magnitudes and levels are never stored: they are read through the scale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.heatmap import Cell, cell_of, inherent_cell, residual_cell
from core.models import Agency, ReferenceData, Risk
from core.risk import Assessment, assess


@dataclass(frozen=True)
class RegisterRow:
    """One risk with the innovation it belongs to and the agencies involved."""

    risk: Risk
    innovation: str
    """The innovation's title."""
    dimension: str
    """The innovation's dimension code, e.g. ``GOV``."""
    lead_agency: str = ""
    """The abbreviation of the innovation's lead agency."""
    owner: str = ""
    """The abbreviation of the agency that owns the risk (penanggung jawab)."""


@dataclass(frozen=True)
class RiskFilter:
    """Which risks to show: any field left ``None`` does not filter."""

    dimension: str | None = None
    agency_id: int | None = None
    """Risks owned by this agency, or on innovations it leads."""
    category: str | None = None
    innovation_id: int | None = None

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return any(v is not None for v in (self.dimension, self.agency_id, self.category, self.innovation_id))


@dataclass(frozen=True)
class RiskSnapshot:
    """One read of the register with what it is measured against."""

    reference: ReferenceData
    appetite: int
    """Risks of this magnitude or more need treatment."""
    rows: list[RegisterRow]
    agencies: list[Agency] = field(default_factory=list)
    innovations: list[tuple[int, str]] = field(default_factory=list)
    """``(id, title)`` of every innovation, for the risk form."""
    agencies_in_use: list[Agency] = field(default_factory=list)
    """Agencies that lead an innovation with risks or own a risk: the agency filter's choices."""
    categories_in_use: list[str] = field(default_factory=list)
    """Categories some risk has: the category filter's choices."""
    filters: RiskFilter = field(default_factory=RiskFilter)
    """What it was read with."""
    counts: dict[str, int | None] | None = None
    """The change counts of the tables it was read from, read before them (None: not known): with
    the same filters and the same counts, reading again gives the same snapshot."""

    _assessed: dict[Cell, Assessment] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def risks(self) -> list[Risk]:
        """The risks of :attr:`rows`, in order."""
        return [row.risk for row in self.rows]

    def inherent(self, risk: Risk) -> Assessment:
        """A risk's inherent magnitude and level."""
        return self._assess(inherent_cell(risk))

    def residual(self, risk: Risk) -> Assessment | None:
        """A risk's residual magnitude and level, or ``None`` if not reassessed yet."""
        if risk.residual_likelihood is None or risk.residual_impact is None:
            return None
        return self._assess(residual_cell(risk))

    def _assess(self, cell: Cell) -> Assessment:
        """A cell read through this snapshot's scale, each of the 25 once: showing the register
        of 9,000 risks assessed 27,000 times, a fifth of its opening."""
        found = self._assessed.get(cell)
        if found is None:
            found = self._assessed[cell] = assess(self.reference.risk_scale, *cell)
        return found


def treatment_needed(snapshot: RiskSnapshot, risk: Risk) -> bool:
    """Whether the risk reaches the snapshot's risk appetite: :func:`core.heatmap.needs_treatment`,
    through the snapshot's kept assessments (the register asks it for every row)."""
    return snapshot.inherent(risk).magnitude >= snapshot.appetite


def rows_by_cell(rows: list[RegisterRow], residual: bool = False) -> dict[Cell, list[RegisterRow]]:
    """The rows grouped by the cell their risk falls in (inherent or residual), in order."""
    grouped: dict[Cell, list[RegisterRow]] = {}
    for row in rows:
        grouped.setdefault(cell_of(row.risk, residual), []).append(row)
    return grouped
