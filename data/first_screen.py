"""What the first screen shows, read once at start on a thread of its own while Textual starts.

The header and the note line (the workshop, a kept draft, the last notes) and the overview's
tiles and latest notes are one reading, begun as soon as the file is open
(:func:`read_in_background`): it is ready, or nearly, when the overview first asks, instead of
starting after the screens are composed, and the first frame is drawn once, whole. Later
readings are the screens' own (``data.queries``).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass

from core.models import Note, Workshop
from core.summary import DimensionSummary
from data.queries import dimension_summaries, latest_notes
from data.store import WorkshopStore


@dataclass(frozen=True)
class FirstReading:
    """Everything the first frame shows that is read from the file."""

    workshop: Workshop
    draft: str
    """The note line's kept draft ("" if none)."""
    summaries: list[DimensionSummary]
    notes: list[Note]
    """The latest notes, newest first: the overview shows them, the note line the first few."""


def read_first_screen(store: WorkshopStore, draft_key: str, notes: int) -> FirstReading:
    """Read what the first frame shows, in one go."""
    return FirstReading(store.workshop(), store.draft(draft_key), dimension_summaries(store),
                        latest_notes(store, notes))


def read_in_background(store: WorkshopStore, draft_key: str, notes: int) -> Future[FirstReading]:
    """Start :func:`read_first_screen` on a thread of its own; its outcome (or its error) comes later.

    The app starts it when it has opened the file, before Textual starts: the SQLite reads
    leave the interpreter free for Textual's start meanwhile. Whoever takes the outcome does so
    in a worker (``tui.workers.in_thread``), which reports an error as any other reading's.
    """
    outcome: Future[FirstReading] = Future()

    def run() -> None:
        try:
            outcome.set_result(read_first_screen(store, draft_key, notes))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the outcome
            outcome.set_exception(exc)

    threading.Thread(target=run, name="rembuk-first-screen", daemon=True).start()
    return outcome


class FirstScreen:
    """The first reading, shared by those who show part of it: each takes it once, then reads anew."""

    def __init__(self, outcome: Future[FirstReading]) -> None:
        self._outcome = outcome
        self._taken: set[str] = set()
        self._lock = threading.Lock()

    def take(self, who: str) -> FirstReading | None:
        """The first reading, waiting for it if need be, the first time ``who`` asks; then None.

        Call it in a worker: it waits for the file. It raises the reading's error, if it failed.
        """
        with self._lock:
            if who in self._taken:
                return None
            self._taken.add(who)
        return self._outcome.result()

    def take_ready(self, who: str) -> FirstReading | None:
        """The first reading if it is already read (and read well) and ``who`` has not taken it; else None.

        Never waits, so the UI thread may ask: what it gets was read on the reading's thread,
        and it can draw it in its first frame. On None, read in a worker (:meth:`take`).
        """
        with self._lock:
            if who in self._taken or not self._outcome.done() or self._outcome.exception() is not None:
                return None
            self._taken.add(who)
        return self._outcome.result()
