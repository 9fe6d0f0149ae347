"""The agenda screen (t on the overview): items started and finished by keys, the header clock,
notes attached to the running item, and the free timer (the room's timer)."""

from __future__ import annotations

import re
import time
from datetime import datetime

import pytest

from core.live import LiveView, RoomTimer
from core.models import AgendaItem, Note, Stage, Workshop
from data import agenda, clock
from data.store import WorkshopStore
from data.workshops import new_workshop
from screens.agenda import AgendaScreen
from screens.forms.agenda_form import AgendaItemForm
from tests.support import press, settle, wait_until
from tui.app import make_app
from tui.widgets.agenda_clock import AgendaClock


@pytest.fixture
def stage_2_path(tmp_path):
    """A new stage II workshop: it starts from the shipped stage II agenda."""
    path = tmp_path / "pandeglang.rembuk"
    new_workshop(path, Workshop(region="Kabupaten Pandeglang", stage=Stage.II)).close()
    return path


def stored(path) -> tuple[list[AgendaItem], list[Note]]:
    store = WorkshopStore.open(path)
    try:
        return agenda.agenda(store), store.all(Note)
    finally:
        store.close()


def clock_text(pilot) -> str:
    clock = pilot.app.screen.query_one(AgendaClock)
    return str(clock.render()) if clock.display else ""


