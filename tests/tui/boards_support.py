"""Shared by the board tests: fixtures (a workshop in a temporary folder) and Pilot helpers.

Kept out of conftest.py so that other features can add their own without touching this file;
test modules import the fixtures they use.
"""

from __future__ import annotations

import pytest

from core.models import Innovation, InnovationStatus, Workshop
from data import innovations as board
from data.workshops import new_workshop


@pytest.fixture
def workshop_path(tmp_path):
    """A new, empty workshop (shipped reference data and agencies), closed again."""
    path = tmp_path / "fgd.rembuk"
    new_workshop(path, Workshop(region="Kabupaten Uji")).close()
    return path


@pytest.fixture
def seeded_path(workshop_path):
    """The workshop with a few Smart Governance cards: two existing, two new."""
    from data.store import WorkshopStore

    store = WorkshopStore.open(workshop_path)
    for title, element, status, agency in [
        ("Serang Tatu", "GOV-1", InnovationStatus.EXISTING, 3),
        ("E-Kinerja", "GOV-2", InnovationStatus.EXISTING, 5),
        ("Perbup Satu Data", "GOV-3", InnovationStatus.NEW, 3),
        ("Mal Pelayanan Publik", "GOV-1", InnovationStatus.NEW, 8),
    ]:
        board.create(store, Innovation(title=title, dimension="GOV", element=element, status=status,
                                       lead_agency_id=agency))
    store.close()
    return workshop_path


async def settle(pilot, rounds: int = 3) -> None:
    """Wait for every worker, then for the messages they posted, a few times over."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def press(pilot, *keys: str) -> None:
    """Press keys, one at a time, settling after each (a key may start a worker)."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
