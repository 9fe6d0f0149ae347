"""Text typed in the room is shown as typed in every table, even when it looks like markup.

A DataTable reads a string cell as Rich markup: a follow-up typed as ``cek [/rp]`` made the
follow-up register fail to draw (the app started again over the file, and ``f`` never opened it),
and ``[red]`` or ``:fire:`` changed the text the room read.
"""

from __future__ import annotations

from datetime import datetime

from core.models import AgendaItem, Note, NoteKind
from data.store import WorkshopStore
from screens.agenda import AgendaScreen
from screens.follow_ups import FollowUpScreen
from tests.support import press, settle
from tui.app import make_app
from tui.widgets.whole_columns import WholeColumnTable

TYPED = "[/rp] [red]ok :fire:"


def shown(table: WholeColumnTable) -> str:
    """The table's lines as the terminal shows them."""
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


async def test_a_follow_up_that_looks_like_markup_opens_and_reads_as_typed(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.save(Note(kind=NoteKind.FOLLOW_UP, text=TYPED, created_at=datetime(2024, 7, 2, 10)))
    store.close()
    async with make_app(workshop_path).run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "f")
        screen = pilot.app.screen
        assert isinstance(screen, FollowUpScreen)
        assert TYPED in shown(screen.table)


async def test_an_agenda_item_that_looks_like_markup_reads_as_typed(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.save(AgendaItem(position=99, planned_time="16.00", title=TYPED))
    store.close()
    async with make_app(workshop_path).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        screen = pilot.app.screen
        assert isinstance(screen, AgendaScreen)
        assert TYPED in shown(screen.table)
