"""The first frame is drawn once, whole (issue 15): the header's line, the tiles' counts and the
latest notes are read while Textual starts and are in it, rather than in a second frame after a
worker's reading. The room is joined after it."""

from __future__ import annotations

from datetime import datetime

from core.models import Innovation, Note
from data.notes import CAPTURE_DRAFT
from data.store import WorkshopStore
from screens.capture import CaptureScreen
from screens.overview import OverviewScreen
from tests.support import settle, wait_until
from tui.app import make_app
from tui.widgets.dimension_tile import DimensionTile
from tui.widgets.notes_list import NotesList


def _seed(path, draft: str = "") -> None:
    store = WorkshopStore.open(path)
    store.save(Innovation(title="Serang Tatu", dimension="GOV", element="GOV-1", status="existing"))
    store.save(Note(text="Anggaran disetujui", created_at=datetime(2024, 7, 2, 9)))
    if draft:
        store.save_draft(CAPTURE_DRAFT, draft, store.draft_number())
    store.close()


def _record_first_overview_frame(app) -> list[tuple[list[object], str, int]]:
    """What the overview showed when it was first drawn: the tiles' summaries, the subtitle, notes."""
    seen: list[tuple[list[object], str, int]] = []
    display = app._display

    def recording(screen, renderable) -> None:
        if isinstance(screen, OverviewScreen) and renderable is not None and not seen:
            seen.append(([tile.summary for tile in screen.query(DimensionTile)], str(app.sub_title),
                         len(screen.query_one(NotesList).notes)))
        display(screen, renderable)

    app._display = recording
    return seen


async def test_the_first_frame_has_the_counts_the_notes_and_the_header(workshop_path):
    _seed(workshop_path)
    app = make_app(workshop_path, language="en")
    app.first.take("test")  # as when the file is read before Textual has started (it takes ~5 ms)
    seen = _record_first_overview_frame(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        (summaries, sub_title, notes), = seen[:1]
        assert all(summaries) and summaries[0].existing == 1
        assert sub_title.startswith(app.store.workshop().region)  # the region's line, not the empty header
        assert notes == 1
        await wait_until(pilot, lambda: app.room.terminals)  # and the room is joined after it


async def test_a_kept_draft_is_offered_from_the_first_reading(workshop_path):
    _seed(workshop_path, draft="setengah catatan")
    app = make_app(workshop_path, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, CaptureScreen))
        assert app.screen.bar.text == "setengah catatan"
