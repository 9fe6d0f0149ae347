"""A running agenda item survives kill -9: reopened, it is still running, at the right time."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import integrity

REMBUK = str(Path(sys.executable).parent / "rembuk")
LEFT = re.compile(r"Pembukaan dan sambutan · (\d+):(\d\d) left")


def seconds_left(screen: str) -> int:
    found = LEFT.search(screen)
    assert found, screen
    return int(found[1]) * 60 + int(found[2])


@pytest.mark.e2e
def test_a_running_item_is_still_running_at_the_right_time_after_kill_9(terminal, tmp_path):
    path = tmp_path / "pandeglang.rembuk"
    created = subprocess.run([REMBUK, "new", str(path), "--region", "Kabupaten Pandeglang", "--stage", "II",
                              "--no-open"], capture_output=True, text=True, timeout=60)
    assert created.returncode == 0, created.stderr
    screen = terminal([REMBUK, "open", str(path)], term="xterm", env={"REMBUK_LANG": "en"})
    screen.wait_for("Smart Environment", timeout=30)
    screen.send("t")
    screen.wait_for("Registrasi peserta")
    screen.send("Down")
    screen.send("s")
    before = seconds_left(screen.wait_for(LEFT))
    killed_at = time.monotonic()
    screen.kill(signal.SIGKILL)
    screen.wait_exit()
    assert integrity(path) == "ok"

    again = terminal([REMBUK, "open", str(path)], term="xterm", env={"REMBUK_LANG": "en"})
    after = seconds_left(again.wait_for(LEFT, timeout=30))  # in the overview's header at once
    elapsed = time.monotonic() - killed_at
    assert before - elapsed - 2 <= after <= before - elapsed + 2
