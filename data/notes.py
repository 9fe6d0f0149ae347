"""Notes: capturing one (the note and the end of its draft are one transaction), and finding them."""

from __future__ import annotations

import threading

from core.models import Note, TargetType
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


def search_notes(store: WorkshopStore, words: str, innovation_id: int | None = None,
                 limit: int = 5_000) -> list[Note]:
    """Notes whose text or speaker contains every word typed, newest first (of one card, if given)."""
    where, params = _about(innovation_id)
    for word in words.split():
        where.append("(text LIKE ? ESCAPE '\\' OR speaker LIKE ? ESCAPE '\\')")
        params += [_like(word)] * 2
    sql = "SELECT * FROM notes" + (f" WHERE {' AND '.join(where)}" if where else "")
    return store.select(Note, sql + " ORDER BY created_at DESC, id DESC LIMIT ?", (*params, limit))


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _about(innovation_id: int | None) -> tuple[list[str], list[object]]:
    if innovation_id is None:
        return [], []
    return ["target_type = ? AND target_id = ?"], [TargetType.INNOVATION.value, innovation_id]


def count_notes(store: WorkshopStore, innovation_id: int | None = None) -> int:
    """How many notes the workshop (or one card) holds."""
    where, params = _about(innovation_id)
    sql = "SELECT count(*) AS n FROM notes" + (f" WHERE {where[0]}" if where else "")
    return int(store.query(sql, tuple(params))[0]["n"])


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
