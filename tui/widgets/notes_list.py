"""The latest notes, one line each: day and time, kind, speaker and text.

The day is shown with the time: a workshop runs over several days, and day 2's notes followed
by day 1's would otherwise read as out of order.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from core.i18n import _
from core.labels import enum_label
from core.models import Note
from core.text import for_cells


def note_line(note: Note) -> Text:
    """One note as a line: ``03/12 09:15 Keputusan · Ari (Diskominfosatik): …``."""
    when = note.created_at
    line = Text(_("date.day_time", day=when.day, month=when.month, time=when.strftime("%H:%M")) + " ", style="dim")
    line.append(enum_label(_, note.kind), style="bold")
    if note.speaker:
        line.append(f" · {for_cells(note.speaker)}")
    line.append(": " + for_cells(" ".join(note.text.split())))
    line.no_wrap = True
    line.overflow = "ellipsis"
    return line


class NotesList(Widget):
    """The most recent notes, newest first."""

    DEFAULT_CSS = """
    NotesList {
        height: auto;
        max-height: 6;
        text-wrap: nowrap;  /* one row a note: laid out before its width is known, it must not */
        text-overflow: ellipsis;  /* wrap (the note line then opened at twice its height) */
    }
    """

    notes: reactive[list[Note]] = reactive(list, layout=True)
    """The notes shown, newest first."""

    def render(self) -> Text:
        if not self.notes:
            return Text(_("notes.none"), style="dim italic")
        lines = [note_line(note) for note in self.notes]
        for line in lines:
            line.truncate(self.content_size.width or 80, overflow="ellipsis")
        return Text("\n").join(lines)