async def test_start_an_item_see_it_count_down_capture_a_note_and_finish_it(stage_2_path):
    async with make_app(stage_2_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        assert isinstance(pilot.app.screen, AgendaScreen)
        await press(pilot, "down", "s")
        await pilot.app.screen.query_one(AgendaClock).read().wait()
        await settle(pilot)
        assert re.fullmatch(r"Pembukaan dan sambutan · (29:5\d|30:00) left", clock_text(pilot))
        await press(pilot, "n")
        await pilot.press(*"Kepala Dinas membuka acara")
        await press(pilot, "enter", "escape", "f")
        await settle(pilot)
        items, notes = stored(stage_2_path)
        opening = items[1]
        assert opening.title == "Pembukaan dan sambutan" and opening.started_at and opening.ended_at
        assert [(n.text, n.agenda_item_id) for n in notes] == [("Kepala Dinas membuka acara", opening.id)]
        await pilot.app.screen.query_one(AgendaClock).read().wait()
        await settle(pilot)
        assert clock_text(pilot) == ""


async def test_starting_the_next_item_ends_the_one_running(stage_2_path):
    async with make_app(stage_2_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "t", "s", "down", "s")
    first, second, *_ = stored(stage_2_path)[0]
    assert first.ended_at is not None and second.running


async def test_a_new_item_with_a_bad_time_says_so_beside_it(stage_2_path):
    async with make_app(stage_2_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "t", "a")
        form = pilot.app.screen
        assert isinstance(form, AgendaItemForm)
        await pilot.press(*"Sesi tanya jawab")
        form.query_one("#field-planned_time").focus()
        await pilot.press(*"jam 3")
        await press(pilot, "ctrl+s")
        assert "08.30" in str(form.query_one("#error-planned_time").render())
        await pilot.press("ctrl+u", *"15.30")
        await press(pilot, "ctrl+s")
    items = stored(stage_2_path)[0]
    day_1 = [i for i in items if i.day == 1]
    assert (day_1[-1].title, day_1[-1].planned_time) == ("Sesi tanya jawab", "15.30")


def room_timer(path) -> RoomTimer | None:
    store = WorkshopStore.open(path)
    try:
        return clock.current(store)
    finally:
        store.close()


async def test_a_free_timer_is_the_rooms_timer_and_shows_in_the_header(stage_2_path):
    async with make_app(stage_2_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "t", "t", "tab")
        await pilot.press("ctrl+u", "5")
        await press(pilot, "enter")
        timer = room_timer(stage_2_path)
        assert timer is not None and timer.label == "Break" and 290 < timer.remaining(time.time()) <= 300
        await wait_until(pilot, lambda: re.search(r"Break: time (04:5\d|05:00)", pilot.app.title),
                         what="the room's timer in the header")
        assert clock_text(pilot) == ""  # the agenda clock is the running item's alone
        await press(pilot, "T")
        assert room_timer(stage_2_path) is None
        await wait_until(pilot, lambda: "Break" not in pilot.app.title, what="the timer gone from the header")


def test_a_follow_view_of_the_agenda_shows_the_running_item_large(stage_2_path):
    from core.i18n import set_language
    from screens.support.follow_content import read_shown

    set_language("en")
    store = WorkshopStore.open(stage_2_path)
    try:
        items = agenda.agenda(store)
        assert read_shown(store, LiveView(screen="agenda")).title == f"Next: {items[0].title}"
        agenda.start(store, items[1].id, datetime(2024, 7, 2, 8, 41))
        shown = read_shown(store, LiveView(screen="agenda"))
    finally:
        store.close()
    assert shown.heading == "Agenda" and shown.title == f"Now: {items[1].title}"
    assert ("Started", "08.41") in shown.fields and shown.items[1].startswith("▶")


async def test_x_deletes_the_highlighted_item_only_after_y(stage_2_path):
    async with make_app(stage_2_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "t", "down")
        title = stored(stage_2_path)[0][1].title
        await press(pilot, "x", "n")
        assert title in [i.title for i in stored(stage_2_path)[0]]
        await press(pilot, "x", "enter")  # Enter answers the default, No
        assert title in [i.title for i in stored(stage_2_path)[0]]
        await press(pilot, "x", "y")
        assert title not in [i.title for i in stored(stage_2_path)[0]]


async def test_f6_runs_the_agenda_from_any_screen_with_the_header_clock(stage_2_path):
    """F6, on the board as on the overview: starts the first item, finishes it, starts the next."""
    async with make_app(stage_2_path, language="en").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")  # the Smart Governance board, not the agenda
        assert not isinstance(pilot.app.screen, AgendaScreen)
        await press(pilot, "f6")
        first = stored(stage_2_path)[0][0]
        assert first.running
        await wait_until(pilot, lambda: clock_text(pilot).startswith(first.title[:20]), what="the clock")
        assert re.search(r"· \d+:\d\d left$", clock_text(pilot))
        await press(pilot, "f6")
        assert stored(stage_2_path)[0][0].ended_at is not None
        await wait_until(pilot, lambda: clock_text(pilot) == "", what="the clock to stop")
        await press(pilot, "f6")
        first, second, *_ = stored(stage_2_path)[0]
        assert first.ended_at is not None and second.running
        messages = [n.message for n in pilot.app._notifications]
        assert f'Agenda: finished "{first.title}" (F6 starts the next item).' in messages
        await press(pilot, "f1")  # the key help lists it on every screen
        assert ("f6", "Agenda: finish / next item") in pilot.app.screen.rows


async def test_an_idle_clock_draws_nothing_at_its_ticks(stage_2_path, monkeypatch):
    """Nothing runs: the clock's ticks and readings leave the screen alone (each redraw laid the
    whole screen out again, a full frame a second over the link)."""
    drawn: list[str] = []
    real = AgendaClock.update

    def update(self, content="", **kwargs):
        drawn.append(str(content))
        return real(self, content, **kwargs)

    monkeypatch.setattr(AgendaClock, "update", update)
    async with make_app(stage_2_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        clock = pilot.app.screen.query_one(AgendaClock)
        drawn.clear()
        for _ in range(4):
            clock.tick()
        await clock.read().wait()
        await settle(pilot)
        assert drawn == [] and clock_text(pilot) == ""


async def test_the_clock_reads_whole_in_the_boards_header_at_80_columns(stage_2_path):
    """On the board as on the overview, the running item and its time fit in the header (the
    board once composed the clock before the header's own parts, which pushed it off the edge)."""
    async with make_app(stage_2_path, language="id").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "f6", "enter")
        await wait_until(pilot, lambda: "sisa" in clock_text(pilot), what="the clock")
        first_line = "".join(strip.text for strip in pilot.app.screen._compositor.render_update(full=True).strips[0])
        assert clock_text(pilot).strip() in first_line
