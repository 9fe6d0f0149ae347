"""The follow-up register: the follow-ups and data requests of a workshop, and where they came from."""

from __future__ import annotations

from core.follow_ups import KINDS, register_order
from core.models import Note, Origin
from data.store import WorkshopStore


def follow_ups(store: WorkshopStore) -> list[Note]:
    """Every follow-up and data request, in register order."""
    return register_order(store.all(Note, kind=[k.value for k in KINDS]))


def note_origins(store: WorkshopStore) -> dict[int, Origin]:
    """Where each note carried in from an earlier stage came from, by note id."""
    return {o.item_id: o for o in store.all(Origin, item_table="notes")}
