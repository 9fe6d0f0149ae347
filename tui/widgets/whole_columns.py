"""A table that scrolls sideways by whole columns and marks every cut with an ellipsis.

Textual's ``DataTable`` scrolls sideways cell by cell. With fixed columns, the first scrolled
column then starts in the middle of its text, right after the fixed ones, and the two read as
one (``pelaca entase``: the end of one column, then the middle of the next). A
:class:`WholeColumnTable` only ever stops where a column begins: each sideways step (an arrow, a
wheel turn, the cursor moving on) goes one column or more, so the first column after the fixed
ones is always whole. At the right edge, the column the screen cuts ends in ``…``, and so does a
cell too long for its column's width: a cut is always marked, never silent.

A long table fills quickly: :meth:`WholeColumnTable.add_rows` adds its rows in one update (not
one each), and a one-line row of plain cells is measured by its text's width, not by rendering
every cell through Rich (thousands of rows, a few milliseconds instead of a second or more).

A ``DataTable`` reads a string cell as Rich markup, so a note typed as ``cek [/anggaran]`` broke
the table that showed it (an unmatched closing tag raises), and ``[red]`` or ``:fire:`` changed
what the room read. Every text a :class:`WholeColumnTable` is given is shown as typed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import zip_longest
from typing import Any

from rich.cells import cell_len
from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._two_way_dict import TwoWayDict
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets._data_table import CellType, Row, RowRenderables
from textual.widgets.data_table import Column, DuplicateKey, RowKey

ELLIPSIS = "…"

_MARKUP_LOOKING = re.compile(r"\[|:\S+?:")
"""What Rich would read as a style tag or an emoji code in a string cell."""


def as_typed(cell: Any) -> Any:
    """``cell`` as the table should show it: a string Rich would read as markup becomes plain
    :class:`~rich.text.Text` (other strings stay strings: they measure faster)."""
    if isinstance(cell, str) and _MARKUP_LOOKING.search(cell):
        return Text(cell, end="")
    return cell


class WholeColumnTable(DataTable[Any]):
    """A ``DataTable`` whose sideways scroll stops only where a column starts."""

    def _compute_row_renderables(self, row_index: int) -> RowRenderables:
        """Textual's cells, with text that ends in ``…`` where its column is too narrow for it."""
        renderables = super()._compute_row_renderables(row_index)
        one_line = row_index == -1 or self.ordered_rows[row_index].height == 1
        if not one_line:
            return renderables
        return RowRenderables(renderables.label, [_ellipsised(cell) for cell in renderables.cells])

    # -- filling a long table quickly ------------------------------------------------------------

    def add_rows(self, rows: Iterable[Iterable[CellType]]) -> list[RowKey]:
        """Textual's ``add_rows`` as one update: the same rows, keys and cursor, one refresh."""
        return self.add_keyed_rows((None, cells) for cells in rows)

    def add_row(self, *cells: CellType, height: int | None = 1, key: str | None = None,
                label: Any = None) -> RowKey:
        """Textual's ``add_row``, its text shown as typed."""
        return super().add_row(*map(as_typed, cells), height=height, key=key, label=label)

    def update_cell(self, row_key: RowKey | str, column_key: Any, value: CellType, *,
                    update_width: bool = False) -> None:
        """Textual's ``update_cell`` (``update_cell_at`` comes here too), shown as typed."""
        super().update_cell(row_key, column_key, as_typed(value), update_width=update_width)

    def add_keyed_rows(self, rows: Iterable[tuple[str | None, Iterable[CellType]]]) -> list[RowKey]:
        """Add rows at the bottom in one update, each under its key (None: a fresh one)."""
        columns = self.ordered_columns
        keys: list[RowKey] = []
        for name, cells in rows:
            values = list(map(as_typed, cells))
            if len(values) > len(columns):
                raise ValueError("More values provided than there are columns.")
            key = RowKey(name)
            if key in self._row_locations:
                raise DuplicateKey(f"The row key {key!r} already exists.")
            self._row_locations[key] = self.row_count
            self._data[key] = {column.key: cell for column, cell in zip_longest(columns, values)}
            self.rows[key] = Row(key, 1)
            self._new_rows.add(key)
            keys.append(key)
        if not keys:
            return keys
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if self.row_count == len(keys) and self.columns and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += 1
        self.check_idle()
        return keys

    def show_rows(self, rows: Sequence[tuple[str, Sequence[CellType]]]) -> None:
        """Show exactly ``rows`` (key, cells), in that order, changing only the rows that differ.

        A list read again after one new or edited row (a note saved, another terminal's change)
        keeps its thousands of other rows: the new ones are added, changed cells updated, gone
        ones removed, and the order set once. When most rows differ, the table is filled afresh.
        """
        wanted = {key: list(map(as_typed, cells)) for key, cells in rows}
        present = {key.value: key for key in self.rows if key.value is not None}
        gone = [key for name, key in present.items() if name not in wanted]
        new = [(name, cells) for name, cells in wanted.items() if name not in present]
        most_differ = 2 * (len(gone) + len(new)) > max(len(wanted), 1)
        if most_differ or len(present) != len(self.rows) or len(wanted) != len(rows):
            self.clear()
            self.add_keyed_rows(wanted.items())
            return
        for key in gone:
            self.remove_row(key)
        columns = self.ordered_columns
        for name, cells in wanted.items():
            if name in present:
                old = self._data[present[name]]
                for column, cell in zip_longest(columns, cells):
                    if old.get(column.key) != cell:
                        self.update_cell(present[name], column.key, cell, update_width=True)
        self.add_keyed_rows(new)
        order = [RowKey(name) for name in wanted]
        if [self._row_locations.get_key(index) for index in range(len(order))] != order:
            self._row_locations = TwoWayDict({key: index for index, key in enumerate(order)})
            self._update_count += 1
            self.refresh()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Textual's, with one-line rows of plain cells measured by their text's width.

        A column whose new cells are all printable ASCII strings (most of a register) is measured
        in one pass over the column; other cells one by one; a row with a cell only Rich can
        measure (or a label, or more than one line) goes to Textual as before.
        """
        plain: list[RowKey] = []
        others: list[RowKey] = []
        for key in new_rows:
            row = self.rows.get(key)
            if row is None or key not in self._row_locations:
                continue
            (others if row.label is not None or row.auto_height or row.height != 1 else plain).append(key)
        for column in self.ordered_columns:
            cells = [self._data[key].get(column.key) for key in plain]
            width = _column_width(cells)
            if width is None:
                measured = [_plain_width(cell) for cell in cells]
                others.extend(key for key, m in zip(plain, measured, strict=True) if m is None)
                width = max((m for m in measured if m is not None), default=0)
            column.content_width = max(column.content_width, width)
        super()._update_dimensions(list(dict.fromkeys(others)))

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
        visible = shown - self.cell_padding
        if line or visible < 1 or _cell_width(cell) <= visible:  # only its padding shows: nothing cut
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


def _ellipsised(cell: RenderableType) -> RenderableType:
    """A one-line text cell cut with ``…``, rather than silently, when its column is narrower."""
    if not isinstance(cell, Text):
        return cell
    cut = cell.copy()
    cut.no_wrap, cut.overflow = True, "ellipsis"
    return cut


def _column_width(cells: list[object]) -> int | None:
    """The widest of ``cells`` if all are strings whose every character takes one
    cell (letters, ``…``, ``·``: most of a register), else None."""
    if not all(type(cell) is str for cell in cells):
        return None
    joined = "".join(cells)  # type: ignore[arg-type]
    if not (joined.isascii() and joined.isprintable() or all(cell_len(char) == 1 for char in set(joined))):
        return None
    return max(map(len, cells), default=0)  # type: ignore[arg-type]


def _plain_width(cell: object) -> int | None:
    """The width a one-line cell takes in a row of height 1, or None if Rich must measure it.

    Strings here are plain (:func:`as_typed` made markup-looking ones Text). Text with a line
    break, and any other renderable, Rich measures.
    """
    if cell is None:
        return 0
    if isinstance(cell, str):
        if "\n" in cell:
            return None
        return cell_len(cell)
    if isinstance(cell, Text):
        return None if "\n" in cell.plain else cell.cell_len
    if isinstance(cell, bool | int):
        return len(str(cell))
    return None


def _cell_width(cell: object) -> int:
    """How many cells a cell's text takes (0 for what is not text)."""
    if isinstance(cell, Text):
        return cell.cell_len
    return cell_len(cell) if isinstance(cell, str) else 0
