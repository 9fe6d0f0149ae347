"""Risks of an innovation, assessed and treated per PermenPANRB 5/2020."""

from __future__ import annotations

from core.models.base import Level, Line, Name, Stored, Text
from core.models.enums import RiskType


class Risk(Stored):
    """One row of the risk register: assessment, treatment and residual risk.

    Magnitude and level are not stored: they are read through the workshop's matrix
    (``core.risk.assess``), so loading a variant table recomputes them all.
    """

    innovation_id: int
    code: Line = ""
    type: RiskType = RiskType.NEGATIVE
    event: Name
    cause: Text = ""
    category: Line = ""
    impact_description: Text = ""
    impact_area: Line = ""
    existing_controls: Text = ""
    likelihood: Level = 1
    impact: Level = 1
    treatment_option: Line = ""
    treatment_action: Text = ""
    output: Line = ""
    schedule: Line = ""
    owner_agency_id: int | None = None
    residual_likelihood: Level | None = None
    residual_impact: Level | None = None
