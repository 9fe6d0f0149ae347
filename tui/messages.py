"""App-wide messages: small dataclasses named as past events or requests (docs/style.md)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from core.models import Innovation, Note, TargetType
from data.history import Item


@dataclass(frozen=True)
class CaptureContext:
    """What a note typed now would be attached to: the thing on screen."""

    label: str
    """Shown in the capture bar, e.g. 'Smart Governance'."""
    dimension: str | None = None
    target_type: TargetType = TargetType.WORKSHOP
    target_id: int | None = None


def about_innovation(innovation: Innovation) -> CaptureContext:
    """Notes typed now belong to ``innovation`` (and, in the minutes, to its dimension)."""
    return CaptureContext(innovation.title, innovation.dimension, TargetType.INNOVATION, innovation.id)


@dataclass
class NoteSaved(Message):
    """A note was committed to the workshop file."""

    note: Note


@dataclass
class WorkshopChanged(Message):
    """The workshop file changed: saved here, or by another terminal. Screens reload."""

    external: bool = False
    """True when another process made the change."""
    item: Item | None = None
    """The row an undo or redo brought back or changed: a screen showing it highlights it."""


@dataclass
class WorkFailed(Message):
    """A thread worker raised: the app shows one line and logs the traceback (tui.workers)."""

    error: Exception
