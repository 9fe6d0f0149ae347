"""The live room: terminals on one file, the view the driving terminal publishes, one clock.

Pure values and arithmetic on them; ``data.presence`` and ``data.clock`` store them, the app
publishes them, and the follow view shows them. Times are seconds since the epoch, compared
with the reader's clock, so a countdown reads alike in every terminal on one machine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field

from core.models.base import Line, Model

HEARTBEAT_SECONDS = 2.0
"""How often a terminal says it is still there."""

STALE_AFTER_SECONDS = 6.0
"""A terminal not heard from for this long is gone (three missed heartbeats)."""


class TerminalRole(StrEnum):
    """What a terminal is used for in the room."""

    FACILITATOR = "facilitator"
    NOTULIS = "notulis"
    PARTICIPANT = "participant"


class Terminal(Model):
    """One running rembuk on the file, as it announced itself."""

    id: str
    name: Line
    role: TerminalRole = TerminalRole.FACILITATOR
    pid: int = 0
    seen_at: float = 0.0
    """When it last sent a heartbeat."""

    def alive(self, now: float) -> bool:
        """Heard from within :data:`STALE_AFTER_SECONDS`."""
        return now - self.seen_at < STALE_AFTER_SECONDS


class LiveView(Model):
    """Where the driving terminal is: enough for a follow view to show the same thing.

    Only keys and positions, never the content: the follow view reads that from the file, so a
    state row stays a few dozen bytes however large the card or the minutes.
    """

    screen: str = "overview"
    """``overview``, ``board``, ``heatmap``, ``quick_wins``, ``preview``, or ``other``."""
    title: Line = ""
    """What the driving terminal's header says, for screens the follow view has no layout for."""
    dimension: str | None = None
    innovation_id: int | None = None
    """The highlighted card (a board), or the highlighted candidate (quick wins)."""
    cell: tuple[int, int] | None = None
    """The heatmap cell under the cursor: (likelihood, impact)."""
    residual: bool = False
    """The heatmap shows residual rather than inherent risks."""
    overall: bool = False
    """The quick-win ranking is of every dimension, not of ``dimension``."""
    scroll: float = Field(default=0.0, ge=0.0, le=1.0)
    """How far down the minutes preview is, from 0 (top) to 1 (end)."""
    lang: str | None = None
    """The minutes preview's language."""


class Driver(Model):
    """Who drives, what they show, and when they last published it."""

    terminal_id: str
    name: Line
    view: LiveView = Field(default_factory=LiveView)
    """A factory, not ``LiveView()``: an instance made at import builds the model's validator then."""
    published_at: float = 0.0
    seen_at: float = 0.0
    """The driving terminal's last heartbeat (0 once it has left)."""

    def alive(self, now: float) -> bool:
        """The driving terminal is still there; if not, the follow views keep its last view."""
        return now - self.seen_at < STALE_AFTER_SECONDS

    def gone_for(self, now: float) -> int:
        """Whole seconds since the driving terminal's last heartbeat (its last view, once it left)."""
        return int(now - (self.seen_at or self.published_at))


class RoomTimer(Model):
    """The room's one clock: a countdown kept as its end time, so every view counts alike.

    The ``series`` agenda's timeboxes can start it with the agenda item's title as ``label``.
    """

    label: Line = ""
    ends_at: float
    started_by: Line = ""

    def remaining(self, now: float) -> int:
        """Whole seconds left, rounded up (0 once it has ended)."""
        return max(0, math.ceil(self.ends_at - now))

    def ended(self, now: float) -> bool:
        """The timebox is over."""
        return now >= self.ends_at


@dataclass(frozen=True)
class Room:
    """The room as a terminal or a follow view last read it: who is here, who drives, the clock."""

    terminals: tuple[Terminal, ...] = ()
    driver: Driver | None = None
    timer: RoomTimer | None = None


def clock_text(seconds: int) -> str:
    """``mm:ss`` (``h:mm:ss`` from an hour)."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def present(terminals: list[Terminal], now: float) -> list[Terminal]:
    """The terminals still alive, facilitators first, then by name."""
    order = list(TerminalRole)
    alive = [t for t in terminals if t.alive(now)]
    return sorted(alive, key=lambda t: (order.index(t.role), t.name.casefold(), t.id))
