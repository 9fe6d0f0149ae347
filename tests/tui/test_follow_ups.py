"""The follow-up register (f on the overview): status by keys, owner and due date in a form,
overdue ones marked in words, and the later stage's minutes showing the status set here."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from core.minutes import render_minutes
from core.models import FollowUpStatus, Note, NoteKind, Stage
from data.carry import create_next_stage
from data.demo import create_demo
from data.store import WorkshopStore
from data.workshops import read_bundle
from screens.follow_ups import FollowUpScreen
from screens.forms.follow_up_form import FollowUpForm
from tests.support import press, settle
from tui.app import make_app


@pytest.fixture
def stage_3_path(tmp_path):
    """Stage III of the demo series, carrying its nine open follow-ups and data requests."""
    create_demo(tmp_path / "2.rembuk").close()
    create_next_stage(tmp_path / "3.rembuk", tmp_path / "2.rembuk", Stage.III).close()
    return tmp_path / "3.rembuk"


def notes(path) -> list[Note]:
    store = WorkshopStore.open(path)
    try:
        return sorted(store.all(Note), key=lambda n: (n.due or date.max, n.created_at, n.id or 0))
    finally:
        store.close()


async def test_space_steps_the_status_and_the_minutes_follow(stage_3_path):
    first = notes(stage_3_path)[0]
    async with make_app(stage_3_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "f")
        screen = pilot.app.screen
        assert isinstance(screen, FollowUpScreen)
        assert str(screen.table.get_row_at(0)[0]) == "[ ] open"
        await press(pilot, "space")
        assert str(screen.table.get_row_at(0)[0]) == "[✓] done"
    assert notes(stage_3_path)[0].status == FollowUpStatus.DONE
    doc = render_minutes(read_bundle(stage_3_path), "en")
    assert f"| 1 | {first.text} | Data request | Bappeda | 12 July 2024 | done | Bimtek II |" in doc


async def test_owner_and_due_date_set_in_the_form_and_overdue_said_in_words(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.save(Note(kind=NoteKind.DATA_REQUEST, text="Data faskes", created_at=datetime(2024, 7, 2, 10)))
    store.close()
    async with make_app(workshop_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pilot.app.push_screen(FollowUpScreen(pilot.app.workspace, today=lambda: date(2024, 8, 1)))
        await settle(pilot)
        await press(pilot, "e")
        form = pilot.app.screen
        assert isinstance(form, FollowUpForm)
        form.query_one("#field-owner_agency_id").value = next(a.id for a in form.new_agency.agencies
                                                             if a.abbreviation == "Dinkes")
        form.query_one("#field-due").focus()
        await pilot.press(*"31/2/2024")
        await press(pilot, "ctrl+s")
        assert form.row("due").refusal
        await pilot.press("ctrl+u", *"19/7/2024")
        await press(pilot, "ctrl+s")
        screen = pilot.app.screen
        assert isinstance(screen, FollowUpScreen)
        assert screen.table.get_row_at(0)[1:3] == ["! overdue 19 July 2024", "Dinkes"]
    [note] = notes(workshop_path)
    assert note.due == date(2024, 7, 19) and note.status == FollowUpStatus.OPEN


async def test_the_next_stage_is_created_from_inside_the_app(tmp_path):
    create_demo(tmp_path / "serang.rembuk").close()
    async with make_app(tmp_path / "serang.rembuk").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "S")
        assert pilot.app.screen.query_one("#field-path").value == str(tmp_path / "serang-III.rembuk")
        await press(pilot, "enter")
        await settle(pilot)
        assert any("rembuk open" in n.message for n in pilot.app._notifications)
    bundle = read_bundle(tmp_path / "serang-III.rembuk")
    assert bundle.workshop.stage == Stage.III and len(bundle.notes) == 9
