"""The agenda against the clock: what runs now and how long it has left, as text that reads
without colour (``FGD Smart Governance · 12:40 left``, ``+3:10 over``).

Pure functions of the stored times and ``now``: nothing here ticks, so a restart shows the
same as if the app had run all along.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import Field, field_validator

from core.i18n import Translator
from core.models import AgendaItem, Line, Model
from core.setup import normal_clock


@dataclass(frozen=True)
class Countdown:
    """An agenda item running against its timebox (a free timer is the room's, :mod:`core.live`)."""

    label: str
    due_at: datetime


def countdowns(items: list[AgendaItem]) -> list[Countdown]:
    """The running item, if any."""
    return [Countdown(i.title, i.due_at) for i in items if i.running and i.due_at]


def minutes_seconds(seconds: int) -> str:
    """``12:40``; minutes may exceed 59 (``75:00``)."""
    return f"{seconds // 60}:{seconds % 60:02d}"


LABEL_WIDTH = 28
"""Characters of an item's title the header keeps, so the time always fits at 80 columns."""


def shortened(label: str, width: int = LABEL_WIDTH) -> str:
    """``label``, cut to ``width`` characters with an ellipsis if longer."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def clock_text(countdown: Countdown, now: datetime, t: Translator, width: int = LABEL_WIDTH) -> str:
    """``FGD Smart Governance · 12:40 left``, or ``… · +3:10 over`` once over."""
    left = int((countdown.due_at - now).total_seconds())
    label = shortened(countdown.label, width)
    if left >= 0:
        return t("agenda.clock.left", label=label, time=minutes_seconds(left))
    return t("agenda.clock.over", label=label, time=minutes_seconds(-left))


def header_text(running: list[Countdown], now: datetime, t: Translator) -> str:
    """Everything running, for the header (labels shorter when two share it); empty when nothing is."""
    width = LABEL_WIDTH // max(len(running), 1)
    return " | ".join(clock_text(c, now, t, width) for c in running)


def next_item(items: list[AgendaItem]) -> AgendaItem | None:
    """The first item after the running one (or after the last one run), not yet started."""
    ordered = sorted(items, key=lambda i: (i.day, i.position, i.id or 0))
    started = [n for n, i in enumerate(ordered) if i.started_at is not None]
    after = started[-1] + 1 if started else 0
    return next((i for i in ordered[after:] if i.started_at is None), None)


class AgendaItemInput(AgendaItem):
    """An agenda item as typed in its form: the planned time checked as ``08.30``."""

    @field_validator("planned_time", mode="before")
    @classmethod
    def _clock(cls, value: Any) -> Any:
        return normal_clock(value) if isinstance(value, str) else value

    def item(self) -> AgendaItem:
        """The plain item the store keeps."""
        return AgendaItem.model_validate(self.model_dump())


class TimerInput(Model):
    """A free timer as typed: what it is for, and for how many minutes. It runs as the room's
    timer (``data.clock``), the one F8 starts, shown in every terminal and follow view."""

    label: Line = ""
    minutes: int = Field(default=10, ge=1, le=600)

    @property
    def seconds(self) -> int:
        """How long it runs."""
        return self.minutes * 60
