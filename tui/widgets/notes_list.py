"""The latest notes, one line each: day and time, kind, speaker and text.

The day is shown with the time: a workshop runs over several days, and day 2's notes followed
by day 1's would otherwise read as out of order.

A new note moves every note shown down a line, and Textual would write every line again (some
three kilobytes at 120×40 for the overview's list, issue 15). :meth:`NotesList.show` has the
terminal move the lines it already shows (a scrolling region and an inserted line, which every
terminal since the VT100 does, tmux too) and writes only the new note's line, when it can tell
that the terminal shows the list as drawn and that nothing else shares its lines.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Region
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
    """The notes shown, newest first (:meth:`show` writes fewer bytes when it can)."""

    def show(self, notes: list[Note]) -> None:
        """Show ``notes``; new ones on top of those shown move the lines on the terminal."""
        old = self.notes
        shift = _shift(old, notes)
        if shift and self._move_lines_down(shift):
            self.set_reactive(NotesList.notes, notes)
            self._styles_cache.clear()  # lines painted later are drawn from the new notes
            return
        self.notes = notes

    def _move_lines_down(self, lines: int) -> bool:
        """Have the terminal move this list's visible lines down by ``lines``; False if it cannot
        be sure of the result (then the list is drawn again whole, as Textual does)."""
        app, screen = self.app, self.screen
        if (app.is_headless or not self.is_mounted or not self.display or self._repaint_regions
                or self._layout_required or not (screen is app.screen or screen in app._background_screens)):
            return False
        geometry = screen._compositor.full_map.get(self)
        if geometry is None:
            return False
        shown = geometry.region.intersection(geometry.clip)
        if hasattr(screen, "uncovered") and screen is not app.screen:
            shown = screen.uncovered(shown)
        if shown is None or shown.height <= lines or shown.y != geometry.region.y:
            return False
        rows = range(shown.y, shown.bottom)
        for layer in {screen, app.screen}:
            for widget, other in layer._compositor.full_map.items():
                if widget is self or widget in self.ancestors_with_self or not other.region:
                    continue
                visible = other.region.intersection(other.clip)
                if visible and visible.y < rows.stop and visible.bottom > rows.start and not (
                        layer is app.screen and widget is app.screen):
                    return False  # another widget shares these lines: moving them would move it
        driver = app._driver
        painters = [w for w in self.ancestors_with_self if isinstance(w, Widget) and w is not screen]
        widest = screen._compositor.full_map.get(painters[-1])
        if driver is None or widest is None or widest.region.x or widest.region.width != screen.size.width:
            return False  # the lines moved hold more than this list and its containers
        top, bottom = shown.y + 1, shown.bottom
        driver.write(f"\x1b[{top};{bottom}r\x1b[{top};1H\x1b[{lines}L\x1b[r")
        mirror = getattr(screen, "mirror", None)  # a screen that remembers what it wrote there
        if mirror is not None:
            mirror.forget_rows(rows)
        for widget in painters:  # the lines inserted are blank, edge to edge: each paints its part
            region = screen._compositor.full_map[widget].region
            local = Region(0, shown.y - region.y, region.width, lines)
            widget.refresh(local.translate(-widget.content_offset))
        return True

    def render(self) -> Text:
        if not self.notes:
            return Text(_("notes.none"), style="dim italic")
        lines = [note_line(note) for note in self.notes]
        for line in lines:
            line.truncate(self.content_size.width or 80, overflow="ellipsis")
        return Text("\n").join(lines)


def _shift(old: list[Note], new: list[Note]) -> int:
    """How many notes ``new`` has on top of ``old`` moved down (0: it is not that)."""
    if not old or len(new) != len(old) or new == old:
        return 0
    for shift in range(1, len(new)):
        if new[shift:] == old[:-shift]:
            return shift
    return 0
