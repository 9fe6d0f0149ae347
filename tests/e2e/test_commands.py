"""The commands a facilitator types first: `rembuk` and `rembuk demo`, in a real terminal."""

from __future__ import annotations

import stat
import sys
from datetime import datetime
from pathlib import Path

import pytest

from core.models import Note
from data.store import WorkshopStore

REMBUK = str(Path(sys.executable).parent / "rembuk")


@pytest.mark.e2e
def test_rembuk_alone_creates_a_private_default_workshop_and_opens_it(terminal, tmp_path):
    data = tmp_path / "data"
    screen = terminal([REMBUK], term="xterm", env={"REMBUK_DATA_DIR": str(data), "REMBUK_LANG": "id"})
    screen.wait_for("Daerah saya · Bimtek I", timeout=30)
    screen.wait_for("Belum ada catatan")
    assert stat.S_IMODE((data / "workshop.rembuk").stat().st_mode) == 0o600
    screen.send("q")
    screen.wait_exit()


@pytest.mark.e2e
def test_rembuk_demo_opens_serang_bimtek_ii_in_16_colours(terminal, tmp_path):
    env = {"REMBUK_DATA_DIR": str(tmp_path / "data"), "REMBUK_LANG": "id"}
    screen = terminal([REMBUK, "demo"], term="xterm", env=env)
    screen.wait_for("Kabupaten Serang · Bimtek II · Selasa, 2 Juli 2024", timeout=60)
    screen.wait_for("Berjalan 8 · Baru 2")  # Smart Governance in the demo
    screen.wait_for("Catatan terbaru")
    screen.send("q")
    screen.wait_exit()
    store = WorkshopStore.open(tmp_path / "data" / "demo.rembuk")
    store.save(Note(text="Catatan tambahan dari sesi pertama", created_at=datetime(2024, 7, 3, 16, 30)))
    store.close()
    again = terminal([REMBUK, "demo"], term="xterm", env=env)  # the second time opens, not rebuilds
    again.wait_for("Catatan tambahan dari sesi pertama", timeout=30)
