"""The attendance list (daftar hadir), attached to the minutes: who was there on which day."""

from __future__ import annotations

from datetime import date

from core.markdown import table
from core.minutes.context import DASH, Minutes
from core.models import Participant

ATTENDANCE_COLUMNS = (
    "minutes.column.number",
    "minutes.column.name",
    "minutes.column.position",
    "minutes.column.agency",
    "minutes.column.role",
)
"""Catalog keys of the fixed columns; one column per workshop day follows."""


def attendance(m: Minutes) -> str:
    """The attendance table: one row per participant, one presence column per day."""
    days = workshop_days(m)
    present = {(a.participant_id, a.day): a.present for a in m.bundle.attendance}
    rows = [_row(m, n, p, days, present) for n, p in enumerate(m.participants, 1)]
    header = [m.t(key) for key in ATTENDANCE_COLUMNS] + [m.date(day) for day in days]
    return m.section("minutes.section.attendance", table(header, rows) if rows else "")


def workshop_days(m: Minutes) -> list[date]:
    """The workshop's days and any other day attendance was taken, in order."""
    return sorted(set(m.bundle.workshop.dates) | {a.day for a in m.bundle.attendance})


def _row(
    m: Minutes, n: int, person: Participant, days: list[date], present: dict[tuple[int, date], bool]
) -> list[str]:
    """One participant's row: number, name, position, agency, role and presence per day."""
    agency = m.agency(person.agency_id) or DASH
    fixed = [str(n), person.name, person.position or DASH, agency, m.label(person.role)]
    return fixed + [_presence(m, present.get((person.id or 0, day))) for day in days]


def _presence(m: Minutes, present: bool | None) -> str:
    """``hadir``, ``tidak hadir``, or a dash when attendance was not taken that day."""
    if present is None:
        return DASH
    return m.t("minutes.present") if present else m.t("minutes.absent")
