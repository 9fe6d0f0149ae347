"""Action plans and the roadmap in a real terminal (tmux, 80×24, 16 colours as PuTTY sends).

Checks what a Pilot test cannot: that the keys arrive from a real terminal as the bindings
expect (Shift+J and Shift+K as ``J``/``K``, Escape on its own), and that the roadmap's bars,
labels and totals fit 80 columns on the demo workshop.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

REMBUK = str(Path(sys.executable).parent / "rembuk")

pytestmark = pytest.mark.e2e


def _activities(path: Path, title_start: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            """SELECT s.activity FROM action_steps s JOIN innovations i ON i.id = s.innovation_id
               WHERE i.title LIKE ? ORDER BY s.position, s.id""", (title_start + "%",)).fetchall()
    return [activity for (activity,) in rows]


def test_roadmap_and_reordering_steps_by_keys(terminal, tmp_path):
    path = tmp_path / "demo.rembuk"
    subprocess.run([REMBUK, "new", str(path), "--demo", "--no-open"], check=True, capture_output=True)
    before = _activities(path, "Serang Tatu")
    screen = terminal([REMBUK, "open", str(path)], term="xterm", env={"REMBUK_LANG": "en"})
    screen.wait_for("Smart Environment", timeout=30)
    screen.send("m")
    shown = screen.wait_for("Per source", timeout=15)
    lines = shown.splitlines()
    assert any(line.startswith(" Dimension › innovation") and line.rstrip().endswith("Total") for line in lines)
    assert any("Q Serang Tatu" in line and "Q▓▓▓" in line for line in lines)
    assert "Overall Rp 84.465.000.000" in shown
    screen.send("Escape")
    screen.wait_for("Latest notes")
    screen.send("a")
    screen.wait_for("choose an innovation")
    screen.type("tatu")
    screen.send("Enter")
    screen.wait_for("Action plan · Serang Tatu")
    screen.send("J")
    screen.wait_until(lambda _: _activities(path, "Serang Tatu") == [before[1], before[0], before[2]], timeout=10)
    screen.send("K")
    screen.wait_until(lambda _: _activities(path, "Serang Tatu") == before, timeout=10)
