"""The live room in real terminals: a facilitator, a notulis and a follow view on one file.

Each program runs in its own tmux server (tests/e2e/terminal.py); the file is the demo
workshop, so boards have cards to highlight.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.live import STALE_AFTER_SECONDS

REMBUK = str(Path(sys.executable).parent / "rembuk")
ENV = {"REMBUK_LANG": "en"}

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "room.rembuk"
    subprocess.run([REMBUK, "new", str(path), "--demo", "--no-open"], check=True, capture_output=True)
    return path


def _room(terminal, path: Path):
    facilitator = terminal([REMBUK, "--as", "Ayu", "open", str(path)], env=ENV, cols=100, rows=30)
    facilitator.wait_for("Kabupaten Serang", timeout=20)
    follow = terminal([REMBUK, "follow", str(path)], env=ENV, cols=60, rows=20)
    follow.wait_for("Ayu drives", timeout=20)
    return facilitator, follow


def _terminal_rows(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM terminals")]


def test_the_follow_view_shows_the_card_the_facilitator_highlights(terminal, demo):
    facilitator, follow = _room(terminal, demo)
    facilitator.send("2")  # Smart Branding's board; its first card is highlighted
    facilitator.wait_for("Kalender event pariwisata", timeout=15)
    follow.wait_for("Kalender event pariwisata", timeout=5)
    moved = time.monotonic()
    facilitator.send("j")
    shown = follow.wait_until(lambda s: "Kalender event" not in s and "Element:" in s, timeout=5,
                              what="the next card in the follow view")
    assert time.monotonic() - moved < 1.5, shown  # within a second, plus tmux's own polling
    assert "Smart Branding" in shown


def test_notes_from_the_notulis_reach_the_facilitator_who_keeps_their_place(terminal, demo):
    facilitator, follow = _room(terminal, demo)
    facilitator.send("3", "j")  # Smart Economy's board, its second card (two notes so far)
    follow.wait_for("Sentra Perikanan", timeout=15)
    notulis = terminal([REMBUK, "--as", "Sari", "--role", "notulis", "open", str(demo)], env=ENV)
    notulis.wait_for("2 connected", timeout=20)
    notulis.send("3", "j")
    notulis.wait_for("Smart Economy", timeout=15)
    for text in ("Pasar ikan perlu cold storage", "Libatkan koperasi nelayan"):
        notulis.send("n", text, "Enter")
        notulis.wait_for(text, timeout=15)
    facilitator.wait_for("notes 4", timeout=10)
    assert "Sentra Perikanan" in follow.wait_for("Ayu drives", timeout=5)  # the same card, still
    with sqlite3.connect(demo) as conn:
        captured = conn.execute("SELECT captured_by FROM notes WHERE text LIKE 'Pasar ikan%'").fetchone()
    assert captured == ("Sari",)


def test_the_follow_view_says_when_the_driver_is_gone_and_keeps_its_view(terminal, demo):
    facilitator, follow = _room(terminal, demo)
    facilitator.send("2")
    follow.wait_for("Kalender event pariwisata", timeout=15)
    facilitator.kill(signal.SIGKILL)
    gone = follow.wait_for("DRIVER GONE: Ayu", timeout=STALE_AFTER_SECONDS + 5)
    assert "Kalender event pariwisata" in gone


def test_a_terminal_killed_with_sigkill_leaves_the_room(terminal, demo):
    facilitator, follow = _room(terminal, demo)
    notulis = terminal([REMBUK, "--as", "Sari", "--role", "notulis", "open", str(demo)], env=ENV)
    follow.wait_for("2 connected", timeout=20)
    facilitator.wait_for("2 connected", timeout=5)
    assert sorted(_terminal_rows(demo)) == ["Ayu", "Sari"]
    notulis.kill(signal.SIGKILL)
    follow.wait_for("Ayu drives · 1 connected", timeout=STALE_AFTER_SECONDS + 5)
    facilitator.wait_until(lambda s: "connected" not in s, timeout=5,  # alone again: nothing to say
                           what="the room line gone from the facilitator's header")
