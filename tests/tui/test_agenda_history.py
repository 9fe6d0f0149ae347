"""The history view (H) lists the agenda's changes as a facilitator reads them: an item started,
finished, edited, with its title; and H on the agenda shows one item's own history."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import DataTable

from core.models import Stage, Workshop
from data import agenda
from data.store import WorkshopStore
from data.workshops import new_workshop
from screens.history import HistoryScreen
from tests.support import press, settle
from tui.app import make_app


def texts(app) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(n)[2]) for n in range(table.row_count)]


async def test_starts_finishes_and_edits_of_agenda_items_read_in_the_history(tmp_path):
    path = tmp_path / "pandeglang.rembuk"
    store = new_workshop(path, Workshop(region="Kabupaten Pandeglang", stage=Stage.II))
    first, second, *_ = agenda.agenda(store)
    agenda.start(store, first.id, datetime(2024, 7, 2, 8, 30))
    agenda.start(store, second.id, datetime(2024, 7, 2, 9, 0))  # ends the first in the same action
    agenda.end(store, datetime(2024, 7, 2, 9, 40))
    store.save(agenda.agenda(store)[1].model_copy(update={"title": "Sambutan Bupati"}))
    store.close()
    async with make_app(path, language="en").run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "H")
        assert isinstance(pilot.app.screen, HistoryScreen)
        assert texts(pilot.app)[:4] == [
            "Agenda item changed: Sambutan Bupati",
            f"Agenda item finished: {second.title}",
            f"Agenda item started: {second.title}",
            f"Agenda item started: {first.title}",
        ]
        await press(pilot, "escape", "t", "down", "H")
        assert isinstance(pilot.app.screen, HistoryScreen)
        own = texts(pilot.app)
        assert own[1:] == ["finished: 02-07 09:40", "started: 02-07 09:00"]
        assert own[0].startswith("title: ")


async def test_a_header_saved_in_the_set_up_form_is_named_in_the_history(workshop_path):
    store = WorkshopStore.open(workshop_path)
    store.save_workshop(store.workshop().model_copy(update={"title": "Bimtek II Lebak"}))
    store.close()
    async with make_app(workshop_path, language="en").run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "H")
        assert texts(pilot.app)[0] == "Workshop changed: Bimtek II Lebak"
