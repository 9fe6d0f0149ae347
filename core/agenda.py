"""The agenda against the clock: what runs now and how long it has left, as text that reads
without colour (``FGD Smart Governance · 12:40 left``, ``+3:10 over``).

Pure functions of the stored times and ``now``: nothing here ticks, so a restart shows the
same as if the app had run all along.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from core.i18n import Translator
from core.models import AgendaItem, Timer


@dataclass(frozen=True)
class Countdown:
    """Something running against the clock: an agenda item or the free timer."""

    label: str
    due_at: datetime


def countdowns(items: list[AgendaItem], timer: Timer | None) -> list[Countdown]:
    """The running item (if any) and the free timer (if set), in that order."""
    found = [Countdown(i.title, i.due_at) for i in items if i.running and i.due_at]
    if timer is not None:
        found.append(Countdown(timer.label, timer.ends_at))
    return found


def minutes_seconds(seconds: int) -> str:
    """``12:40``; minutes may exceed 59 (``75:00``)."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def clock_text(countdown: Countdown, now: datetime, t: Translator) -> str:
    """``FGD Smart Governance · 12:40 left``, or ``… · +3:10 over`` once over."""
    left = int((countdown.due_at - now).total_seconds())
    if left >= 0:
        return t("agenda.clock.left", label=countdown.label, time=minutes_seconds(left))
    return t("agenda.clock.over", label=countdown.label, time=minutes_seconds(-left))


def header_text(running: list[Countdown], now: datetime, t: Translator) -> str:
    """Everything running, for the header; empty when nothing is."""
    return " | ".join(clock_text(c, now, t) for c in running)


def next_item(items: list[AgendaItem]) -> AgendaItem | None:
    """The first item after the running one (or after the last one run), not yet started."""
    ordered = sorted(items, key=lambda i: (i.day, i.position, i.id or 0))
    started = [n for n, i in enumerate(ordered) if i.started_at is not None]
    after = started[-1] + 1 if started else 0
    return next((i for i in ordered[after:] if i.started_at is None), None)
