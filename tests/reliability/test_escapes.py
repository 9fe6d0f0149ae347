"""Escape sequences and control characters, typed, pasted or imported, never reach the terminal raw.

Each attack carries an OSC 0 "set the window title" sequence: had it reached the terminal raw,
tmux would take it as the pane's title, which a test can read back (``#{pane_title}``). The
stored text is checked for escape and control characters, and the screen for its layout.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import unicodedata

import pytest

from tests.reliability.helpers import LINE_OPEN, READY, REMBUK, open_app, pane, stored_notes

TITLE = "PWNED"
ATTACK = f"awal\x1b]0;{TITLE}\x07 tengah\x1b[2J\x1b[31m merah\x9b1;1H\x07\x08 akhir"
"""An OSC title, a screen clear, a colour, an 8-bit CSI, a bell and a backspace, among words."""

TYPED = ATTACK.replace("\x07\x08", "")
"""The attack without its bell and backspace, which act as keys when typed.

Typed, a backspace is an editing key (and Ctrl+G may be bound). What these tests guard is that
no sequence reaches the terminal or the file raw, and that the words around them arrive; that
a paste keeps its words in order whatever it holds is `test_bad_bytes.py`'s.
"""


def clean(text: str) -> bool:
    """No escape or other control character is left in ``text`` (newlines aside)."""
    return all(c == "\n" or unicodedata.category(c) not in ("Cc", "Cf") for c in text)


def untouched(screen) -> None:
    """The terminal shows rembuk's layout and its own title, not the attacker's."""
    assert TITLE not in pane(screen, "pane_title")
    text = screen.screen()
    assert READY in text or LINE_OPEN in text, text


def save_and_check(screen, path) -> None:
    """Press Enter, wait for the note, and check what was stored and shown."""
    screen.send("Enter")
    screen.wait_until(lambda s: "Note: " in s and "merah" in s.split("Note: ", 1)[1],
                      what="the saved note in the list")
    untouched(screen)
    screen.kill(signal.SIGTERM)
    screen.wait_exit(timeout=15)
    notes = stored_notes(path)
    assert len(notes) == 1 and clean(notes[0])
    # The words around the sequences arrive (Textual and tmux may turn a raw ESC into a
    # visible ^[ or reorder a paste that holds control characters: visible, never raw).
    assert all(word in notes[0] for word in ("awal", "tengah", "merah", "akhir")), repr(notes[0])


@pytest.mark.e2e
def test_typed_escape_sequences_are_not_stored_or_shown_raw(terminal, workshop_path):
    screen = open_app(terminal, workshop_path)
    screen.send("n")
    screen.wait_for(LINE_OPEN)
    screen.type(TYPED)
    screen.wait_until(lambda s: "merah" in s and "akhir" in s, what="the whole text")
    untouched(screen)
    save_and_check(screen, workshop_path)


@pytest.mark.e2e
def test_pasted_escape_sequences_are_not_stored_or_shown_raw(terminal, workshop_path):
    screen = open_app(terminal, workshop_path)
    screen.send("n")
    screen.wait_for(LINE_OPEN)
    screen._tmux("set-buffer", "-b", "attack", "--", TYPED)
    screen._tmux("paste-buffer", "-p", "-b", "attack", "-t", "main")  # -p: bracketed paste
    screen.wait_until(lambda s: "merah" in s and "akhir" in s, what="the whole paste")
    untouched(screen)
    save_and_check(screen, workshop_path)


@pytest.mark.e2e
def test_imported_and_smuggled_escape_sequences_are_not_shown_raw(terminal, tmp_path, workshop_path):
    bundle_path, imported = tmp_path / "b.json", tmp_path / "imported.rembuk"
    subprocess.run([REMBUK, "export", "bundle", str(workshop_path), "-o", str(bundle_path)],
                   check=True, capture_output=True)
    bundle = json.loads(bundle_path.read_text())
    bundle["notes"] = [{"id": 1, "version": 0, "kind": "note", "text": ATTACK, "speaker": ATTACK,
                        "created_at": "2024-07-02T09:00:00"}]
    bundle_path.write_text(json.dumps(bundle))
    subprocess.run([REMBUK, "import", str(bundle_path), "-o", str(imported)], check=True,
                   capture_output=True)
    assert clean(stored_notes(imported)[0])
    with sqlite3.connect(imported) as conn:  # and one written behind rembuk's back
        conn.execute("INSERT INTO notes (version, kind, text, speaker, created_at) "
                     "VALUES (0, 'note', ?, '', '2024-07-02T10:00:00')", (ATTACK,))
    screen = open_app(terminal, imported)
    screen.wait_until(lambda s: s.count("awal") >= 2, what="both notes in the latest notes")
    untouched(screen)
