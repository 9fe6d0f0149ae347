"""A board's columns side by side, and moving between them: the widget a board screen owns.

It knows its columns, which one has the focus and which card is highlighted, how to show a
fresh reading (in the same column widgets, adding or removing only the difference) and how to
put the focus back on the same card afterwards. What the keys *do* to cards is the screen's.

Grouped by agency there are more columns than fit: they are sized so that whole columns fill
the width, and scrolling moves by whole columns, so none is ever cut at the screen's edge.
"""

from __future__ import annotations

from textual import events
from textual.containers import HorizontalScroll

from data.innovations import Card, Group
from tui.widgets.innovation_card import BoardColumn


class BoardColumns(HorizontalScroll):
    """The columns of a board, left to right; the columns take the focus, not their scroller."""

    can_focus = False

    AGENCY_COLUMN_WIDTH = 26
    """The least width of a column grouped by agency: at 80 columns, three fit."""

    @property
    def columns(self) -> list[BoardColumn]:
        """The columns, left to right (its children: a query would walk the DOM, and the footer's
        checks ask for the focused column hundreds of times a key)."""
        return [child for child in self.children if isinstance(child, BoardColumn)]

    @property
    def column(self) -> BoardColumn | None:
        """The column that has the focus, if one has."""
        return next((c for c in self.children if isinstance(c, BoardColumn) and c.has_focus), None)

    @property
    def card(self) -> Card | None:
        """The highlighted card of the focused column."""
        column = self.column
        return column.current if column else None

    def neighbour(self, step: int) -> BoardColumn | None:
        """The column ``step`` places right (negative: left) of the focused one, if there is one."""
        columns, column = self.columns, self.column
        if column is None:
            return None
        target = columns.index(column) + step
        return columns[target] if 0 <= target < len(columns) else None

    def place(self) -> tuple[int, int]:
        """The focused column's index and the highlighted card's row; (0, 0) off the cards."""
        column = self.column
        return (self.columns.index(column), column.row) if column else (0, 0)

    def __init__(self, groups: list[Group] | None = None, names: dict[int, str] | None = None,
                 by_agency: bool = False, **kwargs) -> None:
        """Columns for ``groups`` at once (the board's first reading), or none until :meth:`show`."""
        super().__init__(*[BoardColumn(group, names or {}) for group in groups or []], **kwargs)
        self.set_class(by_agency, "-by-agency")

    async def show(self, groups: list[Group], names: dict[int, str], by_agency: bool) -> None:
        """Show a fresh reading; agencies' names by id, for the cards' lead agency.

        The column widgets are kept and given their new groups; only columns beyond the old
        count are mounted (or those beyond the new count removed), so a filter or regrouping
        repaints the board once instead of building it again.
        """
        columns = self.columns
        for column, group in zip(columns, groups, strict=False):
            column.show(group, names)
        self.set_class(by_agency, "-by-agency")
        if len(columns) > len(groups):
            await self.remove_children(columns[len(groups):])
        elif len(groups) > len(columns):
            added = [BoardColumn(group, names) for group in groups[len(columns):]]
            self._fit_columns([*columns, *added])
            await self.mount_all(added)
        self._fit_columns(self.columns)
        if not by_agency:
            for column in self.columns:
                if column.styles.inline.has_rule("width"):  # (has_rule counts the stylesheet's too:
                    # every reading then laid out and repainted every column, which under the
                    # note line wrote the whole board for a note on one card)
                    column.styles.width = None  # the stylesheet's share of the width again

    def on_resize(self, event: events.Resize) -> None:
        self._fit_columns(self.columns)

    def _fit_columns(self, columns: list[BoardColumn]) -> None:
        """Grouped by agency: as many whole columns as the width holds, sharing it exactly.

        Widths repeat with a period of that many columns (27, 27, 26 at 80 cells), so any
        that many neighbours fill the width to the cell.
        """
        if not self.has_class("-by-agency"):
            return
        width = self.scrollable_content_region.width
        fitting = self._fitting(width, len(columns))
        base, extra = divmod(width, fitting)
        for index, column in enumerate(columns):
            wanted = base + (1 if index % fitting < extra else 0)
            if column.styles.width is None or column.styles.width.value != wanted:
                column.styles.width = wanted  # set only when it changes: each setting is a layout

    def _fitting(self, width: int, count: int) -> int:
        return max(1, min(count, width // self.AGENCY_COLUMN_WIDTH))

    def bring_into_view(self, column: BoardColumn) -> None:
        """Scroll by whole columns until ``column`` is in view: none is ever half shown."""
        if not self.has_class("-by-agency"):
            column.scroll_visible(animate=False)
            return
        self.scroll_to(x=self._start_showing(column, [c.virtual_region.x for c in self.columns]),
                       animate=False, immediate=True)

    def _start_showing(self, column: BoardColumn, starts: list[int]) -> int:
        """Where to scroll to (by whole columns, the least way) for ``column`` to be in view."""
        columns = self.columns
        fitting = self._fitting(self.scrollable_content_region.width, len(columns))
        first = min(range(len(starts)), key=lambda n: abs(starts[n] - self.scroll_x))
        index = columns.index(column)
        first = max(0, min(max(first, index - fitting + 1), index, len(columns) - fitting))
        return starts[first]

    def _bring_into_view_before_paint(self, column: BoardColumn) -> None:
        """As :meth:`bring_into_view`, for columns just shown: scroll before they are laid out.

        Scrolling after the first paint (once the columns' places are known) painted a fresh
        reading twice, the second time all of it shifted. Grouped by agency the columns' places
        follow from the widths :meth:`_fit_columns` gave them; grouped by element they fit.
        """
        columns = self.columns
        widths = [c.styles.width.value if c.styles.width is not None else None for c in columns]
        if not self.has_class("-by-agency"):
            self._scroll_now(0)
        elif None not in widths:
            starts = [int(sum(w for w in widths[:n] if w is not None)) for n in range(len(columns))]
            self._scroll_now(self._start_showing(column, starts))
            return
        self.call_after_refresh(self.bring_into_view, column)  # (a no-op if it is in view)

    def _scroll_now(self, x: int) -> None:
        """Scroll to ``x`` at the next layout, unchecked (the maximum is that of the old columns)."""
        if round(self.scroll_x) == x:
            return
        self.set_reactive(BoardColumns.scroll_x, float(x))
        self.set_reactive(BoardColumns.scroll_target_x, float(x))
        if self.show_horizontal_scrollbar:
            self.horizontal_scrollbar.position = x
        self._refresh_scroll()

    def refocus(self, focus_id: int | None, index: int, row: int) -> None:
        """Focus the card ``focus_id``, or else the card at about the same place as before."""
        columns = self.columns
        for column in columns:
            if focus_id is not None and column.highlight_card(focus_id):
                column.focus(scroll_visible=False)
                self._bring_into_view_before_paint(column)
                return
        if columns:
            column = columns[min(index, len(columns) - 1)]
            column.highlight_row(row)
            column.focus()

    def focus_cards(self) -> None:
        """Focus the first column with a highlighted card (or the first column, on its top card)."""
        columns = self.columns
        column = next((c for c in columns if c.current), columns[0] if columns else None)
        if column is not None:
            if column.current is None:
                column.highlight_row(0)
            column.focus()

    def step_column(self, step: int) -> None:
        """Focus the column to the left or right, on the card at about the same height."""
        column, target = self.column, self.neighbour(step)
        if column is not None and target is not None:
            target.highlight_row(column.row)
            target.focus(scroll_visible=False)
            self.bring_into_view(target)

    def step_card(self, step: int) -> None:
        """The next (positive) or previous card in the focused column."""
        column = self.column
        if column is not None:
            (column.action_cursor_down if step > 0 else column.action_cursor_up)()
