"""The discussion: what was said, grouped per dimension, with the innovations it reviewed.

Notes of kind ``note`` and ``question`` are the discussion. A note belongs to its own
dimension, or to that of the innovation (or step, or risk) it was attached to; notes with
neither are grouped under "General", which comes first.
"""

from __future__ import annotations

from collections import defaultdict

from core.markdown import bullets, escape, heading, strong, table
from core.minutes.context import DASH, Minutes
from core.minutes.reviews import review_details
from core.models import Innovation, Note, NoteKind, QuickWin

_STATEMENT_KEYS = {
    (NoteKind.NOTE, True): "minutes.statement.note",
    (NoteKind.NOTE, False): "minutes.statement.note_unattributed",
    (NoteKind.QUESTION, True): "minutes.statement.question",
    (NoteKind.QUESTION, False): "minutes.statement.question_unattributed",
}

INNOVATION_COLUMNS = (
    "minutes.column.innovation",
    "minutes.column.element",
    "minutes.column.status",
    "minutes.column.review_outcome",
    "minutes.column.lead_agency",
    "minutes.column.quick_win",
)
"""Catalog keys of the columns of a dimension's innovation table."""


def discussion(m: Minutes) -> str:
    """The discussion section: one subsection per dimension that has notes or innovations."""
    statements = _statements_by_dimension(m)
    codes = set(statements) | {i.dimension for i in m.innovations}
    groups = [_group(m, code, statements[code]) for code in sorted(codes, key=m.dimension_key)]
    return m.section("minutes.section.discussion", *groups)


def _statements_by_dimension(m: Minutes) -> defaultdict[str | None, list[Note]]:
    """The discussion notes, in the order taken, by dimension code (``None``: general)."""
    grouped: defaultdict[str | None, list[Note]] = defaultdict(list)
    for note in m.notes(NoteKind.NOTE, NoteKind.QUESTION):
        grouped[m.note_dimension(note)].append(note)
    return grouped


def _group(m: Minutes, code: str | None, notes: list[Note]) -> str:
    """One dimension's subsection: its heading, what was said, its innovations."""
    title = m.dimension_name(code) if code else m.t("minutes.general")
    blocks = [heading(3, title), bullets(statement(m, note) for note in notes), innovations(m, code),
              review_details(m, code)]
    return "\n\n".join(block for block in blocks if block)


def statement(m: Minutes, note: Note) -> str:
    """``Kepala Bappeda menyampaikan bahwa …`` (a note) or ``… bertanya: …`` (a question), naming
    the card it was attached to; a speaker from the register is named with their agency."""
    key = _STATEMENT_KEYS[(note.kind, bool(note.speaker))]
    said = m.t(key, speaker=m.speaker(note.speaker), text=note.text)
    card = m.note_card(note)
    return escape(m.t("minutes.statement.on_card", statement=said, card=card.title) if card else said)


def innovations(m: Minutes, code: str | None) -> str:
    """The table of one dimension's innovations, or nothing if it has none."""
    rows = [innovation_row(m, i) for i in m.innovations if i.dimension == code]
    if not rows:
        return ""
    header = [m.t(key) for key in INNOVATION_COLUMNS]
    return f"{strong(m.t('minutes.innovations'))}\n\n{table(header, rows)}"


def innovation_row(m: Minutes, innovation: Innovation) -> list[str]:
    """Title, element, status, review outcome, lead agency and quick-win place of one innovation."""
    outcome = innovation.review_outcome
    quick_win = innovation.quick_win
    return [
        innovation.title,
        m.element_label(innovation.element),
        m.label(innovation.status),
        m.label(outcome) if outcome else DASH,
        m.agency(innovation.lead_agency_id) or DASH,
        m.label(quick_win) if quick_win != QuickWin.NONE else DASH,
    ]
