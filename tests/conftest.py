"""Shared fixtures: every test works on files under tmp_path, never the user's data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.i18n import set_language
from core.models import Workshop
from data.workshops import new_workshop


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the data directory at tmp_path and reset the UI language after each test."""
    monkeypatch.setenv("REMBUK_DATA_DIR", str(tmp_path / "data-dir"))
    monkeypatch.delenv("REMBUK_LANG", raising=False)
    yield
    set_language("en")


@pytest.fixture
def workshop_path(tmp_path: Path) -> Path:
    """A new, empty workshop file (Kabupaten Serang, the shipped reference data and agencies)."""
    path = tmp_path / "serang.rembuk"
    new_workshop(path, Workshop(region="Kabupaten Serang", language="id")).close()
    return path
