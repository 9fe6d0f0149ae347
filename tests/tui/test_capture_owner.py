"""A follow-up or data request gets its agency and due date on the note line, by keys: the row
under the line shows for those kinds only, says what it read before Enter, refuses a date it
cannot read beside itself, and empties after Enter (the next note is a plain note again)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual.widgets import Input, Label

from core.follow_ups import parse_due
from core.minutes import render_minutes
from core.models import Agency, Note, NoteKind, Workshop
from data.store import WorkshopStore
from data.workshops import read_bundle
from screens.follow_ups import FollowUpScreen
from tests.support import press, settle
from tui.app import make_app


def stored(path: Path) -> list[Note]:
    store = WorkshopStore.open(path)
    try:
        return store.all(Note, order=("id",))
    finally:
        store.close()


def agency_id(path: Path, abbreviation: str) -> int | None:
    store = WorkshopStore.open(path)
    try:
        return next(a.id for a in store.all(Agency) if a.abbreviation == abbreviation)
    finally:
        store.close()


def held_on(path: Path, day: date) -> None:
    store = WorkshopStore.open(path)
    try:
        store.save_workshop(Workshop.model_validate({**store.workshop().model_dump(), "dates": [day]}))
    finally:
        store.close()


def test_a_due_date_is_read_in_the_three_ways_the_room_writes_it():
    workshop_day = date(2024, 7, 2)
    assert {parse_due(typed, workshop_day) for typed in ("2024-08-15", "15/8", "15-08-2024")} == {date(2024, 8, 15)}
    assert parse_due("15/1", workshop_day) == date(2025, 1, 15)  # the next 15 January after the day


async def test_a_follow_up_typed_with_agency_and_due_date_keeps_them_in_register_and_minutes(workshop_path):
    held_on(workshop_path, date(2024, 7, 2))
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "n", "ctrl+t", "ctrl+t")  # note → decision → follow-up
        bar = app.screen.bar
        assert bar.query_one("#capture-owner").display
        await press(pilot, *"Kirim data faskes", "tab", *"bappeda", "tab", *"15/8")
        note = bar.query_one("#capture-owner-note", Label)
        assert "due 15 August 2024" in str(note.render())
        await press(pilot, "enter")
        assert not bar.query_one("#capture-owner").display  # a plain note again
        assert [bar.query_one(f"#capture-{f}", Input).value for f in ("agency", "due", "speaker")] == ["", "", ""]
        await press(pilot, "escape", "f")
        screen = app.screen
        assert isinstance(screen, FollowUpScreen)
        status, due, agency, text = map(str, screen.table.get_row_at(0)[:4])
        assert (status, agency, text) == ("[ ] open", "Bappeda", "Kirim data faskes")
        assert due.endswith("15 August 2024")  # "! overdue" too: the test runs after that day
    [saved] = stored(workshop_path)
    assert (saved.kind, saved.owner_agency_id, saved.due) == (NoteKind.FOLLOW_UP, agency_id(workshop_path, "Bappeda"),
                                                              date(2024, 8, 15))
    assert "| 1 | Kirim data faskes | Bappeda | 15 August 2024 |" in render_minutes(read_bundle(workshop_path), "en")


async def test_a_due_date_it_cannot_read_is_refused_beside_it_and_the_note_waits(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "n", *["ctrl+t"] * 4, *"Data RTH", "tab", *"DLH", "tab", *"besok", "enter")
        bar = app.screen.bar
        assert "Not a due date: besok" in str(bar.query_one("#capture-owner-note", Label).render())
        assert bar.text == "Data RTH" and stored(workshop_path) == []
        await press(pilot, *["backspace"] * 5, *"2024-08-15", "enter")
    [saved] = stored(workshop_path)
    assert (saved.kind, saved.due, saved.owner_agency_id) == (NoteKind.DATA_REQUEST, date(2024, 8, 15),
                                                              agency_id(workshop_path, "DLH"))


async def test_a_plain_note_has_no_agency_row(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "n")
        assert not app.screen.bar.query_one("#capture-owner").display
        await press(pilot, *"Catatan", "enter")
    [saved] = stored(workshop_path)
    assert (saved.owner_agency_id, saved.due) == (None, None)
    assert saved.created_at <= datetime.now()


async def test_an_agency_begun_is_the_one_suggested_and_named_beside_it(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "n", "ctrl+t", "ctrl+t", *"Perbaiki jalan", "tab", *"dpu", "tab", *"31/7/2025")
        bar = app.screen.bar
        assert bar.query_one("#capture-agency", Input).value == "DPUPR"  # taken on leaving the field
        note = str(bar.query_one("#capture-owner-note", Label).render())
        assert note.startswith("due 31 July 2025 · Dinas Pekerjaan Umum")
        await press(pilot, "enter")
    [saved] = stored(workshop_path)
    assert (saved.owner_agency_id, saved.due) == (agency_id(workshop_path, "DPUPR"), date(2025, 7, 31))


async def test_the_hint_says_tab_reaches_the_agency_for_a_follow_up_and_the_speaker_again_after(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "n")
        hint = app.screen.query_one("#capture-hint", Label)
        assert "Tab speaker" in str(hint.render())
        await press(pilot, "ctrl+t", "ctrl+t")  # note → decision → follow-up
        assert "Tab agency, then due date" in str(hint.render())
        await press(pilot, *"Kirim data", "enter")
        await settle(pilot)
        assert "Tab speaker" in str(hint.render())  # the next note is a plain note
