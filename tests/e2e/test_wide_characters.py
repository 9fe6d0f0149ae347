"""Emoji in a real terminal: a note with them keeps the note line's panel square.

Terminals disagree with the layout on how wide an emoji with a presentation selector is
(``❤️``): the line was drawn wider than counted and pushed the panel's right border out. The
panel has no side borders now (issue 15); a line drawn wider than counted pushes its own end,
the ellipsis that says it was cut, off the screen's edge.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from core.models import Note
from data.store import WorkshopStore
from tests.reliability.helpers import open_app

pytestmark = pytest.mark.e2e

TEXT = "Cinta ❤️ kota ☀️ cerah ✔️ beres, 👨‍👩‍👧 lanjut ke pembahasan berikutnya yang panjang sekali"


def test_an_emoji_in_a_note_keeps_the_panel_border_in_line(terminal, workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.save(Note(text=TEXT, dimension="GOV", created_at=datetime(2026, 12, 2, 9, 5)))
    store.close()
    screen = open_app(terminal, workshop_path, term="xterm")
    screen.send("n")
    shown = screen.wait_until(lambda s: "Note →" in s and "Cinta" in s.split("Note →")[1],
                              timeout=15, what="the note in the note line's panel")
    [line] = [line for line in shown.split("Note →")[1].splitlines() if "Cinta" in line]
    assert line.rstrip().endswith("…"), shown
