"""Capture interrupted at random moments: SIGKILL (a crash) or SIGHUP (SSH dropped).

Each run opens the real app in tmux, types note after note, and at a random moment (seeded,
so a failing run can be replayed) the process gets the signal: while a note is being typed,
just after Enter, or while a save is in flight. Then the file is checked:

- every confirmed note is in it (a note is confirmed once it has left the line and shows in
  the recent list above it, which the app does only after the commit);
- ``PRAGMA integrity_check`` is ok;
- the draft is empty or a prefix of a note that was being typed (never garbage);
- after SIGHUP: exit code 0, the terminal out of the alternate screen, and the draft is the
  whole line as the app last showed it;
- on reopen a surviving draft is offered again.

Quick runs are part of ``make test``; ``make soak`` runs 100+ of each.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import threading
import time
from dataclasses import dataclass, field

import pytest

from tests.e2e.terminal import TmuxTerminal, process_running
from tests.reliability.helpers import (
    LINE_OPEN,
    draft,
    integrity,
    open_app,
    pane,
    stored_notes,
)

QUICK_RUNS = 5
SOAK_RUNS = 120
SANE = {"alternate_on": "0", "mouse_any_flag": "0", "mouse_all_flag": "0",
        "mouse_button_flag": "0", "mouse_sgr_flag": "0"}
"""tmux's view of a sane terminal: the main screen, no mouse reporting. (Not the cursor flag:
tmux often misses the show-cursor Textual writes last, for a hello-world app's plain quit too.)"""
WORDS = "anggaran data desa layanan pasar sampah irigasi wisata sensor peta izin kopi".split()


@dataclass
class Capture:
    """What the script typed, and what the screen confirmed, before the signal landed."""

    confirmed: list[str] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)
    """Every note text the script started typing (the last one may be half-typed)."""
    in_line: str = ""
    """What was typed into the line since the last confirmed note."""


def note_text(rng: random.Random, run: int, number: int) -> str:
    """A short, unique note text (short enough to show whole in the recent list)."""
    return f"r{run}n{number} " + " ".join(rng.choices(WORDS, k=rng.randint(1, 3)))


