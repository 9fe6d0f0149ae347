"""Notes: what was said and decided, captured as the room talks."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from core.models.base import Line, Stored, Text
from core.models.enums import NoteKind, TargetType


class Note(Stored):
    """One captured note, attached to what was on screen when it was typed."""

    kind: NoteKind = NoteKind.NOTE
    text: Text = Field(min_length=1)
    speaker: Line = ""
    """Who said it, free text: a participant's name or an agency."""
    dimension: Line | None = None
    """The dimension it belongs to, for grouping the discussion in the minutes."""
    target_type: TargetType = TargetType.WORKSHOP
    target_id: int | None = None
    owner_agency_id: int | None = None
    """For a follow-up or data request: the agency that must act."""
    due: date | None = None
    created_at: datetime
    captured_by: Line = ""
    """The name of the terminal it was typed in (``rembuk --as NAME``, else the login name)."""

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        """A note of only spaces or control characters is no note."""
        if not text.strip():
            raise PydanticCustomError("too_short", "a note needs some text", {"min_length": 1})
        return text
