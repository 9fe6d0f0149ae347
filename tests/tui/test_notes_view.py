"""The notes view over many notes (issue 15): a new note joins the list in place, as typed.

Before, each reload (a note saved here or in another terminal) cleared the 5,000-row table and
built it again, about 0.7 s of CPU per note on the stress workshop; the speaker and the text
were also read as Rich markup, so ``[Dinas]`` vanished from the list.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from core.models import Note
from data.notes import capture_note
from data.store import WorkshopStore
from screens.notes import NotesScreen
from tests.support import press, settle, wait_until
from tui.app import make_app

NOTES = 400


def many_notes(store: WorkshopStore) -> None:
    start = datetime(2024, 7, 2, 8, 0)
    for n in range(NOTES):
        capture_note(store, Note(text=f"Catatan nomor {n}", created_at=start + timedelta(minutes=n)))


def shown(table, row: int) -> str:
    """The row's cells as the screen shows their text."""
    return " | ".join(str(cell) for cell in table.get_row_at(row))


async def test_a_note_saved_elsewhere_joins_the_list_without_rebuilding_it(make_workshop):
    path = make_workshop(seed=many_notes)
    app = make_app(path, language="en", poll_interval=0.2)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "N", "down", "down")
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        table = notes.table
        assert table.row_count == NOTES and "Catatan nomor 399" in shown(table, 0)
        kept = {key.value: key for key in table.rows}
        other = WorkshopStore.open(path)
        try:
            capture_note(other, Note(text="[Dinas] minta data  produksi", speaker="[b]Sari[/b]",
                                     created_at=datetime(2024, 7, 3, 9, 0)))
        finally:
            other.close()
        await wait_until(pilot, lambda: table.row_count == NOTES + 1, what="the new note in the list")
        await settle(pilot)
        assert shown(table, 0).endswith("[b]Sari[/b] | [Dinas] minta data produksi")
        assert "Catatan nomor 399" in shown(table, 1) and "Catatan nomor 0" in shown(table, NOTES)
        assert table.cursor_row == 2
        assert all(kept[key.value] is key for key in table.rows if key.value in kept), "the old rows were rebuilt"
        assert "[Dinas] minta data produksi" in table.render_line(1).text
