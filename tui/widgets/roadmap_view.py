"""The roadmap as a scrolling list of character bars, drawn line by line.

Only the lines on screen are drawn (a :class:`~textual.scroll_view.ScrollView` with
``render_line``), so fifteen thousand steps scroll as fast as fifty. The header of year
columns stays on the first line; the year columns compress to the widget's width while the
labels keep theirs (:func:`core.roadmap.layout`). The cursor row is marked with ``▶`` and
reversed, quick wins are bold with their ``Q``: nothing depends on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from core.roadmap import Layout, RoadmapRow, RowKind, header, layout, line
from tui.keys import Translated

CURSOR_MARK = "▶"


class RoadmapView(Translated, ScrollView, can_focus=True):
    """Rows dimension → innovation → step, one line each, with a cursor moved by keys."""

    BINDINGS = [
        Binding("up,k", "move(-1)", "keys.up", show=False, id="roadmap_view.up"),
        Binding("down,j", "move(1)", "keys.down", show=False, id="roadmap_view.down"),
        Binding("pageup", "page(-1)", "keys.roadmap_page_up", show=False, id="roadmap_view.page_up"),
        Binding("pagedown", "page(1)", "keys.roadmap_page_down", show=False, id="roadmap_view.page_down"),
        Binding("home", "jump(0)", "keys.roadmap_first", show=False, id="roadmap_view.first"),
        Binding("end", "jump(-1)", "keys.roadmap_last", show=False, id="roadmap_view.last"),
    ]

    COMPONENT_CLASSES = {"roadmap-view--header", "roadmap-view--dimension", "roadmap-view--innovation",
                         "roadmap-view--quick", "roadmap-view--cursor"}

    DEFAULT_CSS = """
    RoadmapView { height: 1fr; overflow-x: hidden; }
    RoadmapView > .roadmap-view--header { text-style: bold underline; }
    RoadmapView > .roadmap-view--dimension { text-style: bold; background: $boost; }
    RoadmapView > .roadmap-view--innovation { color: $text; }
    RoadmapView > .roadmap-view--quick { text-style: bold; color: $text-accent; }
    RoadmapView > .roadmap-view--cursor { text-style: reverse; }
    RoadmapView:focus > .roadmap-view--cursor { text-style: bold reverse; }
    """

    cursor: reactive[int] = reactive(0, repaint=False)
    """Index of the highlighted row (its watcher redraws what the move changes)."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to another row."""

        view: RoadmapView
        row: RoadmapRow | None

        @property
        def control(self) -> RoadmapView:
            """The view whose cursor moved."""
            return self.view

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[RoadmapRow] = []
        self.years: list[int] = []
        self.heads = ("", "")

    def show(self, rows: list[RoadmapRow], years: list[int], label: str, total: str) -> None:
        """Show new rows; the cursor stays on the same row index where it can."""
        self.rows, self.years, self.heads = rows, years, (label, total)
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        self.cursor = min(self.cursor, max(0, len(rows) - 1))
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    @property
    def current(self) -> RoadmapRow | None:
        """The highlighted row, if there are rows."""
        return self.rows[self.cursor] if self.rows else None

    @property
    def _width(self) -> int:
        """The width lines are drawn in: the widget's, less a vertical scrollbar."""
        return self.scrollable_content_region.width

    def _layout(self) -> Layout:
        return layout(self.years, max(1, self._width - 1))

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the view: the column heads on the first, rows below from the scroll offset."""
        width = self._width
        if y == 0:
            text = " " + header(self._layout(), *self.heads)
            return Strip([Segment(text, self.get_component_rich_style("roadmap-view--header"))]).adjust_cell_length(width, self.rich_style)
        index = self.scroll_offset.y + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        mark = CURSOR_MARK if index == self.cursor else " "
        text = mark + line(row, self._layout())
        return Strip([Segment(text, self._style(row, index))]).adjust_cell_length(width, self.rich_style)

    def _style(self, row: RoadmapRow, index: int) -> Style:
        style = self.rich_style
        if row.kind is RowKind.DIMENSION:
            style += self.get_component_rich_style("roadmap-view--dimension")
        elif row.quick_year is not None:
            style += self.get_component_rich_style("roadmap-view--quick")
        if index == self.cursor:
            style += self.get_component_rich_style("roadmap-view--cursor")
        return style

    def watch_cursor(self, old: int, new: int) -> None:
        """Keep the cursor row on screen, redraw, and tell the screen.

        A move within the screen redraws the two rows whose mark changed, not the whole view
        (issue 15: each ↓ wrote the whole roadmap again, 8 KB at 120×40); a move that scrolls
        redraws the view.
        """
        if self._keep_visible():
            self.refresh()
        else:
            self.refresh_line(old + 1)  # line 0 is the column heads
            self.refresh_line(new + 1)
        self.post_message(self.Highlighted(self, self.current))

    def _keep_visible(self) -> bool:
        """Scroll so that the cursor row shows; True if that scrolled."""
        visible = max(1, self.size.height - 1)
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
            return True
        if self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False)
            return True
        return False

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)

    def action_move(self, delta: int) -> None:
        """One row up or down."""
        self.cursor = max(0, min(self.cursor + delta, len(self.rows) - 1))

    def action_page(self, pages: int) -> None:
        """A screenful up or down."""
        self.action_move(pages * max(1, self.size.height - 2))

    def action_jump(self, index: int) -> None:
        """To the first row (0) or the last (-1)."""
        self.cursor = max(0, len(self.rows) - 1) if index < 0 else 0
