"""Nothing on screen is lost: the real app in tmux, killed with SIGKILL or hung up with SIGHUP.

These are the promises of the foundation issue, checked the way a facilitator would meet them:
type a note, lose the process, open the workshop again, and find the note.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import draft, integrity

REMBUK = str(Path(sys.executable).parent / "rembuk")
READY = "Smart Environment"


def open_workshop(terminal, path: Path, term: str = "xterm"):
    """Start rembuk on ``path`` in a fresh tmux at 80×24 and wait for the overview."""
    screen = terminal([REMBUK, "open", str(path)], term=term, env={"REMBUK_LANG": "en"})
    screen.wait_for(READY, timeout=30)
    return screen


def type_note(terminal, path: Path, text: str):
    """Open the workshop, open the note line and type ``text`` (without Enter)."""
    screen = open_workshop(terminal, path)
    screen.send("n")
    screen.wait_for("Note →")
    screen.type(text)
    screen.wait_for(text[-15:])  # the line scrolls with the cursor: its end is what shows
    return screen


@pytest.mark.e2e
def test_a_saved_note_survives_kill_9_and_reaches_the_minutes(terminal, workshop_path):
    screen = type_note(terminal, workshop_path, "Dinkes menyampaikan data faskes belum lengkap")
    screen.send("Enter")
    screen.wait_for("Note: Dinkes menyampaikan")
    screen.kill(signal.SIGKILL)
    screen.wait_exit()
    assert integrity(workshop_path) == "ok"

    again = open_workshop(terminal, workshop_path, term="xterm-256color")
    again.wait_for("Dinkes menyampaikan data faskes belum lengkap")
    minutes = subprocess.run([REMBUK, "export", "minutes", str(workshop_path), "--lang", "en"],
                             capture_output=True, text=True, timeout=60)
    assert minutes.returncode == 0, minutes.stderr
    assert "Dinkes menyampaikan data faskes belum lengkap" in minutes.stdout


@pytest.mark.e2e
def test_a_half_typed_note_survives_kill_9_at_most_a_second_behind(terminal, workshop_path):
    screen = type_note(terminal, workshop_path, "Bappeda akan menyelaraskan dengan RPJMD")
    screen.wait_for("RPJMD")
    time.sleep(1.2)  # the promise: the draft is at most a second behind the typing
    screen.kill(signal.SIGKILL)
    screen.wait_exit()

    assert draft(workshop_path) == "Bappeda akan menyelaraskan dengan RPJMD"
    again = open_workshop(terminal, workshop_path)
    again.wait_for("Bappeda akan menyelaraskan")  # the line scrolls: its start is what shows
    again.wait_for("half-typed note")


@pytest.mark.e2e
def test_sighup_keeps_all_of_the_draft_and_leaves_the_terminal_sane(terminal, workshop_path):
    screen = type_note(terminal, workshop_path, "Kominfo berharap inovasi berbasis kebutuhan")
    screen.wait_for("berbasis kebutuhan")
    screen.kill(signal.SIGHUP)  # sent at once: no time for the periodic draft save
    screen.wait_exit(timeout=10)
    assert screen.exit_status() == 0
    assert screen._tmux("display-message", "-p", "#{alternate_on}").strip() == "0"
    assert integrity(workshop_path) == "ok"

    assert draft(workshop_path) == "Kominfo berharap inovasi berbasis kebutuhan"
    again = open_workshop(terminal, workshop_path)
    again.wait_for("Kominfo berharap inovasi")


@pytest.mark.e2e
def test_a_half_typed_follow_up_comes_back_with_its_kind_agency_and_due_date(terminal, workshop_path):
    screen = open_workshop(terminal, workshop_path)
    screen.send("n")
    screen.wait_for("Note →")
    screen.send("C-t", "C-t")  # note → decision → follow-up
    screen.wait_for("Follow-up")
    screen.type("Kirim data faskes")
    screen.send("Tab")
    screen.type("bappeda")
    screen.send("Tab")
    screen.type("15/8")
    screen.wait_for("due 15 August")  # read: the date is in the line (15/8 alone is its placeholder)
    screen.kill(signal.SIGHUP)
    screen.wait_exit(timeout=10)

    again = open_workshop(terminal, workshop_path)
    again.wait_for("half-typed note")
    kept = ("Follow-up", "Kirim data faskes", "due 15 August", "Bappeda")
    again.wait_until(lambda shown: all(part in shown for part in kept), 10, " and ".join(kept))
