"""Typed, pasted and imported text never carries terminal control codes into the app."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from core.models import Note
from core.text import clean_line, clean_text, for_cells


def test_escape_sequences_are_removed():
    pasted = "merah \x1b[31mRED\x1b[0m \x1b]0;pwned title\x07 \x1b]52;c;Y2xpcA==\x07 end"
    assert clean_text(pasted) == "merah RED   end"


def test_control_characters_go_but_newlines_stay():
    assert clean_text("a\x00b\x07c\r\nd\te\u202ef") == "abc\nd    ef"


def test_one_line_fields_fold_newlines():
    assert clean_line("  Serang\nTatu \r\n app ") == "Serang Tatu app"


@given(st.text())
def test_nothing_that_reaches_a_model_can_drive_the_terminal(text):
    cleaned = clean_text(text)
    assert "\x1b" not in cleaned and "\x9b" not in cleaned
    assert not [ch for ch in cleaned if unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\n\u200d"]


def test_models_clean_what_they_are_given():
    from datetime import datetime

    note = Note(text="ok\x1b[2J\x1b[H", created_at=datetime(2024, 7, 2, 9))
    assert note.text == "ok"


def test_for_cells_drops_what_terminals_disagree_on_the_width_of():
    assert for_cells("Cinta ❤️ 👨‍👩‍👧 ok") == "Cinta ❤ 👨👩👧 ok"
    assert for_cells("Setuju 👍🏽👋🏿") == "Setuju 👍👋"
    assert for_cells("plain ascii") == "plain ascii"
