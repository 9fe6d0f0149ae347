"""Every note of the workshop: search as you type, edit, delete (``N`` on the overview).

The minutes always show a note's current text; the history (``H`` on a note) keeps every
earlier one, and Ctrl+Z brings back a note deleted by mistake. The list is a DataTable, which
draws only the rows in view, so 5,000 notes scroll as fast as 50; read again (a note saved here
or in another terminal), it changes only the rows that differ, not all 5,000.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header, Input, Label

from core.i18n import _
from core.labels import enum_label
from core.models import Note
from data.history import Item
from data.notes import count_notes, search_notes
from screens.dialogs.confirm import ask
from screens.forms.note_form import NoteForm
from screens.support.base import WorkshopScreen, Workspace
from tui.messages import NoteSaved
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.whole_columns import WholeColumnTable
from tui.workers import in_thread


class NotesScreen(WorkshopScreen):
    """The notes, newest first, narrowed by the words typed in the search line."""
    reads = frozenset({"notes"})

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.board.back", show=False, id="notes.back"),
        Binding("slash", "search", "keys.notes.search", id="notes.search"),
        Binding("e", "edit", "keys.notes.edit", id="notes.edit"),
        Binding("x,delete", "delete", "keys.notes.delete", id="notes.delete"),
    ]

    @dataclass
    class Loaded(Message):
        """The notes matching the search, read in a worker."""

        notes: list[Note]
        total: int

    def __init__(self, workspace: Workspace, about: Item | None = None) -> None:
        super().__init__(workspace, id="notes")
        self.about = about
        """Only the notes attached to this card (None: every note)."""
        self.notes: list[Note] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=_("notes.search_placeholder"), id="notes-search", compact=True)
        yield Label("", id="notes-count", markup=False)
        yield WholeColumnTable(id="notes-table", cursor_type="row", zebra_stripes=True)
        yield SteadyFooter()

    @property
    def table(self) -> WholeColumnTable:
        """The list of notes."""
        return self.query_one("#notes-table", WholeColumnTable)

    @property
    def search(self) -> Input:
        """The search line."""
        return self.query_one("#notes-search", Input)

    def on_mount(self) -> None:
        self.title = _("notes.title") + (f" · {self.about.label}" if self.about else "")
        self.table.add_columns(_("history.col.when"), _("notes.form.kind"), _("notes.form.speaker"),
                               _("notes.form.text"))
        self.table.focus()

    def reload(self) -> None:
        self.load(self.search.value)

    @on(Input.Changed, "#notes-search")
    def searched(self) -> None:
        self.reload()

    @on(Input.Submitted, "#notes-search")
    def to_list(self) -> None:
        self.table.focus()

    @in_thread(group="notes-load", exclusive=True)
    def load(self, words: str) -> None:
        """Read the matching notes off the UI thread."""
        about = int(self.about.row_key) if self.about else None
        self.post_message(self.Loaded(search_notes(self.store, words, about), count_notes(self.store, about)))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        self.notes = message.notes
        keep = self.table.cursor_row
        # The speaker and the text are what people typed: shown as typed, never read as markup.
        self.table.show_rows([(str(note.id), [note.created_at.strftime("%d-%m %H:%M"), enum_label(_, note.kind),
                                              Text(note.speaker), Text(" ".join(note.text.split()))])
                              for note in message.notes])
        self.table.move_cursor(row=min(keep, max(len(message.notes) - 1, 0)))
        self.query_one("#notes-count", Label).update(
            _("notes.count", shown=len(message.notes), total=message.total))

    def current(self) -> Note | None:
        """The note under the cursor."""
        row = self.table.cursor_row
        return self.notes[row] if 0 <= row < len(self.notes) else None

    def history_item(self) -> Item | None:
        note = self.current()
        return None if note is None else Item("notes", str(note.id), note.text[:40])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            return self.current() is not None and self.focused is self.table
        return True

    def action_search(self) -> None:
        """Put the cursor in the search line."""
        self.search.focus()

    def action_back(self) -> None:
        """From the search line to the list; from the list, back."""
        if self.focused is self.search:
            self.table.focus()
        else:
            self.dismiss()

    @on(DataTable.RowSelected, "#notes-table")
    def selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        """Edit the note under the cursor."""
        note = self.current()
        if note is not None:
            self.app.push_screen(NoteForm(self.store, note), self._edited)

    def _edited(self, note: Note | None) -> None:
        """The form saved the note (an edit another terminal saved first stays in the form)."""
        if note is not None:
            self.app.post_message(NoteSaved(note))

    def action_delete(self) -> None:
        """Delete the note under the cursor, after asking."""
        note = self.current()
        if note is not None:
            ask(self, _("notes.delete_question"), lambda: self.delete(note), yes=_("dialog.delete"))

    @in_thread(group="notes-save")
    def delete(self, note: Note) -> None:
        """Delete one note off the UI thread; the screen then reads the notes again."""
        self.reload_after(lambda: self.store.delete(Note, note.id or 0))
