"""The workshop overview: six dimension tiles and the latest notes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.message import Message
from textual.widgets import Header

from core.i18n import _
from core.models import Note, TargetType
from core.summary import DimensionSummary
from data.queries import dimension_summaries, latest_notes
from screens.support.plan_keys import ActionPlanKeys
from screens.support.setup_keys import SetupKeys
from tui.messages import CaptureContext
from tui.widgets.dimension_tile import DimensionTile
from tui.widgets.notes_list import NotesList
from tui.widgets.setup_line import SetupLine
from tui.widgets.steady_footer import SteadyFooter
from tui.workers import in_thread

DIMENSION_CODES = ("GOV", "BRA", "ECO", "LIV", "SOC", "ENV")
COLUMNS = 3
LATEST_NOTES = 30
"""How many of the latest notes the overview lists."""


class OverviewScreen(SetupKeys, ActionPlanKeys):
    """The first screen: where the room stands in each dimension."""
    reads = frozenset({"innovations", "risks", "notes", "reference"})
    _shown_counts: dict[str, int | None] | None = None
    """The change counts of what the tiles and notes show (see :meth:`load`)."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("up,k", "move(-3)", "keys.up", show=False, id="overview.up"),
        Binding("down,j", "move(3)", "keys.down", show=False, id="overview.down"),
        Binding("left,h", "move(-1)", "keys.left", show=False, id="overview.left"),
        Binding("right,l", "move(1)", "keys.right", show=False, id="overview.right"),
        *[
            Binding(str(n), f"open_board({n})", "keys.open_dimension", show=False, id=f"overview.dim{n}")
            for n in range(1, 7)
        ],
        Binding("enter", "open_board(0)", "keys.board.open", id="overview.open_board"),
        Binding("o", "open_people", "keys.people.open", show=False, id="overview.people"),
        Binding("r", "risks", "keys.risks", id="overview.risks"),
        Binding("p", "preview", "keys.preview", show=False, id="overview.preview"),
        Binding("N", "notes", "keys.notes.open", show=False, id="overview.notes"),
        Binding("i", "import_sheet", "keys.import_sheet", show=False, id="overview.import_sheet"),
    ]

    @dataclass
    class Loaded(Message):
        """Fresh counts and notes, read in a worker."""

        summaries: list[DimensionSummary]
        notes: list[Note]
        counts: dict[str, int | None] | None = None
        """The change counts of the tables it was read from (None: not known)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield SetupLine()
        with Grid(id="overview-tiles"):
            for number, code in enumerate(DIMENSION_CODES, 1):
                yield DimensionTile(code, number)
        with Vertical(id="overview-notes") as notes:
            notes.border_title = _("overview.latest_notes")
            yield NotesList()
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query(DimensionTile).first().focus()

    def reload(self) -> None:
        first = self.workspace.first.take_ready("overview") if self.workspace.first else None
        if first is None:
            self.load()
        else:  # read while Textual started: shown in the first frame, not in a second one
            self.show(self.Loaded(first.summaries, first.notes[:LATEST_NOTES]))

    @in_thread(exclusive=True, group="overview-load")
    def load(self) -> None:
        """Read the counts and the latest notes off the UI thread (the first time, the app's first reading).

        Back from a board, or after a change elsewhere, nothing is read again if no table the
        overview reads has changed since what it shows was read (the counts are read first: a
        change while reading makes the next look read again).
        """
        first = self.workspace.first.take("overview") if self.workspace.first else None
        if first is not None:
            self.post_message(self.Loaded(first.summaries, first.notes[:LATEST_NOTES]))
            return
        counts = self.store.counts(self.reads)
        if counts is not None and counts == self._shown_counts:
            return
        self.post_message(self.Loaded(dimension_summaries(self.store), latest_notes(self.store, LATEST_NOTES),
                                      counts))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        self._shown_counts = message.counts
        by_code = {s.code: s for s in message.summaries}
        for tile in self.query(DimensionTile):
            tile.summary = by_code.get(tile.code)
        self.query_one(NotesList).show(message.notes)

    def _tiles(self) -> list[DimensionTile]:
        return list(self.query(DimensionTile))

    def action_move(self, step: int) -> None:
        """Move the focus between tiles; arrows and hjkl."""
        tiles = self._tiles()
        current = tiles.index(self.focused) if self.focused in tiles else 0
        target = current + step
        if 0 <= target < len(tiles) and not (abs(step) == 1 and target // COLUMNS != current // COLUMNS):
            tiles[target].focus()

    def action_open_board(self, number: int) -> None:
        """Open dimension ``number``'s board (1–6), or the focused tile's (0)."""
        tiles = self._tiles()
        tile = tiles[number - 1] if number else self.focused
        if isinstance(tile, DimensionTile):
            from screens.board import open_board  # imported when used: start-up time matters

            tile.focus()
            open_board(self, self.workspace, tile.code)

    def action_open_people(self) -> None:
        """Open the registers of agencies and participants."""
        from screens.people import PeopleScreen

        self.app.push_screen(PeopleScreen(self.workspace))

    def action_risks(self) -> None:
        """Open the risk heatmap."""
        from screens.risk_heatmap import open_heatmap

        open_heatmap(self, self.workspace)

    def action_preview(self) -> None:
        """Open the minutes' preview (and, from there, the exports)."""
        from screens.preview import PreviewScreen  # imported when used: start-up time matters

        self.app.push_screen(PreviewScreen(self.workspace))

    def action_notes(self) -> None:
        """Every note: search, edit, delete."""
        from screens.notes import NotesScreen

        self.app.push_screen(NotesScreen(self.workspace))

    def action_import_sheet(self) -> None:
        """Import an agency's spreadsheet, previewed before anything is written."""
        from screens.import_sheet import ImportSheetScreen

        self.app.push_screen(ImportSheetScreen(self.workspace))

    def capture_context(self) -> CaptureContext:
        tile = self.focused
        if isinstance(tile, DimensionTile) and tile.summary:
            return CaptureContext(tile.summary.name, tile.code, TargetType.DIMENSION)
        return super().capture_context()
