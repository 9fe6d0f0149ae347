"""Innovations, their action steps (rencana aksi) and quick-win scores."""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from core.models.base import Level, Line, Model, Name, Stored, Text  # noqa: F401
from core.models.enums import Horizon, InnovationStatus, QuickWin, ReviewOutcome, StepStatus


class Innovation(Stored):
    """A programme or policy an agency runs (existing) or proposes (new) in one element."""

    title: Name
    dimension: Name
    element: Name
    lead_agency_id: int | None = None
    supporting_agency_ids: list[int] = Field(default_factory=list)
    status: InnovationStatus = InnovationStatus.NEW
    review_outcome: ReviewOutcome | None = None
    """For an existing innovation: what the FGD decided; ``None`` until reviewed."""
    improvement: Text = ""
    """How to improve it, when the outcome is ``improve``."""
    merge_into_id: int | None = None
    problem: Text = ""
    beneficiaries: Text = ""
    horizon: Horizon = Horizon.SHORT
    programme: Line = ""
    """The RPJMD/Renstra programme it serves."""
    quick_win: QuickWin = QuickWin.NONE
    position: int = 0
    """Order within its group on the board."""

    @model_validator(mode="after")
    def _element_in_dimension(self) -> Innovation:
        if not self.element.startswith(self.dimension + "-"):
            raise PydanticCustomError("element_dimension", "the element is not in this dimension")
        return self


class ActionStep(Stored):
    """One rencana aksi row: an activity on the roadmap with its budget per year."""

    innovation_id: int
    activity: Name
    output: Line = ""
    indicator: Line = ""
    target: Line = ""
    lead_agency_id: int | None = None
    supporting_agency_ids: list[int] = Field(default_factory=list)
    start_year: int = Field(ge=2000, le=2100)
    end_year: int = Field(ge=2000, le=2100)
    start_quarter: int | None = Field(default=None, ge=1, le=4)
    end_quarter: int | None = Field(default=None, ge=1, le=4)
    budget: dict[int, int] = Field(default_factory=dict)
    """Pagu indikatif in rupiah, per year."""
    location: Line = ""
    """Lokasi, as the Renja table has it: e.g. ``Kabupaten Serang``, ``Kecamatan Ciruas``."""
    funding_source: Line = ""
    priority: Line = ""
    """Prioritas, as the Renja table has it: e.g. ``Prioritas Nasional``, ``Prioritas Daerah``."""
    programme: Line = ""
    status: StepStatus = StepStatus.PLANNED
    position: int = 0

    @field_validator("budget")
    @classmethod
    def _no_negative_amounts(cls, budget: dict[int, int]) -> dict[int, int]:
        if any(amount < 0 for amount in budget.values()):
            raise PydanticCustomError("negative_amount", "an amount cannot be negative")
        return budget

    @model_validator(mode="after")
    def _years_in_order(self) -> ActionStep:
        if self.end_year < self.start_year:
            raise PydanticCustomError("end_before_start", "the end year is before the start year")
        if any(not self.start_year <= year <= self.end_year for year in self.budget):
            raise PydanticCustomError("budget_outside_years", "a budget year is outside the step's years")
        return self

    @property
    def total(self) -> int:
        """The step's whole budget."""
        return sum(self.budget.values())


class QuickWinScore(Model):
    """One candidate's score (1–5) on one quick-win criterion."""

    innovation_id: int
    criterion: Name
    score: Level
