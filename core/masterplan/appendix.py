"""The appendix: the agencies (OPD) and what each committed to in the workshop."""

from __future__ import annotations

from core.markdown import strong, table
from core.masterplan.common import chapter
from core.minutes.carried import carried_table
from core.minutes.context import DASH, Minutes, alphabetical
from core.models import Agency, Note, NoteKind
from core.rupiah import format_rupiah

AGENCY_COLUMNS = (
    "minutes.column.number",
    "masterplan.column.abbreviation",
    "minutes.column.name",
    "masterplan.column.leads",
    "minutes.column.steps",
    "minutes.column.budget",
    "masterplan.column.risks_owned",
)
"""Catalog keys of the agency table's columns."""

COMMITMENT_COLUMNS = (
    "minutes.column.number",
    "minutes.column.agency",
    "masterplan.column.commitment",
    "masterplan.column.kind",
    "minutes.column.due",
)
"""Catalog keys of the commitments table's columns."""


def appendix(m: Minutes) -> str:
    """The agencies with their share of the plan, the commitments (follow-ups, data) of this
    stage, and those carried from earlier stages with where they stand."""
    agencies = sorted(m.bundle.agencies, key=lambda a: (alphabetical(a.abbreviation), a.id or 0))
    rows = [agency_row(m, n, a) for n, a in enumerate(agencies, 1)]
    blocks = [
        f"{strong(m.t('masterplan.appendix.agencies'))}\n\n{table([m.t(k) for k in AGENCY_COLUMNS], rows)}"
        if rows else "",
        commitments(m),
        carried(m),
    ]
    return chapter(m, "masterplan.chapter.appendix", *blocks)


def agency_row(m: Minutes, number: int, agency: Agency) -> list[str]:
    """An agency's innovations led, steps led and their budget, and risks owned."""
    b = m.bundle
    leads = sum(i.lead_agency_id == agency.id for i in b.innovations)
    steps = [s for s in b.action_steps if s.lead_agency_id == agency.id]
    risks = sum(r.owner_agency_id == agency.id for r in b.risks)
    budget = format_rupiah(sum(s.total for s in steps)) if steps else DASH
    return [str(number), agency.abbreviation, agency.name or DASH, str(leads), str(len(steps)), budget, str(risks)]


def commitments(m: Minutes) -> str:
    """Follow-ups and data requests, by agency (unassigned last), soonest deadline first."""
    notes = m.notes(NoteKind.FOLLOW_UP, NoteKind.DATA_REQUEST)
    if not notes:
        return ""
    notes.sort(key=lambda n: (not m.agency(n.owner_agency_id), alphabetical(m.agency(n.owner_agency_id)),
                              n.due is None, n.due or n.created_at.date()))
    rows = [_commitment(m, n, note) for n, note in enumerate(notes, 1)]
    title = strong(m.t("masterplan.appendix.commitments"))
    return f"{title}\n\n{table([m.t(k) for k in COMMITMENT_COLUMNS], rows)}"


def _commitment(m: Minutes, number: int, note: Note) -> list[str]:
    """One commitment: agency, what, kind and deadline."""
    agency = m.agency(note.owner_agency_id) or m.t("minutes.unassigned")
    return [str(number), agency, note.text, m.label(note.kind), m.date(note.due)]


def carried(m: Minutes) -> str:
    """The follow-ups and data requests carried from earlier stages, with their status now."""
    found = carried_table(m)
    return f"{strong(m.t('masterplan.appendix.carried'))}\n\n{found}" if found else ""
