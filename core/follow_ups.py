"""Follow-ups and data requests across a series: where each stands, and which are overdue."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import field_validator

from core.models import FollowUpStatus, Note, NoteKind
from core.setup import parse_day

KINDS = (NoteKind.FOLLOW_UP, NoteKind.DATA_REQUEST)
"""The note kinds the register lists."""

NEXT_STATUS = {FollowUpStatus.OPEN: FollowUpStatus.DONE, FollowUpStatus.DONE: FollowUpStatus.DROPPED,
               FollowUpStatus.DROPPED: FollowUpStatus.OPEN}
"""What space steps a status to."""


def overdue(note: Note, today: date) -> bool:
    """Still open after its due date."""
    return note.status == FollowUpStatus.OPEN and note.due is not None and note.due < today


def register_order(notes: list[Note]) -> list[Note]:
    """Soonest due first (no due date last), then in the order taken: a row stays where it is
    while its status changes under the cursor."""
    return sorted(notes, key=lambda n: (n.due is None, n.due or date.max, n.created_at, n.id or 0))


class FollowUpInput(Note):
    """A follow-up's owner, due date and status as typed: the date as ``2024-07-19`` or ``19/7/2024``."""

    @field_validator("due", mode="before")
    @classmethod
    def _due(cls, value: Any) -> Any:
        if isinstance(value, str):
            return parse_day(value) if value.strip() else None
        return value

    def note(self) -> Note:
        """The plain note the store keeps."""
        return Note.model_validate(self.model_dump())
