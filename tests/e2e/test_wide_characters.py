"""Emoji in a real terminal: a note with them keeps the note line's panel square.

Terminals disagree with the layout on how wide an emoji with a presentation selector is
(``❤️``): the line was drawn wider than counted and pushed the panel's right border out.
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
    shown = screen.wait_until(lambda s: any(line.startswith("┃ ") and "Cinta" in line for line in s.splitlines()),
                              timeout=15, what="the note in the note line's panel")
    panel = [line for line in shown.splitlines() if line.startswith("┃ ")]  # the tiles' have no space
    assert panel and all(line.rstrip().endswith("┃") and line.count("┃") == 2 for line in panel), shown
