"""Capturing notes: the note and the end of its draft are one transaction."""

from __future__ import annotations

import threading

from core.models import Note
from data.store import WorkshopStore

CAPTURE_DRAFT = "capture"
"""The draft key of the capture line."""


def capture_note(store: WorkshopStore, note: Note, draft_key: str = CAPTURE_DRAFT) -> Note:
    """Save ``note`` and clear the draft it was typed in, atomically; returns the stored note."""
    with store.write() as db:
        saved = store.save(note)
        db.execute("DELETE FROM drafts WHERE key = ?", [draft_key])
    return saved


class NoteCommit:
    """One note's commit, run exactly once: by its worker, or on hang-up, whichever comes first.

    A hang-up can land while the worker that commits a note has not reached the file yet. The
    hang-up then commits the note itself (before closing the file), and the worker, when it
    runs, finds the note saved and touches nothing; so the note is stored once, and the line
    kept as the draft no longer holds it.
    """

    def __init__(self, note: Note, typed: str) -> None:
        self.note = note
        self.typed = typed
        """The line's text when Enter was pressed (what leaves the line once this is saved)."""
        self.saved: Note | None = None
        self._lock = threading.Lock()

    def run(self, store: WorkshopStore, draft_key: str = CAPTURE_DRAFT) -> Note:
        """Commit the note unless that has been done; the stored note either way."""
        with self._lock:
            if self.saved is None:
                self.saved = capture_note(store, self.note, draft_key)
            return self.saved
