"""Setting a workshop up: saving its header, and pruning registers of agencies and participants
that were never used (a new workshop's agency list is a starting point, not the regency's own).
"""

from __future__ import annotations

import sqlite_utils

from core.i18n import _
from core.models import Agency, Participant, Workshop
from core.setup import unregistered_people
from data.errors import StoreError
from data.people import participants
from data.store import WorkshopStore


class InUse(StoreError):
    """An agency or participant that something refers to cannot be deleted."""

    key = "setup.error.in_use"


AGENCY_USES = {
    "participants": "SELECT count(*) FROM participants WHERE agency_id = :id",
    "innovations": "SELECT count(*) FROM innovations WHERE lead_agency_id = :id OR EXISTS "
                   "(SELECT 1 FROM json_each(innovations.supporting_agency_ids) WHERE value = :id)",
    "action_steps": "SELECT count(*) FROM action_steps WHERE lead_agency_id = :id OR EXISTS "
                    "(SELECT 1 FROM json_each(action_steps.supporting_agency_ids) WHERE value = :id)",
    "risks": "SELECT count(*) FROM risks WHERE owner_agency_id = :id",
    "notes": "SELECT count(*) FROM notes WHERE owner_agency_id = :id",
}
"""What may refer to an agency, each with the count of its rows that do."""

PARTICIPANT_USES = {
    "attendance": "SELECT count(*) FROM attendance WHERE participant_id = :id AND present",
    "notes": "SELECT count(*) FROM notes WHERE speaker = :name COLLATE NOCASE",
}
"""What may refer to a participant: attendance, and notes naming them as the speaker."""


def save_setup(store: WorkshopStore, workshop: Workshop) -> list[Participant]:
    """Save the header and register the people it names that are not registered yet, together.

    Returns the participants registered.
    """
    with store.write():
        new = unregistered_people(workshop, participants(store))
        store.save_workshop(workshop)
        return [store.save(person) for person in new]


def _uses(db: sqlite_utils.Database, queries: dict[str, str], params: dict[str, object]) -> dict[str, int]:
    counts = {name: db.execute(sql, params).fetchone()[0] for name, sql in queries.items()}
    return {name: count for name, count in counts.items() if count}


def delete_agency(store: WorkshopStore, agency: Agency) -> None:
    """Delete an agency nothing refers to; :class:`InUse` says what does otherwise."""
    with store.write() as db:
        uses = _uses(db, AGENCY_USES, {"id": agency.id})
        if uses:
            raise InUse(agency.abbreviation, _summary(uses))
        db.execute("DELETE FROM agencies WHERE id = ?", [agency.id])


def delete_participant(store: WorkshopStore, person: Participant, workshop: Workshop) -> None:
    """Delete a participant nobody marked present, named as a speaker, or put in the header."""
    with store.write() as db:
        uses = _uses(db, PARTICIPANT_USES, {"id": person.id, "name": person.name})
        if person.name in {workshop.chair, workshop.facilitator, workshop.minute_taker, *workshop.speakers}:
            uses["header"] = 1
        if uses:
            raise InUse(person.name, _summary(uses))
        db.execute("DELETE FROM attendance WHERE participant_id = ?", [person.id])
        db.execute("DELETE FROM participants WHERE id = ?", [person.id])


def _summary(uses: dict[str, int]) -> str:
    """``innovations 3, risks 1``, in the user's language."""
    return ", ".join(_(f"setup.use.{name}", count=count) for name, count in sorted(uses.items()))
