"""Undo, redo and the history view, driven through Pilot on real workshop files.

Each kind of edit is made the way its screen makes it (the same data function), then Ctrl+Z
in the app must bring back the workshop as it was, and Ctrl+Y must bring the edit back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from textual.widgets import DataTable

from core.models import ActionStep, Agency, Innovation, Note, Participant, Risk
from data import actions, people, quick_wins
from data import innovations as board
from data.bundle import dumps
from data.store import WorkshopStore
from screens.history import HistoryScreen
from screens.notes import NotesScreen
from tests.support import settle
from tui.app import make_app


def content(store: WorkshopStore) -> str:
    """The workshop as bundle JSON, without the record (which grows with every undo)."""
    return dumps(store.bundle().content())




def seed(path) -> dict[str, int]:
    store = WorkshopStore.open(path)
    card = board.create(store, Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1",
                                          quick_win="candidate"))
    step = actions.insert_step(store, ActionStep(innovation_id=card.id, activity="Bangun aplikasi",
                                                 start_year=2025, end_year=2026))
    risk = store.save(Risk(innovation_id=card.id, event="Server down", likelihood=3, impact=3))
    person = store.save(Participant(name="Ari", agency_id=3))
    note = store.save(Note(text="Sepakat", created_at=datetime(2024, 7, 2, 9)))
    store.close()
    return {"card": card.id, "step": step.id, "risk": risk.id, "person": person.id, "note": note.id}


def _edit_card(s: WorkshopStore, ids: dict[str, int]) -> None:
    board.move_to_group(s, s.get(Innovation, ids["card"]), board.Grouping.ELEMENT, "GOV-2")


def _edit_step(s: WorkshopStore, ids: dict[str, int]) -> None:
    actions.update_step(s, s.get(ActionStep, ids["step"]).model_copy(update={"activity": "Uji coba"}))


def _edit_risk(s: WorkshopStore, ids: dict[str, int]) -> None:
    s.save(s.get(Risk, ids["risk"]).model_copy(update={"likelihood": 5}))


EDITS: dict[str, Callable[[WorkshopStore, dict[str, int]], object]] = {
    "card moved": _edit_card,
    "card deleted with its step and risk": lambda s, ids: board.delete(s, ids["card"]),
    "step edited": _edit_step,
    "step deleted": lambda s, ids: actions.delete_step(s, ids["step"]),
    "risk edited": _edit_risk,
    "score typed": lambda s, ids: quick_wins.set_score(s, ids["card"], "impact", 4),
    "weight changed": lambda s, ids: quick_wins.set_weight(s, "impact", 9),
    "attendance ticked": lambda s, ids: people.toggle_attendance(s, ids["person"], date(2024, 7, 2)),
    "agency added": lambda s, ids: s.save(Agency(abbreviation="BPBD", name="Badan Penanggulangan Bencana")),
    "header changed": lambda s, ids: s.save_workshop(s.workshop().model_copy(update={"venue": "Pendopo"})),
    "note deleted": lambda s, ids: s.delete(Note, ids["note"]),
}


@pytest.mark.parametrize("edit", EDITS, ids=list(EDITS))
async def test_ctrl_z_undoes_each_kind_of_edit_and_ctrl_y_redoes_it(workshop_path, edit):
    ids = seed(workshop_path)
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = content(app.store)
        EDITS[edit](app.store, ids)
        after = content(app.store)
        assert after != before
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert content(app.store) == before
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert content(app.store) == after


async def test_a_note_saved_on_the_wrong_screen_is_taken_back_by_ctrl_z(workshop_path):
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *"catatan salah", "enter")
        await settle(pilot)
        assert [n.text for n in app.store.all(Note)] == ["catatan salah"]
        await pilot.press("ctrl+z")  # still in the note line
        await settle(pilot)
        assert app.store.all(Note) == []
        assert any("Undone: catatan salah" in str(n.message) for n in app._notifications)


async def test_undo_is_refused_when_another_terminal_changed_the_row_since(workshop_path):
    ids = seed(workshop_path)
    app = make_app(workshop_path, language="en")
    app.store.terminal = "laptop-notulis"
    other = WorkshopStore.open(workshop_path)
    other.terminal = "laptop-fasilitator"
    async with app.run_test(size=(80, 24)) as pilot:
        note = app.store.get(Note, ids["note"])
        app.store.save(note.model_copy(update={"text": "Sepakat: Sikonde"}))
        theirs = other.get(Note, ids["note"]).model_copy(update={"text": "Sepakat: Sikonde 2025"})
        other.save(theirs)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.get(Note, ids["note"]).text == "Sepakat: Sikonde 2025"
        lines = [str(n.message) for n in app._notifications]
        assert any("laptop-fasilitator has changed" in line for line in lines), lines
    other.close()


async def test_a_terminal_undoes_only_its_own_actions(workshop_path):
    ids = seed(workshop_path)
    other = WorkshopStore.open(workshop_path)
    other.terminal = "laptop-fasilitator"
    other.delete(Note, ids["note"])
    app = make_app(workshop_path, language="en")
    app.store.terminal = "laptop-notulis"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.store.all(Note) == []
        assert any("Nothing of yours to undo" in str(n.message) for n in app._notifications)
    other.close()


async def test_notes_are_searched_edited_and_deleted_and_the_history_keeps_the_old_text(workshop_path):
    ids = seed(workshop_path)
    store = WorkshopStore.open(workshop_path)
    store.save(Note(text="Data kependudukan diminta", created_at=datetime(2024, 7, 2, 10)))
    store.close()
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("N")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotesScreen) and len(screen.notes) == 2
        await pilot.press("slash", *"sepa")
        await settle(pilot)
        assert [n.text for n in screen.notes] == ["Sepakat"]
        await pilot.press("enter", "e")  # to the list; edit the note under the cursor
        await settle(pilot)
        await pilot.press("end", *" Sikonde", "ctrl+s")
        await settle(pilot)
        assert app.store.get(Note, ids["note"]).text == "Sepakat Sikonde"
        await pilot.press("H")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        cells = [str(c) for c in app.screen.query_one(DataTable).get_row_at(0)]
        assert "“Sepakat” → “Sepakat Sikonde”" in cells[2]
        await pilot.press("escape", "x", "y")
        await settle(pilot)
        assert [n.text for n in app.store.all(Note)] == ["Data kependudukan diminta"]


async def test_a_deleted_card_is_restored_from_the_workshop_history(workshop_path):
    ids = seed(workshop_path)
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = content(app.store)
        board.delete(app.store, ids["card"])
        app.store.save(Note(text="lanjut", created_at=datetime(2024, 7, 2, 11)))  # a later action
        await pilot.press("H")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert "Innovation deleted: Serang Tatu" in str(table.get_row_at(1)[2])
        await pilot.press("down", "r")
        await settle(pilot)
        assert app.store.get(Innovation, ids["card"]).title == "Serang Tatu"
        assert len(app.store.all(Risk)) == 1 and len(app.store.all(ActionStep)) == 1
        await pilot.press("ctrl+z", "ctrl+z")  # the restore, then the note
        await settle(pilot)
        assert app.store.all(Innovation) == []
        await pilot.press("ctrl+z")  # the deletion itself
        await settle(pilot)
        assert content(app.store) == before


async def test_the_workshop_history_filters_by_terminal_and_kind(workshop_path, monkeypatch):
    monkeypatch.setenv("REMBUK_TERMINAL", "ruang-rapat")
    ids = seed(workshop_path)
    other = WorkshopStore.open(workshop_path)
    other.terminal = "laptop-fasilitator"
    other.save(other.get(Risk, ids["risk"]).model_copy(update={"impact": 5}))
    app = make_app(workshop_path, language="en")
    app.store.terminal = "laptop-notulis"
    async with app.run_test(size=(80, 24)) as pilot:
        app.store.save(app.store.get(Note, ids["note"]).model_copy(update={"text": "ubah"}))
        await pilot.press("H")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen) and len(screen.rows) == 7  # 5 from the seed
        await pilot.press("t")  # the first terminal by name
        await settle(pilot)
        assert [r[2][1] for r in screen.rows] == ["laptop-fasilitator"]
        assert "Terminal: laptop-fasilitator" in str(screen.query_one("#history-filter").render())
        await pilot.press("t", "t", "t", "f", "f", "f")  # all terminals again; kinds: cards, steps, risks
        await settle(pilot)
        assert [r[2][2] for r in screen.rows] == ["Risk changed: Server down", "Risk added: Server down"]
        await pilot.press("enter")  # that risk's own history
        await settle(pilot)
        assert app.screen.title == "History of Server down"
        assert [r[2][2] for r in app.screen.rows] == ["impact: “3” → “5”", "added: Server down"]
    other.close()


async def test_h_on_a_board_shows_the_highlighted_cards_history(workshop_path):
    ids = seed(workshop_path)
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        card = app.store.get(Innovation, ids["card"])
        app.store.save(card.model_copy(update={"problem": "Antrean panjang"}))
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert app.screen.card is not None
        await pilot.press("H")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen) and app.screen.title == "History of Serang Tatu"
        whats = [r[2][2] for r in app.screen.rows]
        assert whats == ["problem: “” → “Antrean panjang”", "added: Serang Tatu"]


async def test_h_on_an_action_plan_shows_the_history_of_the_step_under_the_cursor(workshop_path):
    ids = seed(workshop_path)
    store = WorkshopStore.open(workshop_path)
    actions.update_step(store, store.get(ActionStep, ids["step"]).model_copy(update={"activity": "Uji coba"}))
    store.close()
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"tatu", "enter")
        await settle(pilot)
        await pilot.press("H")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert app.screen.title == "History of Uji coba"
        assert [r[2][2] for r in app.screen.rows] == ["activity: “Bangun aplikasi” → “Uji coba”",
                                                        "added: Bangun aplikasi"]
