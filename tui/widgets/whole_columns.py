"""A table that scrolls sideways by whole columns and marks every cut with an ellipsis.

Textual's ``DataTable`` scrolls sideways cell by cell. With fixed columns, the first scrolled
column then starts in the middle of its text, right after the fixed ones, and the two read as
one (``pelaca entase``: the end of one column, then the middle of the next). A
:class:`WholeColumnTable` only ever stops where a column begins: each sideways step (an arrow, a
wheel turn, the cursor moving on) goes one column or more, so the first column after the fixed
ones is always whole. At the right edge, the column the screen cuts ends in ``…``, and so does a
cell too long for its column's width: a cut is always marked, never silent.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import Column, RowKey

ELLIPSIS = "…"


def clipped_cell(cell: object) -> object:
    """A text cell as plain text that ends in ``…`` when its column is too narrow for it.

    Plain: a cell is what someone typed, so ``[b]`` in it is shown, never read as markup.
    """
    if isinstance(cell, str):
        return Text(cell, no_wrap=True, overflow="ellipsis", end="")
    return cell


class WholeColumnTable(DataTable[Any]):
    """A ``DataTable`` whose sideways scroll stops only where a column starts."""

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None,
                label: Any = None) -> RowKey:
        """Add a row; its text cells end in ``…`` where their column cuts them."""
        return super().add_row(*[clipped_cell(cell) for cell in cells], height=height, key=key, label=label)

    # -- where columns start -------------------------------------------------------------------

    def column_stops(self) -> list[int]:
        """The scroll offsets at which a scrolled column starts right after the fixed ones."""
        stops, x = [0], 0
        for column in self.ordered_columns[self.fixed_columns:]:
            x += column.get_render_width(self)
            stops.append(x)
        return stops[:-1] or [0]

    def _snapped(self, value: float, current: float) -> int:
        """``value`` moved to a column start: the next one on going right, else the one before."""
        stops = self.column_stops()
        if value > current:
            index = min(bisect_left(stops, value), len(stops) - 1)
        else:
            index = max(bisect_right(stops, value) - 1, 0)
        return min(stops[index], self.max_scroll_x)

    @property
    def max_scroll_x(self) -> int:
        """The first column start from which the last column shows whole (past the end, blank)."""
        furthest = super().max_scroll_x
        if not self.ordered_columns:
            return furthest
        stops = self.column_stops()
        return stops[min(bisect_left(stops, furthest), len(stops) - 1)] if furthest else 0

    def validate_scroll_x(self, value: float) -> float:
        return self._snapped(value, self.scroll_x)

    def validate_scroll_target_x(self, value: float) -> float:
        return self._snapped(value, self.scroll_target_x)

    # -- the column the right edge cuts ----------------------------------------------------------

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        """Textual's line (``y`` counts from the table's top); a cell the right edge cuts ends in ``…``."""
        strip = super()._render_line(y, x1, x2, base_style)
        width = min(x2 - x1, self.scrollable_content_region.width)  # a vertical scrollbar covers the rest
        cut = self._cut_at_edge(x1, width)
        if cut is None or strip.cell_length < width:
            return strip
        column, shown = cut
        try:
            row_key, line = self._get_offsets(y)
        except LookupError:
            return strip
        cell = column.label if row_key is self._header_row_key else self.get_cell(row_key, column.key)
        if line or _cell_width(cell) <= shown - self.cell_padding:
            return strip
        style = next(iter(strip.crop(width - 1, width)), Segment(" ")).style
        marked = [*strip.crop(0, width - 1), Segment(ELLIPSIS, style), *strip.crop(width, x2 - x1)]
        return Strip(marked, strip.cell_length)

    def _cut_at_edge(self, scroll_x: int, width: int) -> tuple[Column, int] | None:
        """The column the right edge cuts, and how many of its cells show; None if none is cut."""
        fixed = sum(column.get_render_width(self) for column in self.ordered_columns[:self.fixed_columns])
        edge = scroll_x + width - fixed - self._row_label_column_width
        x = 0
        for column in self.ordered_columns[self.fixed_columns:]:
            right = x + column.get_render_width(self)
            if x < edge < right:
                return column, edge - x
            x = right
        return None


def _cell_width(cell: object) -> int:
    """How many cells a cell's text takes (0 for what is not text)."""
    if isinstance(cell, Text):
        return cell.cell_len
    return cell_len(cell) if isinstance(cell, str) else 0
