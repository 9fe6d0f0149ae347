"""The live room read in one call: who is here, who drives, and the room's clock."""

from __future__ import annotations

from core.live import Room
from data import clock, presence
from data.store import WorkshopStore


def read_room(store: WorkshopStore) -> Room:
    """The room as it stands in the file now (call it in a thread worker)."""
    return Room(tuple(presence.terminals(store)), presence.driver(store), clock.current(store))
