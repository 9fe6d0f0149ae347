"""A dimension board: the FGD's innovations as cards in columns, by element or by agency.

The room works through it in order: each column lists its existing innovations first (each
with its review outcome), then the new ones. The board is read in a thread worker and shown
by its columns widget (:class:`~tui.widgets.board_columns.BoardColumns`); every change is
written in a worker too (see ``board_edits``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, Input, Label, OptionList, Select
from textual.worker import get_current_worker

from core.i18n import _
from core.models import Agency, InnovationStatus, TargetType
from data.history import Item
from data.innovations import BoardFilter, BoardReading, Grouping, read_board
from data.schema import CARD_NOTES
from screens.innovation_detail import InnovationDetailScreen
from screens.quick_wins import QuickWinScreen
from screens.support.base import Workspace
from screens.support.board_edits import BoardEdits
from screens.support.paint_hold import open_when_read
from tui.messages import CaptureContext
from tui.widgets.board_columns import BoardColumns
from tui.widgets.choices import Choice
from tui.widgets.innovation_card import InnovationCard
from tui.widgets.steady_footer import SteadyFooter
from tui.workers import in_thread

STATUS_CYCLE = (None, InnovationStatus.EXISTING, InnovationStatus.NEW)
"""The status filter's values, in the order ``s`` steps through them."""


