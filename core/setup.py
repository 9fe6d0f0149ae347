"""Setting up a workshop's header: what the set-up form and ``rembuk new`` accept, and which
fields the minutes need that are still empty.

:class:`WorkshopSetup` is the workshop as typed in the form: the days and the next stage's date
as text (``2024-07-02`` or ``2/7/2024``, several separated by commas), times as ``08.30`` or
``08:30``, speakers as a comma-separated list. It is stricter than :class:`Workshop` (which must
keep reading old files as they are) and converts to one with :meth:`WorkshopSetup.workshop`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import field_validator
from pydantic_core import PydanticCustomError

from core.models import Model, Name, Participant, Role, Stage, Workshop

_CLOCK = re.compile(r"(\d{1,2})[.:](\d{2})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_SEPARATORS = re.compile(r"[,;]")

REQUIRED = ("title", "dates", "start_time", "end_time", "venue", "chair", "minute_taker")
"""The header fields the minutes cannot do without (organisation and event fall back to the
region and stage; speakers and facilitator may be none)."""

PEOPLE = {"chair": Role.CHAIR, "facilitator": Role.FACILITATOR, "minute_taker": Role.MINUTE_TAKER}
"""The one-person header fields and the role a newly typed name is registered with."""


def parse_day(text: str) -> date:
    """``2024-07-02`` or ``2/7/2024`` (day first, as Indonesia writes it) as a date."""
    text = text.strip()
    found = _DAY_MONTH_YEAR.fullmatch(text)
    try:
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
        return date.fromisoformat(text)
    except ValueError as exc:
        raise PydanticCustomError("day", "not a date: {value}", {"value": text}) from exc


def parse_days(text: str) -> list[date]:
    """Comma-separated days, in order and without repeats."""
    return sorted({parse_day(part) for part in _SEPARATORS.split(text) if part.strip()})


def normal_clock(text: str) -> str:
    """``8.30`` or ``08:30`` as ``08.30``; an empty text stays empty."""
    text = text.strip()
    if not text:
        return ""
    found = _CLOCK.fullmatch(text)
    if not found or int(found[1]) > 23 or int(found[2]) > 59:
        raise PydanticCustomError("clock", "not a time of day: {value}", {"value": text})
    return f"{int(found[1]):02d}.{found[2]}"


def split_names(text: str) -> list[str]:
    """Comma-separated names, blanks left out."""
    return [part.strip() for part in text.split(",") if part.strip()]


class WorkshopSetup(Workshop):
    """The workshop header as typed: dates, times and speakers as text, checked strictly."""

    @field_validator("dates", mode="before")
    @classmethod
    def _days(cls, value: Any) -> Any:
        return parse_days(value) if isinstance(value, str) else value

    @field_validator("next_stage_date", mode="before")
    @classmethod
    def _next_day(cls, value: Any) -> Any:
        if isinstance(value, str):
            return parse_day(value) if value.strip() else None
        return value

    @field_validator("start_time", "end_time", mode="before")
    @classmethod
    def _clock(cls, value: Any) -> Any:
        return normal_clock(value) if isinstance(value, str) else value

    @field_validator("speakers", mode="before")
    @classmethod
    def _speakers(cls, value: Any) -> Any:
        return split_names(value) if isinstance(value, str) else value

    def workshop(self) -> Workshop:
        """The plain workshop the store keeps."""
        return Workshop.model_validate(self.model_dump())


def missing_fields(workshop: Workshop, participants: list[Participant]) -> list[str]:
    """The :data:`REQUIRED` fields the minutes would show as missing, in form order.

    A chair or minute-taker registered with that role counts, as the minutes use them.
    """
    roles = {p.role for p in participants}
    filled = {"chair": Role.CHAIR in roles, "minute_taker": Role.MINUTE_TAKER in roles}
    return [name for name in REQUIRED if not (getattr(workshop, name) or filled.get(name))]


def unregistered_people(workshop: Workshop, participants: list[Participant]) -> list[Participant]:
    """New participants for the names in the header's people fields nobody registered yet."""
    known = {p.name.casefold() for p in participants}
    named = [(getattr(workshop, field), role) for field, role in PEOPLE.items()]
    named += [(speaker, Role.SPEAKER) for speaker in workshop.speakers]
    found: dict[str, Participant] = {}
    for name, role in named:
        if name and name.casefold() not in known:
            found.setdefault(name.casefold(), Participant(name=name, role=role))
    return list(found.values())


class NextStage(Model):
    """Where to create the next stage's workshop file, and which stage it is."""

    path: Name
    stage: Stage
