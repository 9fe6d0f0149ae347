"""Damaged and foreign files: one line and exit 2, the file left as it was, the rest shown.

Each file is damaged the way a user's file can be: emptied, a row deleted or overwritten
behind rembuk's back, bytes flipped by a failing disk, a schema version no rembuk writes.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from core.models import Note
from data import errors
from data.store import WorkshopStore
from tests.reliability.helpers import REMBUK


def rembuk(*args: str, lang: str = "en") -> subprocess.CompletedProcess:
    """Run the rembuk command as a user does; its output."""
    env = {**os.environ, "REMBUK_LANG": lang}
    return subprocess.run([REMBUK, *args], capture_output=True, text=True, env=env, timeout=60)


def assert_one_clear_line(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def sql(path: Path, statement: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(statement)
    conn.close()


def with_notes(path: Path, count: int) -> None:
    store = WorkshopStore.open(path)
    store.save_all([Note(text=f"catatan {n}", created_at=datetime(2024, 7, 2, 9)) for n in range(count)])
    store.close()


def emptied(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def workshop_row_deleted(path: Path) -> Path:
    sql(path, "DELETE FROM workshop")
    return path


def workshop_row_invalid_json(path: Path) -> Path:
    sql(path, "UPDATE workshop SET data = '{not json'")
    return path


def flipped_pages(path: Path) -> Path:
    with_notes(path, 2_000)  # enough pages that pages 2-8 hold tables and indexes
    sql(path, "PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page, 8 * page, 97):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def version_minus_one(path: Path) -> Path:
    sql(path, "PRAGMA user_version = -1")
    return path


DAMAGES = [emptied, workshop_row_deleted, workshop_row_invalid_json, flipped_pages, version_minus_one]


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda d: d.__name__)
@pytest.mark.parametrize("command", ["open", "export minutes", "export bundle", "check"])
def test_a_damaged_file_gets_one_line_and_exit_2(workshop_path, tmp_path, damage, command):
    path = damage(workshop_path)
    before = path.read_bytes()
    out = ["-o", str(tmp_path / "out")] if command == "export bundle" else []
    result = rembuk(*command.split(), str(path), *out)
    if command == "check" and result.returncode == 1:  # the file opens: the report names the damage
        assert "✗" in result.stdout and "Traceback" not in result.stderr + result.stdout
    else:
        assert_one_clear_line(result, str(path))
    assert path.read_bytes() == before, "a refused file was changed"
    assert not (tmp_path / "out").exists()


def test_an_empty_file_is_not_made_a_workshop(workshop_path):
    emptied(workshop_path)
    with pytest.raises(errors.EmptyFile):
        WorkshopStore.open(workshop_path)
    assert workshop_path.stat().st_size == 0
    assert_one_clear_line(rembuk("open", str(workshop_path)), "is empty")


def test_a_text_file_is_not_a_workshop_rather_than_damaged(tmp_path):
    text = tmp_path / "catatan.rembuk"
    text.write_text("Notulen rapat, diketik di Notepad\n" * 20)
    assert_one_clear_line(rembuk("open", str(text)), "is not a rembuk workshop file")


def test_check_finds_the_schema_version_open_trips_on(workshop_path):
    version_minus_one(workshop_path)
    assert_one_clear_line(rembuk("check", str(workshop_path)), "damaged")


@pytest.mark.parametrize("column, value", [("kind", "'rumor'"), ("created_at", "'kemarin sore'")])
def test_one_bad_note_among_thousands_leaves_the_rest_readable_and_is_named(workshop_path, column, value):
    with_notes(workshop_path, 3_000)
    sql(workshop_path, f"UPDATE notes SET {column} = {value} WHERE id = 1500")
    store = WorkshopStore.open(workshop_path)
    assert len(store.all(Note)) == 2_999
    assert list(store.damaged) == [("notes", 1500)] and column in store.damaged[("notes", 1500)]
    store.close()
    check = rembuk("check", str(workshop_path))
    assert check.returncode == 1 and "notes row 1500" in check.stdout and column in check.stdout
    assert_one_clear_line(rembuk("export", "minutes", str(workshop_path)), "notes row 1500")


async def test_the_app_shows_the_rest_and_names_the_damaged_row(workshop_path):
    from tui.app import make_app

    with_notes(workshop_path, 30)
    sql(workshop_path, "UPDATE notes SET kind = 'rumor' WHERE id = 30")  # the newest: on the overview
    app = make_app(workshop_path, language="en", poll_interval=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        assert any("notes row 30" in n.message for n in app._notifications)
        assert app.is_running
