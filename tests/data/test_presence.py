"""The live room's storage: presence, driving, the room's clock, and what counts as a change."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from core.live import LiveView, Terminal, TerminalRole
from core.models import Note
from data import clock, presence
from data.bundle import read_bundle
from data.notes import capture_note
from data.store import WorkshopStore


@pytest.fixture
def store(workshop_path):
    opened = WorkshopStore.open(workshop_path)
    yield opened
    opened.close()


AYU = Terminal(id="a", name="Ayu")
SARI = Terminal(id="s", name="Sari", role=TerminalRole.NOTULIS)


def test_heartbeats_state_and_drafts_are_no_change_to_the_workshop_but_a_note_is(store):
    before = store.content_version()
    presence.join(store, AYU)
    presence.beat(store, AYU)
    presence.drive_if_free(store, AYU, LiveView())
    presence.publish(store, AYU, LiveView(screen="board", dimension="GOV"))
    clock.start(store, 300)
    store.save_draft("capture", "setengah diketik")
    assert store.content_version() == before
    capture_note(store, Note(text="Catatan", created_at=datetime.now()))
    assert store.content_version() > before


def test_terminals_list_who_is_here_and_forget_who_left(store):
    presence.join(store, SARI)
    presence.join(store, AYU)
    assert [t.name for t in presence.terminals(store)] == ["Ayu", "Sari"]  # facilitators first
    presence.leave(store, "s")
    assert [t.name for t in presence.terminals(store)] == ["Ayu"]


def test_a_living_driver_keeps_driving_until_another_takes_over(store):
    presence.join(store, AYU)
    presence.join(store, SARI)
    assert presence.drive_if_free(store, AYU, LiveView())
    assert not presence.drive_if_free(store, SARI, LiveView())
    presence.take_over(store, SARI, LiveView(screen="preview"))
    assert not presence.publish(store, AYU, LiveView(screen="board"))  # Ayu no longer drives
    driver = presence.driver(store)
    assert (driver.name, driver.view.screen) == ("Sari", "preview")
    assert driver.alive(time.time())


def test_a_driver_gone_quiet_is_reported_gone_with_its_last_view(store):
    presence.join(store, AYU)
    presence.drive_if_free(store, AYU, LiveView(screen="board", innovation_id=7))
    driver = presence.driver(store)
    later = time.time() + 10
    assert not driver.alive(later) and driver.gone_for(later) >= 9
    assert driver.view.innovation_id == 7
    assert presence.drive_if_free(store, SARI, LiveView()) is False  # Ayu is still fresh now


def test_the_room_timer_is_an_end_time_read_alike_by_every_reader(store, workshop_path):
    clock.start(store, 90, label="Sesi FGD")
    other = WorkshopStore.open(workshop_path, readonly=True)
    try:
        timer = clock.current(other)
    finally:
        other.close()
    assert timer.label == "Sesi FGD" and 88 <= timer.remaining(time.time()) <= 90
    assert timer.ended(timer.ends_at) and timer.remaining(timer.ends_at + 1) == 0
    clock.stop(store)
    assert clock.current(store) is None


def test_a_note_keeps_who_captured_it_through_the_bundle(store):
    capture_note(store, Note(text="Dari notulis", created_at=datetime.now(), captured_by="Sari"))
    assert [n.captured_by for n in read_bundle(store).notes] == ["Sari"]
