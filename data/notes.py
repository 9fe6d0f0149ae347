"""Capturing notes: the note and the end of its draft are one transaction."""

from __future__ import annotations

from core.models import Note
from data.store import WorkshopStore

CAPTURE_DRAFT = "capture"
"""The draft key of the capture line."""


def capture_note(store: WorkshopStore, note: Note, draft_key: str = CAPTURE_DRAFT) -> Note:
    """Save ``note`` and clear the draft it was typed in, atomically; returns the stored note.

    The commit outranks every draft write of ``draft_key`` decided before it lands: such a
    write still holds the note's text and would offer the saved note again.
    """
    with store.write() as db:
        saved = store.save(note)
        db.execute("DELETE FROM drafts WHERE key = ?", [draft_key])
        store.outrank_drafts(draft_key)
    return saved
