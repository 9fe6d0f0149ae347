"""The agenda in the workshop file: its items in order and the running item.

Starting an item ends the one running, in the same transaction, so at most one item runs.
Times are stored (the start), never ticks: the clock is what a reader computes from them and
now. A free timer (a break, an exercise) is the room's timer (:mod:`data.clock`).
"""

from __future__ import annotations

from datetime import datetime

from core.agenda import next_item
from core.models import AgendaItem
from data.history import next_version_sql
from data.store import WorkshopStore

ORDER = ("day", "position", "id")
NEXT_VERSION = next_version_sql("agenda_items")
"""Starting and ending bump the version as a save does: to one the item never had."""


def agenda(store: WorkshopStore) -> list[AgendaItem]:
    """Every agenda item, by day and position."""
    return store.all(AgendaItem, order=ORDER)


def running_item_id(store: WorkshopStore) -> int | None:
    """The id of the item running now, if any (a note captured now is attached to it)."""
    rows = store.query("SELECT id FROM agenda_items WHERE started_at IS NOT NULL AND ended_at IS NULL "
                       "ORDER BY started_at DESC LIMIT 1")
    return rows[0]["id"] if rows else None


def start(store: WorkshopStore, item_id: int, now: datetime) -> None:
    """Start an item now (again, if it ran before), ending whichever item was running."""
    stamp = now.isoformat(timespec="seconds")
    with store.write() as db:
        db.execute(f"UPDATE agenda_items SET ended_at = ?, version = {NEXT_VERSION} "
                   "WHERE started_at IS NOT NULL AND ended_at IS NULL AND id != ?", [stamp, item_id])
        db.execute(f"UPDATE agenda_items SET started_at = ?, ended_at = NULL, version = {NEXT_VERSION} "
                   "WHERE id = ?", [stamp, item_id])


def end(store: WorkshopStore, now: datetime) -> None:
    """End the running item now (nothing happens if none runs)."""
    with store.write() as db:
        db.execute(f"UPDATE agenda_items SET ended_at = ?, version = {NEXT_VERSION} "
                   "WHERE started_at IS NOT NULL AND ended_at IS NULL", [now.isoformat(timespec="seconds")])


def add(store: WorkshopStore, item: AgendaItem) -> AgendaItem:
    """Save an item; a new one goes to the end of its day."""
    if item.id is None:
        rows = store.query("SELECT coalesce(max(position), -1) + 1 AS next FROM agenda_items WHERE day = ?",
                           (item.day,))
        item = item.model_copy(update={"position": rows[0]["next"]})
    return store.save(item)


def advance(store: WorkshopStore, now: datetime) -> tuple[str, AgendaItem] | None:
    """One key for the whole agenda (F6 on any screen): end the running item, or, when none
    runs, start the next one not yet started. Returns what was done (``"finished"`` or
    ``"started"``) and to which item; None when there is nothing left to start."""
    with store.write():
        items = agenda(store)
        running = next((i for i in items if i.running), None)
        if running is not None:
            end(store, now)
            return "finished", running
        upcoming = next_item(items)
        if upcoming is None or upcoming.id is None:
            return None
        start(store, upcoming.id, now)
        return "started", upcoming
