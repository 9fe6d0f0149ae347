"""Agencies (OPD), participants and attendance: the registers the minutes draw on."""

from __future__ import annotations

from datetime import date

from core.models import Agency, Attendance, Participant
from data.store import WorkshopStore


def agencies(store: WorkshopStore) -> list[Agency]:
    """Every agency, by abbreviation."""
    return store.select(Agency, "SELECT * FROM agencies ORDER BY abbreviation COLLATE NOCASE, id")


def participants(store: WorkshopStore) -> list[Participant]:
    """Every participant, by name."""
    return store.select(Participant, "SELECT * FROM participants ORDER BY name COLLATE NOCASE, id")


def speaker_names(store: WorkshopStore) -> list[str]:
    """Every participant as a note's speaker is written: the name, then the agency if known."""
    abbreviations = {agency.id: agency.abbreviation for agency in agencies(store)}
    return [f"{p.name} ({abbreviations[p.agency_id]})" if p.agency_id in abbreviations else p.name
            for p in participants(store)]


def attendance(store: WorkshopStore) -> set[tuple[int, date]]:
    """The (participant id, day) pairs recorded as present."""
    return {(a.participant_id, a.day) for a in store.all(Attendance) if a.present}


def toggle_attendance(store: WorkshopStore, participant_id: int, day: date) -> bool:
    """Mark a participant present on ``day``, or no longer present; returns the new state."""
    with store.write() as db:
        row = db.execute("SELECT present FROM attendance WHERE participant_id = ? AND day = ?",
                         [participant_id, day.isoformat()]).fetchone()
        present = not (row and row[0])
        store.save(Attendance(participant_id=participant_id, day=day, present=present))
    return present
