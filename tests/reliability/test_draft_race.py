"""A draft written late must not bring back a note that was already saved.

The note line saves its draft in a worker every half second; the note itself is saved by
another worker. When the draft worker is slow to get the file (another terminal writing, a
busy disk) it can write the line as it was *after* the note's transaction cleared the draft,
and the next open would offer the saved note again, to be saved twice.
"""

from __future__ import annotations

import threading

from core.models import Note
from data.store import WorkshopStore
from tests.support import settle
from tui.app import make_app


async def test_a_late_draft_write_is_undone_after_the_note_is_saved(workshop_path):
    app = make_app(workshop_path, language="en", draft_interval=3600)  # flushed by hand below
    store, release = app.store, threading.Event()
    real_save_draft = store.save_draft

    def slow_save_draft(key: str, text: str, number: int | None = None) -> bool:
        if text:
            release.wait(5)  # this draft write reaches the file only after the note's commit
        return real_save_draft(key, text, number)

    store.save_draft = slow_save_draft  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"Dinsos data DTKS")
        app.screen.flush_draft()  # the periodic save starts, and waits
        await pilot.press("enter")
        while not store.all(Note):
            await pilot.pause()
        release.set()
        await settle(pilot)
        app.screen.flush_draft()  # the next periodic save
        await app.workers.wait_for_complete()
    check = WorkshopStore.open(workshop_path)
    assert [n.text for n in check.all(Note)] == ["Dinsos data DTKS"]
    assert check.draft("capture") == ""  # not offered again on the next open
    check.close()
