"""The history view: the workshop's latest changes, or every change of one item, with who and when.

``H`` on any screen opens it: for the card, risk, step or note the screen has highlighted, that
item's changes; elsewhere the whole workshop's latest actions, which ``t`` filters by terminal
and ``f`` by kind. Enter on an action shows its item's history; ``r`` restores what an action
deleted. A DataTable draws only the rows in view, so a long record scrolls without delay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label

from core.i18n import _
from data import history, undo
from data.history import Entry, Item, ItemChange
from screens.support.base import WorkshopScreen, Workspace
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.whole_columns import WholeColumnTable
from tui.workers import in_thread

KINDS = ("innovations", "action_steps", "risks", "notes", "quick_win_scores", "agencies",
         "participants", "attendance", "agenda_items", "workshop", "reference")
"""The kinds of change the filter steps through (tables), after 'all kinds'."""

HIDDEN_FIELDS = {"version"}


@dataclass
class Reversed(Message):
    """An undo, redo or restore finished: the one line to show, and whether it changed anything."""

    line: str
    changed: bool
    item: Item | None = None
    """The row it was mainly about (a screen showing it highlights it)."""


def item_of(screen: Screen) -> Item | None:
    """The item a screen has highlighted, if it shows one."""
    return screen.history_item() if isinstance(screen, WorkshopScreen) else None


def _when(at: str) -> str:
    """``02-07 09:15``: the day and time (a workshop's record spans days, not years)."""
    return datetime.fromisoformat(at).strftime("%d-%m %H:%M")


def entry_text(entry: Entry) -> str:
    """One action in the user's language: ``Undo · Note deleted: …`` (undone ones say so)."""
    kind = _(f"history.kind.{entry.kind}") if entry.kind != "do" else ""
    mark = _("history.reversed_mark") if entry.reversed else ""
    return _("history.entry", kind=kind, table=_(f"history.table.{entry.table}"),
             op=_(f"history.op.{entry.verb or entry.op}"), mark=mark, label=entry.label)


def change_text(change: ItemChange) -> str:
    """What one change did to an item: the fields it changed, before and after."""
    kind = _(f"history.kind.{change.kind}") if change.kind != "do" else ""
    if change.verb:  # "started: 02-07 10:32", not the stored timestamps
        stamp = (change.new or {}).get("started_at" if change.verb == "started" else "ended_at") or ""
        return f"{kind}{_(f'history.op.{change.verb}')}: {_when(stamp)}"
    if change.op != "update" or not change.old or not change.new:
        label = history.row_label(change.new or change.old)
        return f"{kind}{_(f'history.op.{change.op}')}: {label}"
    fields = [_("history.field_change", field=name, old=_short(change.old.get(name)), new=_short(value))
              for name, value in change.new.items()
              if name not in HIDDEN_FIELDS and change.old.get(name) != value]
    return kind + "; ".join(fields)


def _short(value: Any) -> str:
    text = " ".join(str("" if value is None else value).split())
    return text if len(text) <= 40 else text[:39] + "…"


class HistoryScreen(WorkshopScreen):
    """Every recorded change of one item, or the workshop's latest actions."""
    reads = None  # the record of every change: any change reloads it

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.board.back", show=False, id="history.back"),
        Binding("t", "filter_terminal", "keys.history.filter_terminal", id="history.terminal"),
        Binding("f", "filter_kind", "keys.history.filter_kind", id="history.kind"),
        Binding("r", "restore", "keys.history.restore", id="history.restore"),
        Binding("enter", "open_item", "keys.history.item", show=False, id="history.item"),
    ]

    @dataclass
    class Loaded(Message):
        """Rows read in a worker: action ids and the cells to show."""

        rows: list[tuple[int, str, list[str]]]
        """(action id, the first change's op, cells) per row."""
        terminals: list[str]
        items: list[Item | None]

    def __init__(self, workspace: Workspace, item: Item | None = None) -> None:
        super().__init__(workspace)
        self.item = item
        self.terminal = ""
        self.kind = ""
        self.terminals: list[str] = []
        self.rows: list[tuple[int, str, list[str]]] = []
        self.items: list[Item | None] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="history-filter", markup=False)
        yield WholeColumnTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield SteadyFooter()

    @property
    def table(self) -> DataTable:
        """The list of changes."""
        return self.query_one("#history-table", DataTable)

    def on_mount(self) -> None:
        self.title = (_("history.title_item", item=self.item.label) if self.item else _("history.title"))
        columns = ["when", "who", "what"] if self.item else ["when", "who", "what", "rows"]
        self.table.add_columns(*[_(f"history.col.{c}") for c in columns])
        self.table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("filter_terminal", "filter_kind", "open_item"):
            return self.item is None
        return True

    def reload(self) -> None:
        self.load(self.item, self.terminal, self.kind)

    @in_thread(group="history-load", exclusive=True)
    def load(self, item: Item | None, terminal: str, kind: str) -> None:
        """Read the record off the UI thread."""
        if item is not None:
            changes = history.of_item(self.store, item.table, item.row_key)
            rows = [(c.action_id, c.op, [_when(c.at), c.terminal, change_text(c)]) for c in changes]
            self.post_message(self.Loaded(rows, [], [item] * len(rows)))
            return
        entries = history.latest(self.store, terminal, kind)
        rows = [(e.action_id, e.op, [_when(e.at), e.terminal, entry_text(e), str(e.rows)]) for e in entries]
        items = [Item(e.table, e.row_key, e.label) if e.table in history.ITEM_TABLES else None
                 for e in entries]
        self.post_message(self.Loaded(rows, history.terminals(self.store), items))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        self.rows, self.items, self.terminals = message.rows, message.items, message.terminals
        keep = self.table.cursor_row
        self.table.clear()
        for action_id, _op, cells in message.rows:
            self.table.add_row(*cells, key=str(action_id) + ":" + str(self.table.row_count))
        if not message.rows:
            self.table.add_row(*([_("history.none")] + [""] * (len(self.table.columns) - 1)))
        self.table.move_cursor(row=min(keep, max(self.table.row_count - 1, 0)))
        self._show_filter()

    def _show_filter(self) -> None:
        label = self.query_one("#history-filter", Label)
        label.display = self.item is None
        kind = _(f"history.table.{self.kind}") if self.kind else _("history.all_kinds")
        terminal = self.terminal or _("history.all_terminals")
        label.update(_("history.filter_line", terminal=terminal, kind=kind))

    def action_filter_terminal(self) -> None:
        """Step through the terminals that wrote to the workshop, then all again."""
        self.terminal = _next(["", *self.terminals], self.terminal)
        self.reload()

    def action_filter_kind(self) -> None:
        """Step through the kinds of item (cards, steps, risks, notes, …), then all again."""
        self.kind = _next(["", *KINDS], self.kind)
        self.reload()

    def _current(self) -> int | None:
        row = self.table.cursor_row
        return row if 0 <= row < len(self.rows) else None

    def action_open_item(self) -> None:
        """Every change of the item the highlighted action was about."""
        row = self._current()
        if row is not None and self.items[row] is not None:
            self.app.push_screen(HistoryScreen(self.workspace, self.items[row]))

    @on(DataTable.RowSelected, "#history-table")
    def selected(self) -> None:
        self.action_open_item()

    def action_restore(self) -> None:
        """Bring back what the highlighted action deleted."""
        row = self._current()
        if row is None:
            return
        if self.rows[row][1] != "delete":
            self.notify(_("history.not_deleted"), severity="warning", markup=False)
            return
        self.restore(self.rows[row][0])

    @in_thread(group="history-restore")
    def restore(self, action_id: int) -> None:
        """Restore off the UI thread; a refusal is one line."""
        try:
            outcome = undo.restore_deleted(self.store, action_id)
        except undo.UndoRefused as refused:
            self.app.post_message(Reversed(str(refused), changed=False))
            return
        self.app.post_message(Reversed(_("history.restored", what=outcome.label), changed=True, item=outcome.item))

    def action_back(self) -> None:
        """Back to the screen the history was opened from."""
        self.dismiss()


def _next(choices: list[str], current: str) -> str:
    return choices[(choices.index(current) + 1) % len(choices)] if current in choices else choices[0]
