"""Text typed in the room is shown as typed, in every table, list and toast, even when it looks like markup.

A DataTable reads a string cell as Rich markup: a follow-up typed as ``cek [/rp]`` made the
follow-up register fail to draw (the app started again over the file, and ``f`` never opened it),
and ``[red]`` or ``:fire:`` changed the text the room read. A toast naming such text (a step
deleted) failed to draw in the same way.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import OptionList
from textual.widgets._toast import Toast

from core.models import ActionStep, AgendaItem, Innovation, Note, NoteKind
from data.store import WorkshopStore
from screens.action_plan import ActionPlanScreen
from screens.agenda import AgendaScreen
from screens.dialogs.innovation_picker import InnovationPicker
from screens.dialogs.merge_picker import MergePicker
from screens.follow_ups import FollowUpScreen
from tests.support import press, settle, wait_until
from tui.app import make_app
from tui.widgets.whole_columns import WholeColumnTable

TYPED = "[/rp] [red]ok :fire:"


def shown(table: WholeColumnTable) -> str:
    """The table's lines as the terminal shows them."""
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


@pytest.mark.parametrize(("row", "key", "screen_type"), [
    (Note(kind=NoteKind.FOLLOW_UP, text=TYPED, created_at=datetime(2024, 7, 2, 10)), "f", FollowUpScreen),
    (AgendaItem(position=99, planned_time="16.00", title=TYPED), "t", AgendaScreen),
], ids=["follow-up register", "agenda"])
async def test_a_row_that_looks_like_markup_opens_and_reads_as_typed(workshop_path, row, key, screen_type):
    store = WorkshopStore.open(workshop_path)
    store.save(row)
    store.close()
    async with make_app(workshop_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, key)
        screen = pilot.app.screen
        assert isinstance(screen, screen_type)
        assert TYPED in shown(screen.table)


async def test_a_toast_naming_a_step_that_looks_like_markup_reads_as_typed(workshop_path):
    store = WorkshopStore.open(workshop_path)
    innovation = store.save(Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1"))
    store.save(ActionStep(innovation_id=innovation.id, activity=TYPED, start_year=2025, end_year=2025))
    store.close()
    async with make_app(workshop_path, language="en").run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await pilot.press(*"tatu", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ActionPlanScreen)
        await press(pilot, "x")
        await wait_until(pilot, lambda: pilot.app.screen.query(Toast))
        toasts = [str(toast.render()) for toast in pilot.app.screen.query(Toast)]
        assert any(TYPED in text for text in toasts), toasts
        assert isinstance(pilot.app.screen, ActionPlanScreen)


def listed(options: OptionList) -> str:
    """The option list's lines as the terminal shows them."""
    return "\n".join(options.render_line(y).text for y in range(options.size.height))


async def test_the_action_plan_picker_lists_a_title_that_looks_like_markup_as_typed(workshop_path):
    """An OptionList reads a string option as markup: ``[/rp]`` in a title made the picker fail
    to draw, in front of the room, on the way to any action plan."""
    store = WorkshopStore.open(workshop_path)
    store.save(Innovation(title=TYPED, dimension="GOV", element="GOV-1"))
    store.close()
    async with make_app(workshop_path, language="en").run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        picker = pilot.app.screen
        assert isinstance(picker, InnovationPicker)
        assert TYPED in listed(picker.query_one(OptionList))
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, ActionPlanScreen)


async def test_the_merge_picker_lists_a_title_that_looks_like_markup_as_typed(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.save(Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1", status="existing"))
    store.save(Innovation(title=TYPED, dimension="GOV", element="GOV-1", status="existing"))
    store.close()
    async with make_app(workshop_path, language="en").run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "1", "r", "r", "r", "r")  # the first card: continue, improve, stop, merge
        picker = pilot.app.screen
        assert isinstance(picker, MergePicker)
        assert TYPED in listed(picker.query_one(OptionList))
