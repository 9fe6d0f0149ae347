"""A full disk, a read-only file, a file deleted underneath: one clear line, nothing confirmed lost.

The full disk is a real 1 MiB tmpfs where the tests may mount (root in CI), else the file-size
limit (``RLIMIT_FSIZE``) of a subprocess; the read-only file is a read-only bind mount over
the workshop's folder (root cannot be stopped by file modes). Each test skips, saying why,
where neither way is available.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from core.models import Note, Workshop
from data import errors
from data.notes import capture_note
from data.store import WorkshopStore
from data.workshops import new_workshop
from tests.reliability.faults import can_mount, fill, read_only, small_disk
from tests.reliability.helpers import LINE_OPEN, REMBUK, integrity, open_app, stored_notes
from tests.support import settle
from tui.app import make_app

AT = datetime(2024, 7, 2, 9, 0)


def note(text: str) -> Note:
    """A note typed at a fixed time."""
    return Note(text=text, created_at=AT)


def write_until_refused(store: WorkshopStore) -> tuple[list[str], errors.StoreError]:
    """Capture ever larger notes until the store refuses one: (the confirmed texts, the error)."""
    confirmed = []
    for n in range(10_000):
        text = f"catatan {n} " + "data " * 800
        try:
            capture_note(store, note(text))
        except errors.StoreError as exc:
            return confirmed, exc
        confirmed.append(text)
    raise AssertionError("the disk never filled up")


def one_line(exc: Exception) -> str:
    """The error's message, checked to be one non-empty line without a traceback."""
    message = str(exc)
    assert message and "\n" not in message and "Traceback" not in message
    return message


# -- a full disk ------------------------------------------------------------------------------

