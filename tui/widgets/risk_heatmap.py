"""The 5×5 risk heatmap: likelihood rows (5 at the top), impact columns (1 on the left).

Each cell shows its magnitude, its level letter and how many risks fall in it, so its meaning
never depends on the band colour, which comes from theme variables through a CSS class per
band colour (``-band-red``…). Arrow keys move a cursor; Enter posts :class:`RiskHeatmap.Selected`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from core.heatmap import Cell, HeatCell
from core.i18n import _, current_language
from core.risk_export import counted
from tui.keys import Translated

BAND_COLOURS = ("blue", "green", "yellow", "orange", "red")
"""The band colours the guideline names; each has a ``-band-<colour>`` rule below."""


class HeatmapCell(Widget):
    """One cell of the grid: magnitude and level letter, the level's name when there is room,
    and the count of risks."""

    def __init__(self, likelihood: int, impact: int) -> None:
        super().__init__(id=f"cell-{likelihood}-{impact}")
        self.cell: Cell = (likelihood, impact)
        self.heat: HeatCell | None = None
        self.cursor = False

    def show(self, heat: HeatCell, cursor: bool) -> None:
        """Show a cell's figures; ``cursor`` marks it (by a sign as well as by style).

        A cell whose figures and mark are unchanged is left alone: a cursor move repaints the
        two cells it concerns, not the grid (issue 15: 25 cells, 2.7 K cells of screen per key).
        """
        if heat == self.heat and cursor == self.cursor:
            return
        self.heat, self.cursor = heat, cursor
        for colour in BAND_COLOURS:
            self.set_class(heat.band.colour == colour, f"-band-{colour}")
        self.set_class(cursor, "-cursor")
        self.set_class(heat.count == 0, "-empty")
        self.refresh()

    def render(self) -> Text:
        heat = self.heat
        if heat is None:
            return Text("")
        roomy = self.size.height >= 5 and self.size.width >= 14
        mark = "▸" if self.cursor else " "
        text = Text(f"{mark}{heat.magnitude} {heat.band.letter}\n", style="bold")
        if roomy:
            text.append(heat.band.name(current_language()) + "\n")
        count = str(heat.count) if heat.count else "·"
        text.append(counted(_, "risk.cell.count", heat.count) if roomy and heat.count else count)
        return text


class RiskHeatmap(Translated, Widget, can_focus=True):
    """The grid of 25 cells with axis labels, and a cursor moved by the arrow keys."""

    DEFAULT_CSS = """
    RiskHeatmap {
        layout: grid;
        grid-size: 6 6;
        grid-columns: 3 1fr 1fr 1fr 1fr 1fr;
        grid-rows: 1fr 1fr 1fr 1fr 1fr 1;
        grid-gutter: 0 0;
        height: 16;
        min-width: 39;
    }
    RiskHeatmap > .axis {
        width: 100%;
        height: 100%;
        content-align: center middle;
        color: $text-muted;
    }
    RiskHeatmap HeatmapCell {
        width: 100%;
        height: 100%;
        content-align: center middle;
        text-align: center;
        color: $text;
    }
    RiskHeatmap HeatmapCell.-band-blue { background: $primary-darken-1; color: $text; }
    RiskHeatmap HeatmapCell.-band-green { background: $success-darken-2; color: $text; }
    RiskHeatmap HeatmapCell.-band-yellow { background: $warning-lighten-2; color: $background; }
    RiskHeatmap HeatmapCell.-band-orange { background: $warning-darken-1; color: $background; }
    RiskHeatmap HeatmapCell.-band-red { background: $error; color: $text; }
    RiskHeatmap HeatmapCell.-empty { text-opacity: 70%; }
    RiskHeatmap HeatmapCell.-cursor { text-style: bold underline; }
    RiskHeatmap:focus HeatmapCell.-cursor { text-style: bold reverse; text-opacity: 100%; }
    """

    BINDINGS = [
        Binding("up", "move(1, 0)", "keys.up", show=False, id="heatmap.up"),
        Binding("down", "move(-1, 0)", "keys.down", show=False, id="heatmap.down"),
        Binding("left", "move(0, -1)", "keys.left", show=False, id="heatmap.left"),
        Binding("right", "move(0, 1)", "keys.right", show=False, id="heatmap.right"),
        # Enter lists the cell (F1 says so); out of the footer, which then fits at 80 columns.
        Binding("enter", "select", "keys.risk_list_cell", show=False, id="heatmap.select"),
    ]

    cells: reactive[list[list[HeatCell]]] = reactive(list, layout=False, repaint=False, always_update=True)
    """The grid's figures, rows from likelihood 5 to 1; set by the screen (the cells repaint themselves)."""

    cursor: reactive[Cell] = reactive((5, 1), repaint=False)
    """The ``(likelihood, impact)`` under the cursor (the two cells it concerns repaint themselves)."""

    @dataclass
    class Selected(Message):
        """Enter was pressed on a cell."""

        heatmap: RiskHeatmap
        cell: Cell

        @property
        def control(self) -> RiskHeatmap:
            """The heatmap the cell belongs to."""
            return self.heatmap

    @dataclass
    class Moved(Message):
        """The cursor moved to another cell."""

        heatmap: RiskHeatmap
        cell: Cell

        @property
        def control(self) -> RiskHeatmap:
            """The heatmap whose cursor moved."""
            return self.heatmap

    def compose(self) -> ComposeResult:
        for likelihood in range(5, 0, -1):
            yield Static(str(likelihood), classes="axis")
            for impact in range(1, 6):
                yield HeatmapCell(likelihood, impact)
        yield Static("", classes="axis")
        for impact in range(1, 6):
            yield Static(str(impact), classes="axis")

    def watch_cells(self) -> None:
        self._paint()

    def watch_cursor(self, cell: Cell) -> None:
        self._paint()
        self.post_message(self.Moved(self, cell))

    def _paint(self) -> None:
        if not self.is_mounted:
            return
        figures = {heat.cell: heat for row in self.cells for heat in row}
        for widget in self.query(HeatmapCell):
            if widget.cell in figures:
                widget.show(figures[widget.cell], widget.cell == self.cursor)

    def on_mount(self) -> None:
        self._paint()

    def count_at(self, cell: Cell) -> int:
        """How many risks the grid shows in ``cell``."""
        return next((h.count for row in self.cells for h in row if h.cell == cell), 0)

    def action_move(self, likelihood_step: int, impact_step: int) -> None:
        """Move the cursor; it stops at the grid's edges."""
        likelihood, impact = self.cursor
        self.cursor = (_clamp(likelihood + likelihood_step), _clamp(impact + impact_step))

    def action_select(self) -> None:
        """Tell the screen which cell Enter was pressed on."""
        self.post_message(self.Selected(self, self.cursor))


def _clamp(level: int) -> int:
    return max(1, min(5, level))