class BoardScreen(BoardEdits):
    """One dimension's board. Escape goes back to the overview."""
    reads = frozenset({"innovations", "action_steps", "risks", "agencies", "reference", CARD_NOTES})

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    AUTO_FOCUS = "BoardColumn"  # none yet at compose: the first load focuses the first card

    BINDINGS = [
        Binding("escape", "back", "keys.board.back", show=False, id="board.back"),
        Binding("a", "add", "keys.board.add", id="board.add"),
        Binding("e", "edit", "keys.board.edit", id="board.edit"),
        Binding("r", "review", "keys.board.review", id="board.review"),
        Binding("i", "improve", "keys.board.improve", show=False, id="board.improve"),
        Binding("p", "quick_wins", "keys.board.quick_wins", id="board.quick_wins"),
        Binding("g", "toggle_grouping", "keys.board.grouping", show=False, id="board.grouping"),
        Binding("slash", "search", "keys.board.search", show=False, id="board.search"),
        Binding("w", "toggle_candidate", "keys.board.candidate", show=False, id="board.candidate"),
        Binding("x,delete", "delete", "keys.board.delete", show=False, id="board.delete"),
        Binding("f", "filter_agency", "keys.board.filter_agency", show=False, id="board.filter_agency"),
        Binding("s", "cycle_status", "keys.board.filter_status", show=False, id="board.filter_status"),
        Binding("c", "toggle_candidates", "keys.board.filter_candidates", show=False,
                id="board.filter_candidates"),
        Binding("left,h", "column(-1)", "keys.left", show=False, id="board.left"),
        Binding("right,l", "column(1)", "keys.right", show=False, id="board.right"),
        Binding("k", "cursor(-1)", "keys.up", show=False, id="board.up"),
        Binding("j", "cursor(1)", "keys.down", show=False, id="board.down"),
        Binding("shift+up,left_square_bracket", "reorder(-1)", "keys.board.earlier", show=False,
                id="board.earlier"),
        Binding("shift+down,right_square_bracket", "reorder(1)", "keys.board.later", show=False,
                id="board.later"),
        Binding("shift+left,left_curly_bracket", "move_group(-1)", "keys.board.move_left",
                show=False, id="board.move_left"),
        Binding("shift+right,right_curly_bracket", "move_group(1)", "keys.board.move_right",
                show=False, id="board.move_right"),
    ]

    board_filter: reactive[BoardFilter] = reactive(BoardFilter(""), init=False, repaint=False)
    """What the board shows: its dimension, narrowed by the filters and the search."""

    @dataclass
    class Loaded(Message):
        """The board's cards, grouped, read in a worker."""

        reading: BoardReading
        focus_id: int | None

    def __init__(self, workspace: Workspace, dimension: str, *, reading: BoardReading | None = None,
                 id: str | None = None) -> None:
        """A board; given its first ``reading`` (see :func:`open_board`) it appears whole in one paint."""
        super().__init__(workspace, dimension, id=id)
        self.set_reactive(BoardScreen.board_filter, BoardFilter(dimension))  # no load before mount
        self._first = reading
        """The reading the board was opened with: shown at mount, so the first resume need not read."""

    def compose(self) -> ComposeResult:
        yield Header()  # the agenda clock is mounted in it as on every screen (WorkshopScreen)
        with Horizontal(id="board-bar"):
            yield Input(placeholder=_("boards.search"), id="board-search")
            yield Choice([], prompt=_("boards.filter.all_agencies"), id="board-agency")
            yield Label(id="board-filters", markup=False)
        if self._first is None:
            yield BoardColumns(id="board-columns")
        else:
            yield BoardColumns(self._first.groups, _names(self._first.agencies), id="board-columns")
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        self._show_filters()
        if self._first is not None:
            self._take(self._first)
            self.board.refocus(None, 0, 0)

    def reload(self) -> None:
        if self._first is not None:
            self._first = None  # the resume that follows the push: what it would read is shown
            return
        self.load(self._pending_focus)

    # -- loading -----------------------------------------------------------------------------

    @in_thread(exclusive=True, group="board-load")
    def load(self, focus_id: int | None = None) -> None:
        """Read the cards through the filter and group them, off the UI thread.

        If the file went away or is locked, the app's failure line says so; what is shown stays.
        """
        reading = read_board(self.store, self.board_filter, self.grouping)
        if get_current_worker().is_cancelled:
            return  # a newer filter is already being read: showing this one would only flicker
        self.post_message(self.Loaded(reading, focus_id))

    def _take(self, reading: BoardReading) -> None:
        """Keep what the forms and filters need from a reading, and show the filters it was read with."""
        self.reference = reading.reference
        self.titles = reading.titles
        self._show_filters()
        self._set_agencies(reading.agencies)
        self.sub_title = reading.reference.dimension(self.dimension).name

    @on(Loaded)
    async def show(self, message: Loaded) -> None:
        """Put the fresh cards on screen, keeping the focus on the same card where possible."""
        reading = message.reading
        self._take(reading)
        on_cards = not self._in_filter_bar()
        focus_id = message.focus_id or self._focused_card_id()
        index, row = self.board.place()
        if on_cards and len(reading.groups) < len(self.board.columns):
            self.set_focus(None)  # else Textual hands it to the filter bar as columns go
        with self.app.batch_update():  # the columns, their new widths and the focus: one paint
            await self.board.show(reading.groups, _names(reading.agencies), self.grouping is Grouping.AGENCY)
            self._pending_focus = None
            if on_cards:
                self.board.refocus(focus_id, index, row)

    def _in_filter_bar(self) -> bool:
        bar = self.query_one("#board-bar")
        return self.focused is not None and bar in self.focused.ancestors_with_self

    def _focused_card_id(self) -> int | None:
        column = self.column
        return column.current_id if column else None

    def _set_agencies(self, agencies: list[Agency]) -> None:
        if [a.id for a in agencies] == [a.id for a in self.agencies]:
            return
        self.agencies = agencies
        options = [(a.abbreviation, a.id) for a in sorted(agencies, key=lambda a: a.abbreviation.lower())]
        select = self.query_one("#board-agency", Select)
        select.set_options(options)
        if self.board_filter.agency_id is not None:
            select.value = self.board_filter.agency_id

    # -- the state ---------------------------------------------------------------------------

    def watch_grouping(self) -> None:
        self.load(self._focused_card_id())  # the filters line changes with the cards, in one paint

    def watch_board_filter(self) -> None:
        self.load(self._focused_card_id())

    def _show_filters(self) -> None:
        labels = self.query("#board-filters").results(Label)
        label = next(labels, None)
        if label is None:
            return  # not composed yet
        flt = self.board_filter
        status = flt.status.value if flt.status else "all"
        parts = [_(f"boards.grouping.{self.grouping.value}"), _(f"boards.filter.status.{status}")]
        if flt.candidates_only:
            parts.append(_("boards.filter.candidates"))
        text = " · ".join(parts)
        if str(label.content) != text:  # an update lays out and repaints even the same text
            label.update(text)

    def capture_context(self) -> CaptureContext:
        """A note attaches to the highlighted card, or else to the dimension."""
        card = self.card
        if card is not None:
            item = card.innovation
            return CaptureContext(item.title, self.dimension, TargetType.INNOVATION, item.id)
        name = self.reference.dimension(self.dimension).name if self.reference else self.dimension
        return CaptureContext(name, self.dimension, TargetType.DIMENSION)

    def history_item(self) -> Item | None:
        """``H`` shows the highlighted card's history."""
        card = self.card
        return None if card is None else Item("innovations", str(card.innovation.id), card.innovation.title)

    # -- filters -----------------------------------------------------------------------------

    @on(Input.Changed, "#board-search")
    def search_changed(self, event: Input.Changed) -> None:
        """Search as you type: every keystroke narrows the board."""
        self.board_filter = replace(self.board_filter, search=event.value)

    @on(Input.Submitted, "#board-search")
    def search_done(self) -> None:
        self.board.focus_cards()

    @on(Select.Changed, "#board-agency")
    def agency_changed(self, event: Select.Changed) -> None:
        """Show only the cards an agency leads or supports (blank: every agency)."""
        agency = event.value if isinstance(event.value, int) else None
        if agency != self.board_filter.agency_id:
            self.board_filter = replace(self.board_filter, agency_id=agency)

    def action_search(self) -> None:
        """Put the cursor in the search box; typing narrows the board at once."""
        self.query_one("#board-search", Input).focus()

    def action_filter_agency(self) -> None:
        """Open the agency filter."""
        select = self.query_one("#board-agency", Select)
        select.focus()
        select.action_show_overlay()

    def action_cycle_status(self) -> None:
        """Show all cards, only existing ones, or only new ones."""
        index = STATUS_CYCLE.index(self.board_filter.status)
        self.board_filter = replace(self.board_filter, status=STATUS_CYCLE[(index + 1) % 3])

    def action_toggle_candidates(self) -> None:
        """Show only quick-win candidates, or every card."""
        self.board_filter = replace(self.board_filter, candidates_only=not self.board_filter.candidates_only)

    def action_toggle_grouping(self) -> None:
        """Group the columns by element or by lead agency."""
        self.grouping = Grouping.AGENCY if self.grouping is Grouping.ELEMENT else Grouping.ELEMENT

    def action_quick_wins(self) -> None:
        """Score, rank and choose this dimension's quick wins."""
        self.app.push_screen(QuickWinScreen(self.workspace, self.dimension))

    def action_back(self) -> None:
        """Leave the search or filter for the cards; from the cards, go back to the overview."""
        if self.column is None and self.board.columns:
            self.board.focus_cards()
        else:
            self.dismiss()

    # -- moving around -----------------------------------------------------------------------

    def action_column(self, step: int) -> None:
        """Focus the column to the left or right, on the card at about the same height."""
        self.board.step_column(step)

    def action_cursor(self, step: int) -> None:
        """The next or previous card in the column (j and k)."""
        self.board.step_card(step)

    @on(OptionList.OptionSelected)
    def open_card(self, event: OptionList.OptionSelected) -> None:
        """Enter on a card: everything about it."""
        card_id = event.option.card.innovation.id if isinstance(event.option, InnovationCard) else None
        if card_id is not None:
            self.app.push_screen(InnovationDetailScreen(self.workspace, card_id))

    @on(OptionList.OptionHighlighted)
    def card_highlighted(self) -> None:
        """The footer follows the highlighted card (what it allows: review, move…)."""
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()


def _names(agencies: list[Agency]) -> dict[int, str]:
    """Agencies' abbreviations by id: what a card shows as its lead agency."""
    return {a.id: a.abbreviation for a in agencies if a.id is not None}


def open_board(opener: Screen[Any], workspace: Workspace, dimension: str) -> None:
    """Open ``dimension``'s board once it has been read, so that its first frame is the whole board."""
    open_when_read(opener, lambda: read_board(workspace.store, BoardFilter(dimension), Grouping.ELEMENT),
                   lambda reading: BoardScreen(workspace, dimension, reading=reading))
