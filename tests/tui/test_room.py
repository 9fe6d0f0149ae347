"""The app in the live room (Pilot): the header, driving, the room's timer, and what reloads."""

from __future__ import annotations

import asyncio
from datetime import datetime

from core.live import LiveView, Terminal
from core.models import Innovation, Note
from data import clock, presence
from data.notes import capture_note
from data.store import WorkshopStore
from tests.support import settle, wait_until
from tui.app import make_app


def title_of(app) -> str:
    return str(app.title)




def published(path) -> LiveView | None:
    store = WorkshopStore.open(path, readonly=True)
    try:
        driver = presence.driver(store)
    finally:
        store.close()
    return driver.view if driver else None


async def test_the_header_says_who_is_here_and_who_drives(workshop_path):
    app = make_app(workshop_path, language="en", name="Ayu")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)  # a few heartbeats and polls
        await settle(pilot)
        assert title_of(app) == "rembuk"  # alone and driving: nothing to tell
        other = WorkshopStore.open(workshop_path)
        presence.join(other, Terminal(id="s", name="Sari"))
        presence.take_over(other, Terminal(id="s", name="Sari"), LiveView())
        await wait_until(pilot, lambda: "2 connected · Sari drives" in title_of(app))
        await pilot.press("f7")
        await wait_until(pilot, lambda: "2 connected · you drive" in title_of(app))
        other.close()


async def test_the_driver_publishes_the_card_it_ends_on_after_a_burst(workshop_path):
    store = WorkshopStore.open(workshop_path)
    ids = [store.save(Innovation(title=f"Kartu {n}", dimension="GOV", element="GOV-1")).id for n in range(4)]
    store.close()
    app = make_app(workshop_path, language="en", name="Ayu")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)  # a few heartbeats and polls
        await settle(pilot)
        await pilot.press("1")
        await pilot.pause(0.3)  # a few heartbeats and polls
        await settle(pilot)
        await pilot.press("j", "j", "j")
        await wait_until(pilot, lambda: published(workshop_path).innovation_id == ids[3])
    view = published(workshop_path)
    assert (view.screen, view.dimension, view.innovation_id) == ("board", "GOV", ids[3])


async def test_notes_record_the_terminal_that_captured_them(workshop_path):
    app = make_app(workshop_path, language="en", name="Sari", role="notulis")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Usulan", "enter")
        await pilot.pause(0.2)  # a few heartbeats and polls
        await settle(pilot)
    store = WorkshopStore.open(workshop_path, readonly=True)
    assert [(n.text, n.captured_by) for n in store.all(Note)] == [("Usulan", "Sari")]
    store.close()


async def test_f8_starts_the_room_timer_and_the_driver_rings_once_when_it_ends(workshop_path):
    app = make_app(workshop_path, language="en", name="Ayu")
    rings: list[int] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.bell = lambda: rings.append(1)  # a spy: the terminal bell itself is the driver's
        await pilot.pause(0.3)  # a few heartbeats and polls
        await settle(pilot)
        await pilot.press("f8", "2", "enter")
        await wait_until(pilot, lambda: "time 02:00" in title_of(app) or "time 01:59" in title_of(app))
        store = WorkshopStore.open(workshop_path)
        clock.start(store, 0)
        store.close()
        await wait_until(pilot, lambda: "TIME'S UP" in title_of(app))
        await pilot.pause(1.0)  # a few heartbeats and polls
        await settle(pilot)
    assert rings == [1]


async def test_heartbeats_and_drafts_of_another_terminal_reload_nothing_but_its_note_does(workshop_path):
    app = make_app(workshop_path, language="en", name="Ayu", poll_interval=0.2)
    reloads: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)  # a few heartbeats and polls
        await settle(pilot)
        overview = app.screen
        original = overview.reload
        overview.reload = lambda: (reloads.append("reload"), original())[1]  # a spy on what it already does
        other = WorkshopStore.open(workshop_path)
        sari = Terminal(id="s", name="Sari")
        presence.join(other, sari)
        for word in ("Pa", "Pasar", "Pasar ikan"):
            other.save_draft("capture", word)
            presence.beat(other, sari)
            await asyncio.sleep(0.3)
        await pilot.pause(0.3)  # a few heartbeats and polls
        await settle(pilot)
        assert reloads == []
        capture_note(other, Note(text="Pasar ikan", created_at=datetime.now(), captured_by="Sari"))
        await wait_until(pilot, lambda: reloads == ["reload"])
        other.close()


async def test_the_room_look_that_ticks_while_the_app_closes_ends_nothing(workshop_path):
    """The look runs on the app's interval, which can tick once more after the last screen is
    gone (CI met it: 'No screens on stack' out of quitting); it then does nothing."""
    app = make_app(workshop_path, language="en", name="Ayu")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
    assert not app.screen_stack  # closed: every screen popped
    app._look()  # the late tick: no ScreenStackError
