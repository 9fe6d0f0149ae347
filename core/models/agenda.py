"""The agenda: what the day holds, item by item, and when each item really ran."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import Field

from core.models.base import Line, Name, Stored


class AgendaItem(Stored):
    """One item of the agenda (susunan acara): planned, then run against its timebox.

    ``started_at`` and ``ended_at`` are the actual times (local, as notes' ``created_at``);
    an item started and not ended is running. Its end is ``started_at`` plus the timebox, so
    a restart (after kill -9 or a dropped link) finds it at the right remaining time.
    """

    position: int = 0
    day: int = Field(default=1, ge=1, le=31)
    """Which workshop day (1 is the first)."""
    planned_time: Line = ""
    """The planned start, ``08.30``."""
    title: Name
    topic: Line = ""
    """The dimension (``GOV``) or the topic it covers."""
    timebox: int = Field(default=30, ge=1, le=600)
    """Minutes it may take."""
    lead: Line = ""
    """Who leads it: a speaker, the facilitator, an agency."""
    started_at: datetime | None = None
    ended_at: datetime | None = None

    @property
    def running(self) -> bool:
        """Started and not yet ended."""
        return self.started_at is not None and self.ended_at is None

    @property
    def due_at(self) -> datetime | None:
        """When its timebox runs out, once started."""
        return self.started_at + timedelta(minutes=self.timebox) if self.started_at else None