def _alive_and(screen: TmuxTerminal, predicate, timeout: float = 10.0) -> bool:
    """Poll until ``predicate(screen text)``; False as soon as the program has died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate(screen.screen()):
                return True
        except RuntimeError:  # the pane went away with the program
            return False
        if not process_running(screen.pid()):
            return predicate(screen.screen())
        time.sleep(0.02)
    raise AssertionError(f"neither confirmed nor dead; last screen:\n{screen.screen()}")


def capture_until(screen: TmuxTerminal, rng: random.Random, run: int, stop: threading.Event,
                  capture: Capture) -> None:
    """Type notes in two halves, Enter, wait for each to be confirmed; until ``stop`` or death."""
    for number in range(1, 1000):
        text = note_text(rng, run, number)
        capture.typed.append(text)
        for part in (text[: len(text) // 2], text[len(text) // 2:]):
            try:
                screen.type(part)
            except RuntimeError:
                return
            capture.in_line += part
            if stop.is_set() or not process_running(screen.pid()):
                return
        if not _alive_and(screen, lambda s, t=text: t in s):  # the whole line shows
            return
        try:
            screen.send("Enter")
        except RuntimeError:
            return
        if _alive_and(screen, lambda s, t=text: f"Note: {t}" in s):
            capture.confirmed.append(text)
            capture.in_line = ""
        if stop.is_set() or not process_running(screen.pid()):
            return


def interrupted_run(terminal, path, run: int, sig: signal.Signals) -> tuple[TmuxTerminal, Capture]:
    """One run: open, capture, and interrupt after a random delay; returns once it is dead.

    SIGKILL lands from a timer thread, anywhere. SIGHUP lands once the typing has stopped and
    the line shows what was typed, so that "all of the line" is known exactly.
    """
    rng = random.Random(run * 7919 + sig)
    offered, capture = draft(path), Capture()
    screen = open_app(terminal, path)
    if offered:  # the last run's half-typed note is back in the line: finish it first
        screen.wait_for(LINE_OPEN)
        screen.wait_for(offered.rstrip())
        screen.send("Enter")
        screen.wait_for(f"Note: {offered.strip()}")
        capture.confirmed.append(offered.strip())  # a note is stored trimmed
    else:
        screen.send("n")
        screen.wait_for(LINE_OPEN)
    stop = threading.Event()
    action = (lambda: screen.kill(sig)) if sig == signal.SIGKILL else stop.set
    timer = threading.Timer(rng.uniform(0.1, 2.5), action)
    timer.start()
    try:
        capture_until(screen, rng, run, stop, capture)
    finally:
        timer.cancel()
    if sig != signal.SIGKILL:
        if capture.in_line:  # (a space it ends in does not show: the line has no edge after it)
            screen.wait_for(capture.in_line.rstrip())
        screen.kill(sig)
    screen.wait_exit(timeout=15)
    return screen, capture


def check_file(path, capture: Capture) -> None:
    """The promises every interrupted run must keep, read from the file itself."""
    assert integrity(path) == "ok"
    stored = stored_notes(path)
    lost = [t for t in capture.confirmed if t not in stored]
    assert lost == [], f"confirmed notes lost: {lost}"
    saved_draft = draft(path)
    assert saved_draft == "" or any(t.startswith(saved_draft) for t in capture.typed), saved_draft
    assert saved_draft not in capture.confirmed or saved_draft == "", "a saved note offered again"


def check_reopen(terminal, path) -> None:
    """Reopening works, and offers a surviving draft in the note line."""
    saved_draft = draft(path)
    again = open_app(terminal, path)
    if saved_draft:
        again.wait_for("half-typed note")
        again.wait_for(saved_draft[:20].rstrip())
    again.kill(signal.SIGTERM)
    again.wait_exit(timeout=15)


def kill_runs(terminal, workshop_path, runs: int) -> None:
    """``runs`` SIGKILL runs on one file (the notes pile up, as in a real day)."""
    confirmed = 0
    for run in range(runs):
        screen, capture = interrupted_run(terminal, workshop_path, run, signal.SIGKILL)
        check_file(workshop_path, capture)
        confirmed += len(capture.confirmed)
        screen.close()
        if run % 10 == 0 or run == runs - 1:
            check_reopen(terminal, workshop_path)
    assert confirmed > 0, "no run confirmed a note: the check above proved nothing"


def hangup_runs(terminal, workshop_path, runs: int) -> None:
    """``runs`` SIGHUP runs: all of the shown line saved, exit 0, the terminal sane."""
    for run in range(runs):
        screen, capture = interrupted_run(terminal, workshop_path, run, signal.SIGHUP)
        check_file(workshop_path, capture)
        assert screen.exit_status() == 0
        sane = {flag: pane(screen, flag) for flag in SANE}
        assert sane == SANE, f"terminal left in {sane}"
        assert draft(workshop_path) == capture.in_line  # all of it, or none when the line was empty
        screen.close()
        if run % 10 == 0 or run == runs - 1:
            check_reopen(terminal, workshop_path)


@pytest.mark.e2e
def test_kill_9_at_random_moments_loses_no_confirmed_note(terminal, workshop_path):
    kill_runs(terminal, workshop_path, QUICK_RUNS)


@pytest.mark.e2e
def test_sighup_at_random_moments_keeps_everything_and_the_terminal_sane(terminal, workshop_path):
    hangup_runs(terminal, workshop_path, 3)


@pytest.mark.soak
@pytest.mark.e2e
def test_soak_kill_9(terminal, workshop_path):
    kill_runs(terminal, workshop_path, SOAK_RUNS)


@pytest.mark.soak
@pytest.mark.e2e
def test_soak_sighup(terminal, workshop_path):
    hangup_runs(terminal, workshop_path, SOAK_RUNS)


@pytest.mark.e2e
def test_a_draft_offered_on_reopen_is_announced_every_time(terminal, workshop_path):
    """The note line says why text is in it on every reopen (a toast alone was sometimes not
    painted in a real terminal, though laid out: Textual's)."""
    with sqlite3.connect(workshop_path) as conn:
        conn.execute("INSERT INTO drafts (key, text, updated_at) VALUES ('capture', ?, '')",
                     ("Dishub menunggu data",))
    for _ in range(5):
        screen = open_app(terminal, workshop_path)
        screen.wait_for("Dishub menunggu data")
        screen.wait_for("half-typed note")
        screen.kill(signal.SIGTERM)
        screen.wait_exit(timeout=15)
        screen.close()
