"""Two terminals on one workshop file: nothing lost, never "database is locked", stale edits refused.

Three levels: two real apps in two tmux terminals capturing at once; two processes hammering
the store (one of them holding the write lock for a while); and two stores editing the same
item, where the second edit, based on stale data, must be refused with a one-line message.
"""

from __future__ import annotations

import multiprocessing
import signal
import sqlite3
import time
from datetime import datetime
from pathlib import Path

import pytest

from core.i18n import set_language
from core.models import Innovation, Note
from data import errors
from data.notes import capture_note
from data.store import WorkshopStore
from tests.reliability.helpers import LINE_OPEN, integrity, open_app, stored_notes

LOCKED = ("locked", "busy", "terkunci", "sedang dipakai")
"""What must never appear on a screen while two terminals write."""


def _no_lock_message(*screens) -> None:
    for screen in screens:
        text = screen.screen().lower()
        assert not any(word in text for word in LOCKED), text


@pytest.mark.e2e
def test_two_apps_capturing_at_once_lose_nothing_and_see_each_other(terminal, workshop_path):
    first, second = open_app(terminal, workshop_path), open_app(terminal, workshop_path)
    for screen in (first, second):
        screen.send("n")
        screen.wait_for(LINE_OPEN)
    confirmed = []
    for n in range(8):
        pair = ((first, f"satu {n} pasar"), (second, f"dua {n} irigasi"))
        for screen, text in pair:  # both type and press Enter before either is waited on
            screen.type(text)
        for screen, text in pair:
            screen.wait_for(text)
            screen.send("Enter")
        for screen, text in pair:
            screen.wait_for(f"Note: {text}")
            confirmed.append(text)
        _no_lock_message(first, second)
    first.wait_for("Note: dua 7 irigasi")  # the other terminal's note, noticed by polling
    for screen in (first, second):
        screen.kill(signal.SIGTERM)
        screen.wait_exit(timeout=15)
    assert sorted(stored_notes(workshop_path)) == sorted(confirmed)
    assert integrity(workshop_path) == "ok"


def _hammer(path: str, name: str, count: int, failures) -> None:
    """In a child process: capture ``count`` notes; record any error instead of raising."""
    store = WorkshopStore.open(Path(path))
    for n in range(count):
        try:
            capture_note(store, Note(text=f"{name} {n}", created_at=datetime(2024, 7, 2, 9)))
        except Exception as exc:  # noqa: BLE001 - every failure is the finding
            failures.put(f"{name} {n}: {exc!r}")
    store.close()


def _hold_the_lock(path: str, seconds: float) -> None:
    """In a child process: hold the write lock (BEGIN IMMEDIATE) for ``seconds``."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    time.sleep(seconds)
    conn.execute("COMMIT")
    conn.close()


def test_two_processes_writing_at_once_both_get_through(workshop_path):
    spawn = multiprocessing.get_context("spawn")
    failures = spawn.Queue()
    workers = [spawn.Process(target=_hammer, args=(str(workshop_path), name, 150, failures))
               for name in ("kiri", "kanan")]
    blocker = spawn.Process(target=_hold_the_lock, args=(str(workshop_path), 1.5))
    for process in (*workers, blocker):
        process.start()
    for process in (*workers, blocker):
        process.join(timeout=120)
        assert process.exitcode == 0
    found = []
    while not failures.empty():
        found.append(failures.get())
    assert found == []
    assert len(stored_notes(workshop_path)) == 300
    assert integrity(workshop_path) == "ok"


@pytest.fixture
def two_stores(workshop_path):
    """Two stores (two terminals) on one file holding one innovation."""
    first = WorkshopStore.open(workshop_path)
    first.save(Innovation(title="Satu Data", dimension="GOV", element="GOV-1"))
    second = WorkshopStore.open(workshop_path)
    yield first, second
    first.close()
    second.close()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_an_edit_on_stale_data_is_refused_with_one_line(two_stores, lang):
    set_language(lang)
    first, second = two_stores
    seen_by_first, seen_by_second = first.get(Innovation, 1), second.get(Innovation, 1)
    first.save(seen_by_first.model_copy(update={"title": "Satu Data Serang"}))
    with pytest.raises(errors.StaleEdit) as refused:
        second.save(seen_by_second.model_copy(update={"title": "Satu Peta"}))
    message = str(refused.value)
    assert message and "\n" not in message and "locked" not in message.lower()
    assert second.get(Innovation, 1).title == "Satu Data Serang"  # not silently overwritten


def test_the_other_terminal_notices_a_change_and_an_edit_of_a_deleted_item(two_stores):
    first, second = two_stores
    before = second.data_version()
    item = second.get(Innovation, 1)
    first.delete(Innovation, 1)
    assert second.data_version() != before
    with pytest.raises(errors.Gone):
        second.save(item.model_copy(update={"title": "Satu Peta"}))
