"""The room's one clock, stored as its end time so that every terminal counts down alike.

A plain timer today; an agenda item's timebox (the workshop-series work) starts the same
clock with the item's title as its label, and every terminal and follow view shows it.
"""

from __future__ import annotations

import time

from core.live import RoomTimer
from data.presence import live_rows
from data.store import WorkshopStore


def start(store: WorkshopStore, seconds: int, label: str = "", started_by: str = "") -> RoomTimer:
    """Start (or restart) the room's timer: it ends ``seconds`` from now."""
    timer = RoomTimer(label=label, ends_at=time.time() + seconds, started_by=started_by)
    with store.write() as db:
        db.table("room_timer").upsert({"id": 1, **timer.model_dump(mode="json")}, pk="id")
    return timer


def stop(store: WorkshopStore) -> None:
    """No timer runs any more."""
    with store.write() as db:
        db.execute("DELETE FROM room_timer WHERE id = 1")


def current(store: WorkshopStore) -> RoomTimer | None:
    """The room's timer, running or ended, or ``None``."""
    rows = live_rows(store, "SELECT label, ends_at, started_by FROM room_timer WHERE id = 1")
    return RoomTimer.model_validate(rows[0]) if rows else None
