"""Follow-ups and data requests carried in from the stage before, with where they stand now."""

from __future__ import annotations

from core.markdown import table
from core.minutes.context import DASH, Minutes
from core.models import NoteKind

COLUMNS = ("number", "follow_up", "kind", "agency", "due", "status", "stage")


def carried_follow_ups(m: Minutes) -> str:
    """The carried follow-ups and data requests, soonest deadline first; left out when none."""
    found = carried_table(m)
    return m.section("minutes.section.carried", found) if found else ""


def carried_table(m: Minutes) -> str:
    """The table of the carried follow-ups and data requests with their status ('' when none);
    the masterplan's appendix shows it too."""
    notes = m.notes(NoteKind.FOLLOW_UP, NoteKind.DATA_REQUEST, carried=True)
    if not notes:
        return ""
    notes = sorted(notes, key=lambda n: (n.due is None, n.due or n.created_at.date()))
    rows = [[str(n), note.text, m.label(note.kind), m.agency(note.owner_agency_id) or DASH, m.date(note.due),
             m.label(note.status), m.label(m.carried_notes[note.id].stage)]
            for n, note in enumerate(notes, 1)]
    header = [m.t(f"minutes.carried.column.{c}") for c in COLUMNS]
    return table(header, rows)
