"""A dimension tile on the overview: its counts and its three elements.

The focused tile is marked on its title line alone: ``▶`` before the number and the title in
reverse video, which read in 16 colours and on a washed-out projector alike. Its border and
background stay as they are, so moving between tiles writes one line of each of the two tiles
(a style for ``:focus`` repainted both tiles whole: Textual writes every refreshed region in full).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Self

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.widget import Widget

from core.i18n import _
from core.summary import DimensionSummary

TITLE_MARGIN = 6
"""Cells of the top border line a title cannot take: two corners, a line and a space on each side."""


class DimensionTile(Widget, can_focus=True):
    """One dimension: innovations existing and new, quick wins, high risks, notes, elements."""

    DEFAULT_CSS = """
    DimensionTile {
        height: 9;
        border: round $primary-darken-2;
        border-title-color: $text;
        border-title-style: bold;
    }
    """

    MARK = "▶"
    """Before the focused tile's title (the board marks its highlighted card the same way)."""

    summary: reactive[DimensionSummary | None] = reactive(None, layout=False, repaint=False)
    """The counts shown; set by the screen whenever the workshop changes. Only the lines that
    changed are redrawn (a saved note changes one count: one line, not the tile)."""

    def __init__(self, code: str, number: int, **kwargs) -> None:
        super().__init__(id=f"tile-{code.lower()}", **kwargs)
        self.code = code
        self.number = number
        self._quiet = False

    def watch_summary(self, old: DimensionSummary | None, summary: DimensionSummary | None) -> None:
        if summary is not None and (old is None or old.name != summary.name):
            self.border_title = self.title()  # setting it redraws the whole tile, even to the same text
        if old is None or summary is None:
            self.refresh()
            return
        width = self.content_size.width
        before, after = _lines(old, width), _lines(summary, width)
        if len(before) != len(after):
            self.refresh()
            return
        changed = [Region(0, y, width, 1) for y, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        if changed:
            self.refresh(*changed)

    def title(self) -> Content | None:
        """The title line's text: the number and the dimension, marked if the tile has the focus."""
        if self.summary is None:
            return None
        title = f"{self.number} {self.summary.name}"
        if not self.has_focus:
            return Content(title)
        room = self.outer_size.width - TITLE_MARGIN
        marked = f"{self.MARK} {title}" if not room or cell_len(title) + 2 <= room else f"{self.MARK}{title}"
        return Content.styled(marked, "bold reverse")

    def on_resize(self) -> None:
        self._retitle()  # the mark's space may fit now, or no longer

    def focus(self, scroll_visible: bool = True) -> Self:
        with self._title_line_only():
            return super().focus(scroll_visible)

    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()  # Textual's handler is called here, once, without its repaint
        with self._title_line_only():
            Widget._on_focus(self, event)
        self._retitle()

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        with self._title_line_only():
            Widget._on_blur(self, event)
        self._retitle()

    @contextmanager
    def _title_line_only(self) -> Iterator[None]:
        """While Textual takes note of the focus, drop the whole repaints it asks for: all the
        focus changes on a tile is its title line (:meth:`_retitle`). Its styles do not change
        with the focus either (``overview.tcss`` keeps the app's bold for focused widgets off it)."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        if self._quiet and not (regions or layout or recompose):
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _retitle(self) -> None:
        """Show whether the tile has the focus, redrawing its title line only."""
        title = self.title()
        if title is None or title == self._border_title:
            return
        # Set beneath the ``border_title`` descriptor, which would redraw the whole tile.
        self._border_title = title
        offset = self.content_offset
        self.refresh(Region(-offset.x, -offset.y, self.outer_size.width, 1))

    def render(self) -> Text:
        summary = self.summary
        if summary is None:
            return Text("…")
        text = Text()
        for n, (line, dim) in enumerate(_lines(summary, self.content_size.width)):
            text.append(("\n" if n else "") + line, style="dim" if dim else "")
        return text


def _lines(summary: DimensionSummary, content_width: int) -> list[tuple[str, bool]]:
    """The tile's lines, each with whether it is dimmed (an element with no innovation)."""
    width = max(content_width, 10)
    lines = [
        _("overview.tile.innovations", existing=summary.existing, new=summary.new),
        _("overview.tile.quick_wins", candidates=summary.candidates, selected=summary.selected),
        _("overview.tile.risks", risks=summary.high_risks),
        _("overview.tile.notes", notes=summary.notes),
    ]
    shown = [(line[:width], False) for line in lines]
    shown += [(_element_line(code, label, count, width), not count)
              for code, (label, count) in summary.elements.items()]
    return shown


def _element_line(code: str, label: str, count: int, width: int) -> str:
    """``GOV-1 Layanan Publik   3``, the label cut to fit ``width``."""
    tail = f" {count}"
    room = width - len(code) - 1 - len(tail)
    label = label if len(label) <= room else label[: max(room - 1, 0)] + "…"
    return f"{code} {label.ljust(room)}{tail}"
