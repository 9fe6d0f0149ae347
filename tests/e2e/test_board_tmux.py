"""The FGD flow in a real terminal: rembuk in tmux (a private server), driven by keys.

Self-contained (a small tmux driver of its own) so that it runs wherever tmux is installed;
each test's tmux server has its own socket and is killed, by that socket, afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.models import Innovation, Workshop
from data.store import WorkshopStore
from data.workshops import new_workshop

REMBUK = str(Path(sys.executable).parent / "rembuk")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


class Tmux:
    """One program in a private tmux server of 100×30."""

    def __init__(self, command: list[str], name: str) -> None:
        self.socket = f"rembuk-boards-{os.getpid()}-{name}"
        self.run("new-session", "-d", "-s", "t", "-x", "100", "-y", "30",
                 "env", "REMBUK_LANG=en", "TERM=xterm-256color", *command)
        self.run("set-option", "-t", "t", "remain-on-exit", "on")  # a crash stays readable

    def run(self, *args: str, check: bool = True) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=check).stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", "t", key)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "t", "-l", text)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.run("capture-pane", "-p", "-t", "t", check=False)
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} did not appear within {timeout}s:\n{screen}")

    def close(self) -> None:
        """Kill this test's tmux server (by its socket) and remove the socket file it leaves."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        folder = os.environ.get("TMUX_TMPDIR", "/tmp")
        Path(folder, f"tmux-{os.getuid()}", self.socket).unlink(missing_ok=True)


@pytest.fixture
def fgd(tmp_path):
    path = tmp_path / "fgd.rembuk"
    new_workshop(path, Workshop(region="Kabupaten Serang")).close()
    term = Tmux([REMBUK, "open", str(path)], tmp_path.name)
    yield term, path
    term.close()


def stored(path: Path) -> dict[str, Innovation]:
    store = WorkshopStore.open(path, readonly=True)
    try:
        return {i.title: i for i in store.all(Innovation)}
    finally:
        store.close()


def _wait_until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the workshop file did not change in time"
        time.sleep(0.05)


def test_create_move_and_search_a_card_in_tmux(fgd):
    term, path = fgd
    term.wait_for("Smart Environment")
    term.keys("1")
    term.wait_for("No cards. a adds one.")
    term.keys("a")
    term.wait_for("New innovation")
    term.type("Lapor Bupati")
    term.keys("Enter")
    term.wait_for("Saved “Lapor Bupati”")
    assert stored(path)["Lapor Bupati"].element == "GOV-1"
    term.keys("}")
    _wait_until(lambda: stored(path)["Lapor Bupati"].element == "GOV-2")
    term.keys("/")
    term.type("zzz")
    term.wait_for("No cards")
    term.keys("Escape", "Escape")
    term.wait_for("Latest notes")
    term.keys("q")
