"""Shared fixtures: every test works on files under tmp_path, never the user's data directory.

``make_workshop`` is the one way a test gets a workshop file: fresh, seeded by a function of the
store (the board's four cards, the risk register of ``tests/risk_seed.py``) or the demo. The
helpers that drive the app (``settle``, ``press``, ``wait_until``) are in ``tests/support.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from core.i18n import set_language
from core.models import Innovation, InnovationStatus, Note, NoteKind, QuickWin, Workshop
from data import innovations as board
from data.demo import create_demo
from data.store import WorkshopStore
from data.workshops import new_workshop
from tests import risk_seed

Seed = Callable[[WorkshopStore], object]
"""Adds a test's known rows to a freshly created workshop."""


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the data directory at tmp_path and reset the UI language after each test."""
    monkeypatch.setenv("REMBUK_DATA_DIR", str(tmp_path / "data-dir"))
    monkeypatch.delenv("REMBUK_LANG", raising=False)
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def _no_cursor_blink(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In snapshot tests, text cursors do not blink: a blinking cursor differs between runs."""
    if "snap_compare" not in request.fixturenames:
        return
    for widget in (Input, TextArea):
        monkeypatch.setattr(widget.__dict__["cursor_blink"], "_default", False)


@dataclass(frozen=True)
class WorkshopFactory:
    """Makes closed workshop files in one test's temporary folder."""

    folder: Path

    def __call__(self, name: str = "serang.rembuk", *, region: str = "Kabupaten Serang",
                 language: str = "id", seed: Seed | None = None) -> Path:
        """A new workshop file (the shipped reference data and agencies), with ``seed``'s rows."""
        path = self.folder / name
        store = new_workshop(path, Workshop(region=region, language=language))
        try:
            if seed is not None:
                seed(store)
        finally:
            store.close()
        return path

    def demo(self, name: str = "serang.rembuk") -> Path:
        """The demo workshop (Kabupaten Serang, Bimtek II)."""
        path = self.folder / name
        create_demo(path).close()
        return path


@pytest.fixture
def make_workshop(tmp_path: Path) -> WorkshopFactory:
    """The factory of this test's workshop files."""
    return WorkshopFactory(tmp_path)


@pytest.fixture
def workshop_path(make_workshop: WorkshopFactory) -> Path:
    """A new, empty workshop file (Kabupaten Serang, the shipped reference data and agencies)."""
    return make_workshop()


def board_cards(store: WorkshopStore) -> None:
    """A few Smart Governance cards: two existing, two new."""
    for title, element, status, agency in [
        ("Serang Tatu", "GOV-1", InnovationStatus.EXISTING, 3),
        ("E-Kinerja", "GOV-2", InnovationStatus.EXISTING, 5),
        ("Perbup Satu Data", "GOV-3", InnovationStatus.NEW, 3),
        ("Mal Pelayanan Publik", "GOV-1", InnovationStatus.NEW, 8),
    ]:
        board.create(store, Innovation(title=title, dimension="GOV", element=element, status=status,
                                       lead_agency_id=agency))


@pytest.fixture
def seeded_path(make_workshop: WorkshopFactory) -> Path:
    """The workshop with the board's four Smart Governance cards."""
    return make_workshop(seed=board_cards)


def overview_rows(store: WorkshopStore) -> None:
    """Two innovations (one chosen quick win, one candidate) and two notes, at fixed times."""
    store.save(Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1", status="existing",
                          quick_win=QuickWin.SELECTED))
    store.save(Innovation(title="Sikonde", dimension="BRA", element="BRA-1", quick_win=QuickWin.CANDIDATE))
    store.save(Note(text="Inovasi dimulai dari yang sudah berjalan", speaker="Harya Damar Widiputra",
                    created_at=datetime(2024, 7, 2, 9, 30)))
    store.save(Note(kind=NoteKind.DECISION, text="Horizon 2025–2034", dimension="GOV",
                    created_at=datetime(2024, 7, 2, 10, 0)))


@pytest.fixture
def seeded(make_workshop: WorkshopFactory) -> Path:
    """The workshop with the overview's two innovations and two notes."""
    return make_workshop(seed=overview_rows)


@pytest.fixture
def risk_workshop(make_workshop: WorkshopFactory) -> Path:
    """A workshop (in English) holding the known risk register of ``tests/risk_seed.py``."""
    return make_workshop("risks.rembuk", region="Kabupaten Uji", language="en", seed=risk_seed.seed)


@pytest.fixture
def demo_path(make_workshop: WorkshopFactory) -> Path:
    """The demo workshop file."""
    return make_workshop.demo()