def test_a_full_disk_refuses_with_one_line_and_keeps_every_confirmed_note(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        if disk is None:
            pytest.skip("cannot mount a tmpfs here; see the RLIMIT_FSIZE test")
        path = disk / "w.rembuk"
        store = new_workshop(path, Workshop(region="Kabupaten Serang"))
        filler = fill(disk)
        confirmed, refused = write_until_refused(store)
        assert isinstance(refused, errors.DiskFull), refused
        assert "disk is full" in one_line(refused)
        filler.unlink()
        capture_note(store, note("setelah ruang dikosongkan"))  # space again: it works again
        store.close()
        assert stored_notes(path) == [*confirmed, "setelah ruang dikosongkan"]
        assert integrity(path) == "ok"


FSIZE_CHILD = """
import json, resource, signal, sys
from datetime import datetime
from pathlib import Path
from core.models import Note, Workshop
from data.workshops import new_workshop
from tests.reliability.test_faults import write_until_refused
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), not kills
store = new_workshop(Path(sys.argv[1]), Workshop(region="X"))
resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, 400_000))
confirmed, refused = write_until_refused(store)
print(json.dumps({"confirmed": confirmed, "error": type(refused).__name__, "message": str(refused)}))
"""


def test_a_file_size_limit_refuses_with_one_line_and_keeps_every_confirmed_note(tmp_path):
    """The fallback where no tmpfs can be mounted: RLIMIT_FSIZE in a subprocess (EFBIG)."""
    path = tmp_path / "w.rembuk"
    root = Path(__file__).parents[2]
    result = subprocess.run([sys.executable, "-c", FSIZE_CHILD, str(path)], capture_output=True,
                            text=True, cwd=root, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["error"] in ("DiskFull", "StoreError")
    assert outcome["message"] and "\n" not in outcome["message"]
    assert stored_notes(path) == outcome["confirmed"] and outcome["confirmed"]
    assert integrity(path) == "ok"


async def test_the_note_line_keeps_a_refused_note_and_says_the_disk_is_full(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        if disk is None:
            pytest.skip("cannot mount a tmpfs here")
        path = disk / "w.rembuk"
        new_workshop(path, Workshop(region="Kabupaten Serang")).close()
        app = make_app(path, language="en")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", *"sebelum penuh", "enter")
            await app.workers.wait_for_complete()
            filler = fill(disk)
            app.screen.bar.text = "disk penuh " + "data " * 800
            await pilot.press("end", "enter")
            for _ in range(3):  # a too-small note might still fit: the large one cannot
                await settle(pilot)
            error = str(app.screen.query_one("#capture-error").render())
            assert "disk is full" in error
            assert app.screen.bar.text.startswith("disk penuh")  # still in the line: not lost
            filler.unlink()
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen.bar.text == ""
        assert [t.split()[0] for t in stored_notes(path)] == ["sebelum", "disk"]


# -- a read-only file -------------------------------------------------------------------------

def test_opening_a_read_only_file_says_so_in_one_line(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    new_workshop(folder / "w.rembuk", Workshop(region="X")).close()
    with read_only(folder) as done:
        if not done:
            pytest.skip("cannot make a read-only bind mount here (needs root)")
        result = subprocess.run([REMBUK, "--lang", "en", "open", str(folder / "w.rembuk")],
                                capture_output=True, text=True, timeout=60)
        minutes = subprocess.run([REMBUK, "export", "minutes", str(folder / "w.rembuk")],
                                 capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "cannot be written" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert minutes.returncode == 0, minutes.stderr  # reading it still works


def test_a_file_made_read_only_underneath_refuses_in_one_line_or_keeps_writing(tmp_path):
    """Writes go on through the open file, or stop with one line; what was confirmed stays."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "w.rembuk"
    store = new_workshop(path, Workshop(region="X"))
    capture_note(store, note("sebelum"))
    confirmed = ["sebelum"]
    with read_only(folder) as done:
        if not done:
            store.close()
            pytest.skip("cannot make a read-only bind mount here (needs root)")
        try:
            capture_note(store, note("sesudah"))
            confirmed.append("sesudah")
        except errors.StoreError as exc:
            assert isinstance(exc, errors.ReadOnly), exc
            one_line(exc)
        store.close()
    assert stored_notes(path) == confirmed
    assert integrity(path) == "ok"


# -- a file deleted underneath ----------------------------------------------------------------

@pytest.mark.parametrize("also", [(), ("-wal", "-shm")], ids=["file", "file-wal-shm"])
def test_a_file_deleted_underneath_is_written_back_and_nothing_confirmed_is_lost(tmp_path, also):
    path = tmp_path / "w.rembuk"
    store = new_workshop(path, Workshop(region="X"))
    for text in ("satu", "dua"):
        capture_note(store, note(text))
    for suffix in ("", *also):
        Path(f"{path}{suffix}").unlink()
    with pytest.raises(errors.StoreError) as refused:
        capture_note(store, note("tiga"))
    assert "deleted" in one_line(refused.value)
    assert path.exists()
    capture_note(store, note("tiga"))  # typed again (it stayed in the line): saved
    store.close()
    assert stored_notes(path) == ["satu", "dua", "tiga"]
    assert integrity(path) == "ok"


def test_a_deleted_file_is_written_back_whole_when_its_wal_stays_behind(tmp_path):
    """Opened as the app opens it (created, closed, opened again), the deleted file leaves its
    -wal behind: replayed onto the vacuumed copy, whose pages lie elsewhere, it damaged the copy."""
    path = tmp_path / "w.rembuk"
    new_workshop(path, Workshop(region="X")).close()
    store = WorkshopStore.open(path)
    for text in ("satu", "dua"):
        capture_note(store, note(text))
    path.unlink()
    assert Path(f"{path}-wal").exists()
    with pytest.raises(errors.Restored):
        capture_note(store, note("tiga"))
    capture_note(store, note("tiga"))
    store.close()
    assert stored_notes(path) == ["satu", "dua", "tiga"]
    assert integrity(path) == "ok"


@pytest.mark.e2e
def test_the_app_says_when_its_file_is_deleted_and_loses_nothing(terminal, workshop_path):
    screen = open_app(terminal, workshop_path)
    screen.send("n")
    screen.wait_for(LINE_OPEN)
    screen.type("sebelum dihapus")
    screen.send("Enter")
    screen.wait_for("Note: sebelum dihapus")
    workshop_path.unlink()
    screen.type("sesudah dihapus")
    screen.send("Enter")
    screen.wait_for("deleted")
    assert "Note: sesudah dihapus" not in screen.screen()
    screen.send("Enter")  # the note stayed in the line: Enter again saves it
    screen.wait_for("Note: sesudah dihapus")
    screen.kill(signal.SIGTERM)
    screen.wait_exit(timeout=15)
    assert stored_notes(workshop_path) == ["sebelum dihapus", "sesudah dihapus"]
    assert integrity(workshop_path) == "ok"


def test_mounting_is_reported():
    """Say in the test log which way the disk faults run on this machine."""
    print("disk faults via", "tmpfs and bind mounts" if can_mount() else "RLIMIT_FSIZE only",
          f"(euid {os.geteuid()})")
