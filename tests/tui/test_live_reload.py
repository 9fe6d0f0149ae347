"""What a note saved in another terminal reloads (issue 13): the screens that show notes, not a board.

Another store connection stands for the other terminal. Each test waits for a reload that must
happen (a positive sign that the change was noticed) before it checks what must not have.
"""

from __future__ import annotations

from datetime import datetime

from core.models import Innovation, Note, TargetType
from data.notes import capture_note
from data.store import WorkshopStore
from screens.board import BoardScreen
from screens.notes import NotesScreen
from screens.overview import OverviewScreen
from tests.support import press, settle, wait_until
from tui.app import make_app
from tui.widgets.notes_list import NotesList


def spy_on_reloads(screen) -> list[str]:
    """Count the screen's reloads, each still doing what it does."""
    reloads: list[str] = []
    original = screen.reload
    screen.reload = lambda: (reloads.append("reload"), original())[1]
    return reloads


def save_note_elsewhere(path, text: str, card: Innovation | None = None) -> None:
    """A note captured by another terminal on the same file: on a card, or on the workshop."""
    other = WorkshopStore.open(path)
    try:
        note = Note(text=text, created_at=datetime.now(), captured_by="Sari")
        if card is not None:
            note = note.model_copy(update={"target_type": TargetType.INNOVATION, "target_id": card.id})
        capture_note(other, note)
    finally:
        other.close()


async def test_a_note_saved_elsewhere_does_not_reload_the_board_and_shows_on_the_overview(seeded_path):
    app = make_app(seeded_path, language="en", name="Ayu", poll_interval=0.2)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        await press(pilot, "1", "down")
        board = app.screen
        assert isinstance(board, BoardScreen)
        await settle(pilot)
        place = (board.card.innovation.title, board.board.place())
        board_reloads, overview_reloads = spy_on_reloads(board), spy_on_reloads(overview)
        told: list[frozenset[str] | None] = []
        broadcast = app.broadcast
        app.broadcast = lambda message: (told.append(message.tables), broadcast(message))[1]

        save_note_elsewhere(seeded_path, "Pasar ikan perlu cold storage")
        await wait_until(pilot, lambda: told)  # the app noticed, and told the screens in view
        await settle(pilot)
        assert told == [frozenset({"notes"})]
        assert board_reloads == [] and overview_reloads == []  # the overview, out of sight, waits
        assert (board.card.innovation.title, board.board.place()) == place
        await press(pilot, "escape")
        await wait_until(pilot, lambda: "Pasar ikan perlu cold storage" in str(overview.query_one(NotesList).render()))


async def test_a_note_on_a_card_saved_elsewhere_updates_that_cards_count(seeded_path):
    app = make_app(seeded_path, language="en", name="Ayu", poll_interval=0.2)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "1")
        board = app.screen
        assert isinstance(board, BoardScreen)
        await settle(pilot)
        card = board.card
        assert card.notes == 0
        save_note_elsewhere(seeded_path, "Libatkan koperasi nelayan", card.innovation)
        await wait_until(pilot, lambda: board.card.notes == 1)


async def test_the_notes_view_shows_a_note_saved_elsewhere(seeded_path):
    app = make_app(seeded_path, language="en", name="Ayu", poll_interval=0.2)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "N")
        notes = app.screen
        assert isinstance(notes, NotesScreen)
        await settle(pilot)
        before = len(notes.notes)
        save_note_elsewhere(seeded_path, "Data produksi dari Diskan")
        await wait_until(pilot, lambda: len(notes.notes) == before + 1)
        assert notes.notes[0].text == "Data produksi dari Diskan"


def _screens() -> list[type]:
    import importlib
    import pkgutil

    import screens
    from screens.support.base import WorkshopScreen

    for module in pkgutil.walk_packages(screens.__path__, "screens."):
        importlib.import_module(module.name)
    found, todo = [], [WorkshopScreen]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub.__module__.startswith("screens.") and not sub.__module__.startswith("screens.support."):
                found.append(sub)
            todo.append(sub)
    return found


def test_every_screen_says_what_it_reads_and_names_only_counted_tables(workshop_path):
    """A screen that does not say reloads on every change; one that names a wrong table never would."""
    from screens.support.base import WorkshopScreen

    store = WorkshopStore.open(workshop_path, readonly=True)
    try:
        counted = set(store.changes())
    finally:
        store.close()
    for screen in _screens():
        assert any("reads" in vars(c) for c in screen.__mro__ if c is not WorkshopScreen), screen
        assert screen.reads is None or screen.reads <= counted, (screen, screen.reads - counted)


async def test_an_idle_header_clock_does_not_redraw_the_screen_every_second(seeded_path):
    """An unchanged header clock redrew a whole board once a second (about 14 KB/s to the terminal)."""
    from tui.widgets.agenda_clock import AgendaClock

    app = make_app(seeded_path, language="en", name="Ayu")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "1")
        await settle(pilot)
        clock = app.screen.query_one(AgendaClock)
        drawn: list[str] = []
        original = clock.update
        clock.update = lambda *args, **kwargs: (drawn.append("update"), original(*args, **kwargs))[1]
        await pilot.pause(2.5)  # two or three ticks of the clock, nothing running
        assert drawn == []
