"""The agenda (susunan acara): the day's items, planned and as they ran, run against the clock.

``s`` (or Enter) starts the highlighted item and ends the one running; ``f`` ends the running
item; ``a`` adds, ``e`` edits, ``x`` deletes (after asking). ``t`` starts a free timer (a break,
an exercise) and ``T`` stops it: that is the room's one timer, the one F8 starts, shown in every
terminal and follow view. The header of every screen shows the running item and its time left
(:class:`~tui.widgets.agenda_clock.AgendaClock`); a follow view shows the agenda while this
screen drives it (:meth:`AgendaScreen.live_view`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header

from core.agenda import TimerInput, minutes_seconds, shortened
from core.i18n import _
from core.live import LiveView
from core.models import AgendaItem
from data import agenda, clock
from data.history import Item
from screens.dialogs.confirm import ask
from screens.forms.agenda_form import AgendaItemForm, TimerForm
from screens.support.base import WorkshopScreen, Workspace
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.whole_columns import WholeColumnTable
from tui.workers import in_thread

RUNNING, DONE = "▶", "✓"
"""Marks of a running and an ended item, beside their times (never colour alone)."""

TITLE_WIDTH = 28
"""Characters of an item's title the table shows, so its times fit at 80 columns."""

COLUMNS = (("day", 3), ("time", 5), ("timebox", 3), ("actual", 21), ("item", TITLE_WIDTH), ("lead", 8))
"""The table's columns and their widths: the whole row fits at 80 columns."""


class AgendaScreen(WorkshopScreen):
    """The agenda of the workshop. Escape goes back."""
    reads = frozenset({"agenda_items", "workshop"})

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.board.back", show=False, id="agenda.back"),
        Binding("s,enter", "start", "keys.agenda.start", id="agenda.start"),
        Binding("f", "finish", "keys.agenda.finish", id="agenda.finish"),
        Binding("a", "add", "keys.agenda.add", id="agenda.add"),
        Binding("e", "edit", "keys.board.edit", show=False, id="agenda.edit"),  # F1 lists it: the footer fits at 80
        Binding("x", "delete", "keys.agenda.delete", show=False, id="agenda.delete"),
        Binding("t", "timer", "keys.agenda.timer", id="agenda.timer"),
        Binding("T", "stop_timer", "keys.agenda.stop_timer", show=False, id="agenda.stop_timer"),
    ]

    @dataclass
    class Loaded(Message):
        """The agenda, read in a worker."""

        items: list[AgendaItem]

    def __init__(self, workspace: Workspace, now: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(workspace)
        self.now = now
        self.items: list[AgendaItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield WholeColumnTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
        yield SteadyFooter(compact=True)

    @property
    def table(self) -> DataTable:
        """The agenda's rows."""
        return self.query_one("#agenda-table", DataTable)

    def on_mount(self) -> None:
        self.sub_title = _("agenda.title")
        self.table.focus()
        self.set_interval(1, self._tick)

    def reload(self) -> None:
        self.load()

    @in_thread(group="agenda-load", exclusive=True)
    def load(self) -> None:
        """Read the agenda off the UI thread."""
        self.post_message(self.Loaded(agenda.agenda(self.store)))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        self.items = message.items
        table, row = self.table, self.table.cursor_row
        table.clear(columns=True)
        for column, width in COLUMNS:
            table.add_column(_(f"agenda.column.{column}"), width=width)
        for item in self.items:
            table.add_row(str(item.day), item.planned_time or "—", str(item.timebox), self._actual(item),
                          shortened(item.title, TITLE_WIDTH), item.lead or "—", key=str(item.id))
        if self.items:
            table.move_cursor(row=min(max(row, 0), len(self.items) - 1))

    def _actual(self, item: AgendaItem) -> str:
        """``▶ 10.32 · 12:40 left``, ``✓ 10.32–11.20``, or nothing before it starts."""
        if item.started_at is None:
            return ""
        start = f"{item.started_at:%H.%M}"
        if item.ended_at is not None:
            return f"{DONE} {start}–{item.ended_at:%H.%M}"
        left = int((item.due_at - self.now()).total_seconds()) if item.due_at else 0
        key = "agenda.left" if left >= 0 else "agenda.over"
        return f"{RUNNING} {start} · " + _(key, time=minutes_seconds(abs(left)))

    def live_view(self) -> LiveView:
        """A follow view shows the agenda and its running item (``screens.support.follow_content``)."""
        return LiveView(screen="agenda", title=self.sub_title)

    def _tick(self) -> None:
        """Every second: the running item's time left, in its row."""
        for item in self.items:
            if item.running:
                self.table.update_cell(str(item.id), self.table.ordered_columns[3].key, self._actual(item))

    # -- keys --------------------------------------------------------------------------------

    def _current(self) -> AgendaItem | None:
        row = self.table.cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    def history_item(self) -> Item | None:
        """``H`` shows the highlighted item's history: when it was started, finished and edited."""
        item = self._current()
        return None if item is None else Item("agenda_items", str(item.id), item.title)

    def action_back(self) -> None:
        """Back to where the agenda was opened from."""
        self.dismiss()

    def action_start(self) -> None:
        """Start the highlighted item now (ending the one running)."""
        item = self._current()
        if item is not None and item.id is not None:
            item_id = item.id
            self.change(lambda: agenda.start(self.store, item_id, self.now()))

    def action_finish(self) -> None:
        """End the running item now."""
        self.change(lambda: agenda.end(self.store, self.now()))

    def action_add(self) -> None:
        """Add an item at the end of the highlighted item's day."""
        current = self._current()
        blank = AgendaItemForm.blank(current.day if current else 1)
        self.app.push_screen(AgendaItemForm(self.store, blank), self._saved)

    def action_edit(self) -> None:
        """Edit the highlighted item."""
        item = self._current()
        if item is not None:
            self.app.push_screen(AgendaItemForm(self.store, item), self._saved)

    def _saved(self, saved: object | None) -> None:
        """A form saved the item or started the timer: read the agenda again."""
        if saved is not None:
            self.load()

    def action_delete(self) -> None:
        """Delete the highlighted item, after asking."""
        item = self._current()
        if item is not None and item.id is not None:
            item_id = item.id
            ask(self, _("agenda.confirm.delete", title=item.title),
                lambda: self.change(lambda: self.store.delete(AgendaItem, item_id)), yes=_("dialog.delete"))

    def action_timer(self) -> None:
        """Start the room's timer for a break or an exercise, with what it is for."""
        form = TimerForm(self.store, TimerInput(label=_("agenda.timer.default")), self.workspace.settings.name)
        self.app.push_screen(form, self._saved)

    def action_stop_timer(self) -> None:
        """Stop the room's timer."""
        self.change(lambda: clock.stop(self.store))

    @in_thread(group="agenda-save")
    def change(self, write: Callable[[], object]) -> None:
        """Make one change to the agenda off the UI thread; the screen then reads it again."""
        self.reload_after(write)
