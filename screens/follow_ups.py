"""The follow-up register: every follow-up and data request, those carried from earlier stages
included, with the agency that must act, the due date and the status.

Space steps the highlighted one's status (open → done → dropped → open); ``d`` marks it done,
``o`` opens it again; Enter or ``e`` sets its agency, due date and status in a form. An open one
past its due date says ``! overdue`` in its due column (never colour alone).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header

from core.agenda import shortened
from core.follow_ups import NEXT_STATUS, overdue
from core.i18n import _, current_language, translator
from core.labels import short_date
from core.models import Agency, FollowUpStatus, Note, Origin
from data.follow_ups import follow_ups, note_origins
from data.history import Item
from data.people import agencies
from screens.forms.follow_up_form import FollowUpForm
from screens.support.base import WorkshopScreen, Workspace
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.whole_columns import WholeColumnTable
from tui.workers import in_thread

MARKS = {FollowUpStatus.OPEN: "[ ]", FollowUpStatus.DONE: "[✓]", FollowUpStatus.DROPPED: "[–]"}
"""Each status as a mark beside its word."""

TEXT_WIDTH = 24
"""Characters of a follow-up's text the table shows (Enter shows it whole in the form)."""

COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("status", 12), ("due", None), ("agency", 12), ("text", TEXT_WIDTH), ("kind", 15), ("from", 10))
"""The table's columns and their widths, most telling first: the first four fit at 80 columns.
The due date takes the width its longest date needs (``! lewat 30 September 2024``); a cell
longer than its column ends in ``…``."""


@dataclass
class Register:
    """What the screen shows, read together."""

    notes: list[Note]
    origins: dict[int, Origin]
    agencies: list[Agency]


class FollowUpScreen(WorkshopScreen):
    """The follow-ups and data requests of the series. Escape goes back."""
    reads = frozenset({"notes", "origins", "agencies", "workshop"})

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.board.back", show=False, id="follow_ups.back"),
        Binding("space", "step", "keys.follow_ups.step", id="follow_ups.step"),
        Binding("d", "mark('done')", "keys.follow_ups.done", id="follow_ups.done"),
        Binding("o", "mark('open')", "keys.follow_ups.open", show=False, id="follow_ups.open"),
        Binding("e", "edit", "keys.board.edit", id="follow_ups.edit"),
    ]

    @dataclass
    class Loaded(Message):
        """The register, read in a worker."""

        register: Register

    def __init__(self, workspace: Workspace, today: Callable[[], date] = date.today) -> None:
        super().__init__(workspace)
        self.today = today
        self.register: Register | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        # The status stays in view when → shows the columns further right.
        yield WholeColumnTable(id="follow-up-table", cursor_type="row", zebra_stripes=True, fixed_columns=1)
        yield SteadyFooter(compact=True)

    @property
    def table(self) -> WholeColumnTable:
        """The register's rows."""
        return self.query_one("#follow-up-table", WholeColumnTable)

    def on_mount(self) -> None:
        self.sub_title = _("follow_ups.title")
        self.table.focus()

    def reload(self) -> None:
        self.load()

    @in_thread(group="follow-ups-load", exclusive=True)
    def load(self) -> None:
        """Read the register off the UI thread."""
        self.post_message(self.Loaded(Register(follow_ups(self.store), note_origins(self.store),
                                               agencies(self.store))))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        self.register = register = message.register
        names = {a.id: a.abbreviation for a in register.agencies}
        table, row = self.table, self.table.cursor_row
        table.clear(columns=True)
        for column, width in COLUMNS:
            table.add_column(_(f"follow_ups.column.{column}"), width=width)
        table.add_keyed_rows(  # one update for the whole register
            (str(note.id), [f"{MARKS[note.status]} {_(f'enum.FollowUpStatus.{note.status.value}')}",
                            self._due(note), names.get(note.owner_agency_id, "—"),
                            shortened(note.text, TEXT_WIDTH), _(f"enum.NoteKind.{note.kind.value}"),
                            _(f"enum.Stage.{origin.stage.value}") if origin else _("follow_ups.here")])
            for note in register.notes for origin in [register.origins.get(note.id or 0)])
        if register.notes:
            table.move_cursor(row=min(max(row, 0), len(register.notes) - 1))

    def _due(self, note: Note) -> str:
        """The due date, with ``! overdue`` once an open one is past it."""
        if note.due is None:
            return "—"
        shown = short_date(translator(current_language()), note.due)
        return _("follow_ups.overdue", date=shown) if overdue(note, self.today()) else shown

    # -- keys --------------------------------------------------------------------------------

    def _current(self) -> Note | None:
        notes = self.register.notes if self.register else []
        row = self.table.cursor_row
        return notes[row] if 0 <= row < len(notes) else None

    def history_item(self) -> Item | None:
        """``H`` shows the highlighted follow-up's history."""
        note = self._current()
        return None if note is None else Item("notes", str(note.id), note.text[:40])

    def action_back(self) -> None:
        """Back to where the register was opened from."""
        self.dismiss()

    def action_step(self) -> None:
        """Step the highlighted one's status: open → done → dropped → open."""
        note = self._current()
        if note is not None:
            self.save(note.model_copy(update={"status": NEXT_STATUS[note.status]}))

    def action_mark(self, status: str) -> None:
        """Mark the highlighted one done, or open again."""
        note = self._current()
        if note is not None:
            self.save(note.model_copy(update={"status": FollowUpStatus(status)}))

    def action_edit(self) -> None:
        """Set the highlighted one's agency, due date and status."""
        note = self._current()
        if note is not None and self.register is not None:
            self.app.push_screen(FollowUpForm(self.store, note, self.register.agencies), self._saved)

    @on(DataTable.RowSelected)
    def row_selected(self) -> None:
        self.action_edit()

    def _saved(self, note: Note | None) -> None:
        """The form saved the follow-up: read the register again."""
        if note is not None:
            self.load()

    @in_thread(group="follow-ups-save")
    def save(self, note: Note) -> None:
        """Store the change off the UI thread; the screen then reads the register again."""
        self.reload_after(lambda: self.store.save(note))
