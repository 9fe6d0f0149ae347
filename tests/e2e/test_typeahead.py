"""Typing ahead in a real terminal: keys that arrive in one burst, as over a stalled SSH link.

tmux's ``send-keys`` with several keys writes them to the terminal back to back, so the app
reads them together: the key that opens something and the words meant for it. Before keys
were ordered (``tui/typeahead.py``), the words after ``n`` went to the board and were lost,
three notes typed in a burst were saved as the same run-on text three times, and a field's
words after Tab stayed in the field before.
"""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.helpers import open_app, stored_notes

REMBUK = str(Path(sys.executable).parent / "rembuk")

pytestmark = pytest.mark.e2e


def _field(line: str) -> tuple[str, str]:
    """A form row (``┃ Label     value ┃``) as its label and value."""
    label, _, value = re.split("[│┃]", line)[1].strip().partition("  ")
    return label, value.strip()


def test_notes_typed_in_one_burst_are_saved_one_by_one(terminal, workshop_path):
    screen = open_app(terminal, workshop_path)
    screen.send("n", "Pertama", "Enter", "Kedua", "Enter", "Ketiga", "Enter")
    screen.wait_until(lambda s: all(f"Note: {word}" in s for word in ("Pertama", "Kedua", "Ketiga")),
                      what="the three notes in the latest notes")
    screen.kill(signal.SIGTERM)
    screen.wait_exit(timeout=15)
    assert stored_notes(workshop_path) == ["Pertama", "Kedua", "Ketiga"]


def test_a_burst_opens_a_form_and_fills_its_fields_in_order(terminal, tmp_path):
    path = tmp_path / "demo.rembuk"
    subprocess.run([REMBUK, "new", str(path), "--demo", "--no-open"], check=True, capture_output=True)
    screen = open_app(terminal, path, term="xterm")
    # Board 1, its first card, its action plan, a new step: then the step's first three fields.
    screen.send("Enter", "Enter", "p", "a", "Uji coba gerai keliling", "Tab", "Gerai keliling",
                "Tab", "5 kecamatan")
    shown = screen.wait_for("5 kecamatan", timeout=15)
    fields = dict(_field(line) for line in shown.splitlines() if len(re.findall("[│┃]", line)) >= 2)
    assert fields["Activity"] == "Uji coba gerai keliling", shown
    assert fields["Sub-activity"] == "Gerai keliling", shown
    assert fields["Output (keluaran)"] == "5 kecamatan", shown
    screen.send("Enter")
    screen.wait_until(lambda s: "Uji coba gerai" in s and "New action step" not in s,
                      what="the saved step in the plan")
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT sub_activity, output FROM action_steps WHERE activity = ?",
                           ("Uji coba gerai keliling",)).fetchone()
    assert row == ("Gerai keliling", "5 kecamatan")


def test_escape_and_the_next_key_in_one_burst_are_two_keys(terminal, workshop_path):
    """Escape then ``t`` read together is what a terminal sends for Alt+T: both keys were lost."""
    screen = open_app(terminal, workshop_path)
    screen.send("f")
    screen.wait_for("Follow-ups and data requests")
    screen.send("Escape", "t")  # back to the overview, and at once its agenda
    screen.wait_for("Agenda", timeout=10)
    screen.send("Escape", "1")  # back, and at once the first dimension's board
    screen.wait_for("a Add", timeout=10)


def test_a_note_typed_before_the_app_has_started_is_saved(terminal, workshop_path):
    """Keys typed while rembuk starts wait in the terminal, whose line discipline turns Enter
    into a line feed until rembuk sets raw mode: the note stayed unsaved in the line."""
    screen = terminal(["sh", "-c", f"sleep 0.5; exec {REMBUK} open {workshop_path}"], env={"REMBUK_LANG": "en"})
    screen.send("n", "Catatan pertama", "Enter", "Kedua", "Enter")  # before rembuk runs
    screen.wait_until(lambda s: "Note: Kedua" in s and "Note: Catatan pertama" in s, timeout=30,
                      what="both notes in the latest notes")
    assert stored_notes(workshop_path) == ["Catatan pertama", "Kedua"]
