"""Fixtures for Pilot tests: a fresh workshop file in a temporary folder, and the app over it."""

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
