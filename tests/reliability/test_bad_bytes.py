"""Bytes that are not UTF-8, and escape sequences inside text, never end or garble a session.

Sent through tmux into the real driver (:mod:`tui.driver`): a raw 0x9B or 0xFF, or Latin-1
``café`` as a PuTTY set to Latin-1 sends it, used to end the app from Textual's input thread.
"""

from __future__ import annotations

import signal

import pytest

from tests.reliability.helpers import LINE_OPEN, open_app, stored_notes

PWNED = "\x1b]0;PWNED\x07"


def save(screen, path, word: str) -> list[str]:
    """Enter, wait until ``word`` shows as saved, stop the app cleanly; the stored notes."""
    screen.send("Enter")
    screen.wait_until(lambda s: "Note: " in s and word in s.split("Note: ", 1)[1], what=f"{word} saved")
    screen.kill(signal.SIGTERM)
    screen.wait_exit(timeout=15)
    assert screen.exit_status() == 0
    return stored_notes(path)


@pytest.mark.e2e
def test_bytes_that_are_not_utf8_are_replaced_and_typing_goes_on(terminal, workshop_path):
    screen = open_app(terminal, workshop_path)
    screen.send("n")
    screen.wait_for(LINE_OPEN)
    screen.type("kopi ")
    screen._tmux("send-keys", "-t", "main", "-H", "9b", "ff", "63", "61", "66", "e9")  # 9B FF, Latin-1 café
    screen.type(" lanjut")
    screen.wait_for("lanjut")
    [note] = save(screen, workshop_path, "lanjut")
    assert note.startswith("kopi ") and note.endswith("caf\ufffd lanjut"), repr(note)


@pytest.mark.e2e
def test_typed_sequences_leave_no_remnant(terminal, workshop_path):
    screen = open_app(terminal, workshop_path)
    screen.send("n")
    screen.wait_for(LINE_OPEN)
    screen.type(f"awal{PWNED} tengah\x1b[2J akhir")
    screen.wait_for("akhir")
    assert save(screen, workshop_path, "akhir") == ["awal tengah akhir"]


@pytest.mark.e2e
def test_a_paste_keeps_its_words_in_order_whatever_it_holds(terminal, workshop_path):
    screen = open_app(terminal, workshop_path)
    screen.send("n")
    screen.wait_for(LINE_OPEN)
    pasted = f"awal{PWNED} satu\x07 dua\x08 tiga\x7f empat\x0b lima\x0c\x1b[2J akhir"
    screen._tmux("set-buffer", "-b", "p", "--", pasted)
    screen._tmux("paste-buffer", "-p", "-b", "p", "-t", "main")  # -p: bracketed paste
    screen.wait_for("akhir")
    [note] = save(screen, workshop_path, "akhir")
    assert note.split() == ["awal", "satu", "dua", "tiga", "empat", "lima", "akhir"], repr(note)


@pytest.mark.e2e
def test_a_multi_line_paste_keeps_every_line(terminal, workshop_path):
    screen = open_app(terminal, workshop_path)
    screen.send("n")
    screen.wait_for(LINE_OPEN)
    screen._tmux("set-buffer", "-b", "p", "--", "Baris pertama\nbaris kedua\nbaris ketiga")
    screen._tmux("paste-buffer", "-p", "-b", "p", "-t", "main")
    screen.wait_for("ketiga")
    assert save(screen, workshop_path, "ketiga") == ["Baris pertama baris kedua baris ketiga"]
