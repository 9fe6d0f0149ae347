"""Follow-ups and data requests across a series: where each stands, and which are overdue."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from pydantic import field_validator
from pydantic_core import PydanticCustomError

from core.models import Agency, FollowUpStatus, Note, NoteKind
from core.setup import parse_day

KINDS = (NoteKind.FOLLOW_UP, NoteKind.DATA_REQUEST)
"""The note kinds the register lists."""

NEXT_STATUS = {FollowUpStatus.OPEN: FollowUpStatus.DONE, FollowUpStatus.DONE: FollowUpStatus.DROPPED,
               FollowUpStatus.DROPPED: FollowUpStatus.OPEN}
"""What space steps a status to."""

_DAY_MONTH = re.compile(r"(\d{1,2})[/.-](\d{1,2})")


def parse_due(text: str, reference: date) -> date:
    """A due date as typed on the note line: ``2024-08-15``, ``15-08-2024``, ``15/8/2024``, or
    ``15/8`` (day first): the first 15 August on or after ``reference`` (the workshop's day).

    Anything else is refused with the ``due`` error (the ways it may be written).
    """
    text = text.strip()
    found = _DAY_MONTH.fullmatch(text)
    try:
        if found:
            return _next_day_month(int(found[1]), int(found[2]), reference)
        return parse_day(text)
    except (ValueError, PydanticCustomError) as exc:
        raise PydanticCustomError("due", "not a due date: {value}", {"value": text}) from exc


def _next_day_month(day: int, month: int, reference: date) -> date:
    """The first ``day``/``month`` on or after ``reference`` (29/2 waits for a leap year)."""
    for year in range(reference.year, reference.year + 9):
        with contextlib.suppress(ValueError):
            found = date(year, month, day)
            if found >= reference:
                return found
    raise ValueError(f"no {day}/{month}")


def find_agency(agencies: list[Agency], typed: str) -> Agency | None:
    """The agency typed on the note line, case-insensitive: by abbreviation, else by name, else
    the first whose abbreviation or name begins with what was typed (the one the line suggests)."""
    key = typed.strip().casefold()
    if not key:
        return None
    ways: tuple[Callable[[Agency], bool], ...] = (
        lambda a: a.abbreviation.casefold() == key, lambda a: a.name.casefold() == key,
        lambda a: a.abbreviation.casefold().startswith(key), lambda a: a.name.casefold().startswith(key))
    return next((a for way in ways for a in agencies if way(a)), None)


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
