"""The first screen's one reading (issue 15): begun when the file opens, taken once by each who shows it."""

from __future__ import annotations

from concurrent.futures import Future
from datetime import datetime

import pytest

from core.models import Note
from data import errors
from data.first_screen import FirstReading, FirstScreen, read_first_screen, read_in_background
from data.notes import CAPTURE_DRAFT
from data.queries import dimension_summaries, latest_notes
from data.store import WorkshopStore


def test_the_first_reading_is_what_the_screens_would_read_themselves(workshop_path):
    store = WorkshopStore.open(workshop_path)
    for minute in range(4):
        store.save(Note(text=f"note {minute}", created_at=datetime(2024, 7, 2, 9, minute)))
    store.save_draft(CAPTURE_DRAFT, "half a no", store.draft_number())
    reading = read_in_background(store, CAPTURE_DRAFT, 3).result(timeout=30)
    assert reading.workshop == store.workshop()
    assert reading.draft == "half a no"
    assert reading.summaries == dimension_summaries(store)
    assert [n.text for n in reading.notes] == [n.text for n in latest_notes(store, 3)] == ["note 3", "note 2", "note 1"]
    store.close()


def test_each_takes_it_once_and_then_reads_for_itself(workshop_path):
    store = WorkshopStore.open(workshop_path)
    outcome: Future[FirstReading] = Future()
    first = FirstScreen(outcome)
    assert first.take_ready("overview") is None  # not read yet: the UI thread does not wait
    outcome.set_result(read_first_screen(store, CAPTURE_DRAFT, 5))
    assert first.take_ready("overview") is not None
    assert first.take_ready("overview") is None and first.take("overview") is None  # its next readings are its own
    assert first.take("start") is not None  # another who shows part of it still gets it
    store.close()


def test_a_reading_that_failed_is_raised_in_the_worker_that_takes_it(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.close()  # closed before the reading ran (a hang-up at start)
    first = FirstScreen(read_in_background(store, CAPTURE_DRAFT, 5))
    with pytest.raises(errors.Closed):
        first.take("overview")
    assert first.take_ready("start") is None  # the UI thread gets nothing: its worker reads, and says why
