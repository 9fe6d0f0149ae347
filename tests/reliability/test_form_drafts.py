"""A half-filled form survives a crash (SIGKILL) and a dropped link (SIGHUP), like the note line.

The app runs in tmux on the demo workshop; a new action step's form is filled in part, the
process is interrupted, and the app is opened again: opening the same form brings the fields
back with a line saying so, and cancelling it (which asks first) drops the kept draft.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from screens.forms.kept_form import PREFIX
from tests.reliability.helpers import REMBUK, open_app

pytestmark = pytest.mark.e2e

RESTORED = "What was typed in this form"
"""The start of the line that says a form was restored (a toast wraps the rest)."""


def form_drafts(path: Path) -> dict[str, dict]:
    """The kept form drafts in the file, by key."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT key, text FROM drafts WHERE key LIKE ?", (PREFIX + "%",))
        return {key: json.loads(text) for key, text in rows}


def wait_for_draft(path: Path, timeout: float = 10.0) -> dict[str, dict]:
    """Poll the file until a form draft is there (written at most 0.5 s after typing)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if drafts := form_drafts(path):
            return drafts
        time.sleep(0.1)
    raise AssertionError("no form draft was written")


def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.rembuk"
    subprocess.run([REMBUK, "new", str(path), "--demo", "--no-open"], check=True, capture_output=True)
    return path


def open_step_form(screen) -> None:
    """Board 1, its first card, its action plan, a new step."""
    screen.send("Enter", "Enter", "p", "a")
    screen.wait_for("New action step", timeout=15)


def fill(screen) -> None:
    screen.send("Gerai keliling uji", "Tab", "Laporan uji")  # activity, then its sub kegiatan
    screen.wait_for("Laporan uji")


def reopen_and_find_the_fields(terminal, path: Path) -> None:
    screen = open_app(terminal, path)
    open_step_form(screen)
    shown = screen.wait_for(RESTORED)
    assert "Gerai keliling uji" in shown and "Laporan uji" in shown
    screen.send("Escape")  # cancelling changed fields asks first, then gives the draft up
    screen.wait_for("Discard what you typed in this form?")
    screen.send("y")
    screen.wait_until(lambda s: "New action step" not in s, what="the form closed")
    deadline = time.monotonic() + 10
    while form_drafts(path) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert form_drafts(path) == {}


def test_a_form_survives_sigkill_at_most_half_a_second_behind(terminal, tmp_path):
    path = demo(tmp_path)
    screen = open_app(terminal, path)
    open_step_form(screen)
    fill(screen)
    [kept] = wait_for_draft(path).values()
    deadline = time.monotonic() + 10
    while kept.get("field-sub_activity") != "Laporan uji" and time.monotonic() < deadline:
        time.sleep(0.1)
        [kept] = form_drafts(path).values()
    assert kept["field-activity"] == "Gerai keliling uji" and kept["field-sub_activity"] == "Laporan uji"
    screen.kill(signal.SIGKILL)
    screen.wait_exit()
    reopen_and_find_the_fields(terminal, path)


def test_a_form_survives_a_hang_up_in_full(terminal, tmp_path):
    path = demo(tmp_path)
    screen = open_app(terminal, path)
    open_step_form(screen)
    fill(screen)
    screen.kill(signal.SIGHUP)  # at once: the periodic save may not have run yet
    screen.wait_exit(timeout=15)
    [kept] = form_drafts(path).values()
    assert kept["field-activity"] == "Gerai keliling uji" and kept["field-sub_activity"] == "Laporan uji"
    reopen_and_find_the_fields(terminal, path)


def test_an_untouched_form_keeps_no_draft(terminal, tmp_path):
    path = demo(tmp_path)
    screen = open_app(terminal, path)
    open_step_form(screen)
    time.sleep(1.2)  # two draft ticks
    screen.kill(signal.SIGHUP)
    screen.wait_exit(timeout=15)
    assert form_drafts(path) == {}
