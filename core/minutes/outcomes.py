"""What the workshop produced: decisions, follow-ups and data requests."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from core.markdown import bullets, escape, heading, numbered, table
from core.minutes.context import DASH, Minutes, alphabetical
from core.models import Note, NoteKind

FOLLOW_UP_COLUMNS = (
    "minutes.column.number",
    "minutes.column.follow_up",
    "minutes.column.agency",
    "minutes.column.due",
)
"""Catalog keys of the follow-up table's columns."""

def _by_due_date(notes: list[Note]) -> list[Note]:
    """Notes with a due date first, soonest first; the rest keep the order they were taken."""
    return sorted(notes, key=lambda n: (n.due is None, n.due or date.min))


def decisions(m: Minutes) -> str:
    """The conclusions and decisions, numbered in the order they were taken."""
    items = [_decision(m, note) for note in m.notes(NoteKind.DECISION)]
    return m.section("minutes.section.decisions", numbered(items))


def _decision(m: Minutes, note: Note) -> str:
    """One decision, prefixed with its dimension's name when it has one."""
    code = m.note_dimension(note)
    if code is None:
        return escape(note.text)
    return escape(m.t("minutes.decision", dimension=m.dimension_name(code), text=note.text))


def follow_ups(m: Minutes) -> str:
    """The follow-up table: what, which agency, by when; soonest deadline first."""
    notes = _by_due_date(m.notes(NoteKind.FOLLOW_UP))
    rows = [
        [str(n), note.text, m.agency(note.owner_agency_id) or DASH, m.date(note.due)]
        for n, note in enumerate(notes, 1)
    ]
    header = [m.t(key) for key in FOLLOW_UP_COLUMNS]
    return m.section("minutes.section.follow_ups", table(header, rows) if rows else "")


def data_requests(m: Minutes) -> str:
    """The data each agency must supply, one subsection per agency (unassigned last)."""
    grouped: defaultdict[str, list[Note]] = defaultdict(list)
    for note in m.notes(NoteKind.DATA_REQUEST):
        grouped[m.agency(note.owner_agency_id)].append(note)
    order = sorted(grouped, key=lambda name: (not name, alphabetical(name)))
    return m.section("minutes.section.data_requests", *(_requests(m, a, grouped[a]) for a in order))


def _requests(m: Minutes, agency: str, notes: list[Note]) -> str:
    """One agency's data requests, soonest deadline first."""
    title = agency or m.t("minutes.unassigned")
    items = [_request(m, note) for note in _by_due_date(notes)]
    return f"{heading(3, title)}\n\n{bullets(items)}"


def _request(m: Minutes, note: Note) -> str:
    """One data request, with its deadline when it has one."""
    if note.due is None:
        return escape(note.text)
    return escape(m.t("minutes.with_due", text=note.text, due=m.date(note.due)))
