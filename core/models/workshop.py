"""The workshop itself, its agencies (OPD), participants and attendance."""

from __future__ import annotations

from datetime import date

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from core.models.base import Line, Model, Name, Stored
from core.models.enums import Role, Stage, TimeZone
from core.models.origin import HeldStage


class Workshop(Model):
    """One Bimtek session of a region's masterplan: the header of the minutes."""

    region: Name
    """The kabupaten/kota, e.g. ``Kabupaten Serang``."""
    organiser: Line = ""
    title: Line = ""
    event: Line = ""
    """The acara line of the minutes; empty: the stage and region say it."""
    stage: Stage = Stage.I
    dates: list[date] = Field(default_factory=list)
    """The workshop days, in order."""
    start_time: Line = ""
    end_time: Line = ""
    time_zone: TimeZone = TimeZone.WIB
    """The zone the minutes write times in."""
    venue: Line = ""
    chair: Line = ""
    speakers: list[Line] = Field(default_factory=list)
    facilitator: Line = ""
    minute_taker: Line = ""
    horizon_start: int = Field(default=2025, ge=2000, le=2100)
    horizon_end: int = Field(default=2034, ge=2000, le=2100)
    language: str = Field(default="id", pattern="^(id|en)$")
    next_stage_date: date | None = None
    risk_appetite: int = Field(default=11, ge=1, le=25)
    """Risks of this magnitude or more need treatment."""
    earlier_stages: list[HeldStage] = Field(default_factory=list)
    """The stages of the series held before this one, oldest first (empty: the first stage, or a
    workshop on its own)."""

    @model_validator(mode="after")
    def _horizon_in_order(self) -> Workshop:
        if self.horizon_end < self.horizon_start:
            raise PydanticCustomError("horizon_order", "the horizon ends before it starts")
        return self

    @property
    def years(self) -> range:
        """The horizon's years, e.g. 2025..2034."""
        return range(self.horizon_start, self.horizon_end + 1)


class Agency(Stored):
    """A perangkat daerah (OPD) or partner, e.g. ``Diskominfosatik``."""

    abbreviation: Name
    name: Line = ""


class Participant(Stored):
    """Someone in the room."""

    name: Name
    position: Line = ""
    agency_id: int | None = None
    role: Role = Role.PARTICIPANT
    nip: Line = ""


class Attendance(Model):
    """Whether a participant was present on one workshop day."""

    participant_id: int
    day: date
    present: bool = True
