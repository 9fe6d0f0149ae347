"""The impact × effort grid: the candidates in four cells, walked through with the arrows.

Impact comes from the citizen-benefit score, effort from the cost and time scores
(``core.quick_wins``). High impact with low effort, top left, is where quick wins live.
Candidates not scored on both axes are counted below the grid. Enter or space chooses the
highlighted candidate as a quick win, or takes the choice back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Header, Label, OptionList
from textual.widgets.option_list import Option

from core.i18n import _
from core.models import QuickWin
from core.quick_wins import Quadrant, Ranked, quadrant
from data import quick_wins
from screens.support.base import WorkshopScreen, Workspace
from tui.messages import CaptureContext, about_innovation
from tui.widgets.steady_footer import SteadyFooter
from tui.workers import in_thread

LAYOUT = (Quadrant.QUICK_WIN, Quadrant.MAJOR, Quadrant.FILL_IN, Quadrant.THANKLESS)
"""The cells left to right, top to bottom: impact high then low, effort low then high."""


class QuadrantList(OptionList):
    """One cell of the grid: its candidates, best ranked first."""

    def __init__(self, cell: Quadrant) -> None:
        super().__init__(id=f"cell-{cell.value}")
        self.cell = cell
        self.border_title = _(f"quick_wins.grid.{cell.value}")
        self.candidates: list[Ranked] = []

    def show(self, candidates: list[Ranked]) -> None:
        """Replace the cell's candidates, keeping the highlight on the same one if it stays."""
        current = self.current.innovation.id if self.current else None
        self.candidates = candidates
        self.clear_options()
        self.add_options([Option(_line(r), id=str(r.innovation.id)) for r in candidates])
        self.border_subtitle = str(len(candidates))
        ids = [r.innovation.id for r in candidates]
        if ids:
            self.highlighted = ids.index(current) if current in ids else 0

    @property
    def current(self) -> Ranked | None:
        """The highlighted candidate."""
        index = self.highlighted
        return self.candidates[index] if index is not None and index < len(self.candidates) else None


def _line(ranked: Ranked) -> Text:
    chosen = ranked.innovation.quick_win is QuickWin.SELECTED
    text = Text("★ " if chosen else "  ", style="bold")
    text.append(ranked.innovation.title, style="bold" if chosen else "")
    text.append(f" · {ranked.total}/{ranked.maximum}", style="dim")
    return text


class ImpactEffortScreen(WorkshopScreen):
    """Candidates on the impact × effort grid. Escape goes back to the ranking."""
    reads = frozenset({"innovations", "quick_win_scores", "agencies", "reference"})

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.board.back", show=False, id="grid.back"),
        Binding("space", "choose", "keys.quick_wins.choose", id="grid.choose"),
        Binding("left,h", "cell(-1, 0)", "keys.left", show=False, priority=True, id="grid.left"),
        Binding("right,l", "cell(1, 0)", "keys.right", show=False, priority=True, id="grid.right"),
        Binding("up,k", "step(-1)", "keys.up", show=False, priority=True, id="grid.up"),
        Binding("down,j", "step(1)", "keys.down", show=False, priority=True, id="grid.down"),
    ]

    @dataclass
    class Loaded(Message):
        """The ranked candidates, read in a worker."""

        ranking: list[Ranked]

    def __init__(self, workspace: Workspace, dimension: str | None) -> None:
        super().__init__(workspace)
        self.dimension = dimension

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(_("quick_wins.grid.axes"), id="grid-axes")
        with Grid(id="grid-cells"):
            for cell in LAYOUT:
                yield QuadrantList(cell)
        yield Label(id="grid-unplaced", markup=False)
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        self.sub_title = _("quick_wins.grid.title")
        self.cells[0].focus()

    @property
    def cells(self) -> list[QuadrantList]:
        """The four cells in ``LAYOUT`` order."""
        return list(self.query(QuadrantList))

    def reload(self) -> None:
        self.load()

    @in_thread(exclusive=True, group="grid-load")
    def load(self) -> None:
        """Rank the candidates off the UI thread."""
        self.post_message(self.Loaded(quick_wins.ranking(self.store, self.dimension)))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        """Place each candidate in its cell; count those not placed yet."""
        placed: dict[Quadrant, list[Ranked]] = {cell: [] for cell in LAYOUT}
        unplaced = 0
        for ranked in message.ranking:
            cell = quadrant(ranked)
            if cell is None:
                unplaced += 1
            else:
                placed[cell].append(ranked)
        for column in self.cells:
            column.show(placed[column.cell])
        note = _("quick_wins.grid.unplaced", count=unplaced) if unplaced else ""
        self.query_one("#grid-unplaced", Label).update(note)

    @property
    def current(self) -> Ranked | None:
        """The highlighted candidate of the focused cell."""
        return self.focused.current if isinstance(self.focused, QuadrantList) else None

    def capture_context(self) -> CaptureContext:
        ranked = self.current
        if ranked is None:
            return super().capture_context()
        return about_innovation(ranked.innovation)

    # -- keys --------------------------------------------------------------------------------

    def action_back(self) -> None:
        """Back to the ranking."""
        self.dismiss()

    def action_cell(self, dx: int, dy: int) -> None:
        """Move to the neighbouring cell (left/right, or up/down across the middle line)."""
        cells = self.cells
        index = cells.index(self.focused) if self.focused in cells else 0
        column, row = index % 2 + dx, index // 2 + dy
        if 0 <= column < 2 and 0 <= row < 2:
            cells[row * 2 + column].focus()

    def action_step(self, step: int) -> None:
        """Move within the cell; past its first or last candidate, into the cell above or below."""
        cell = self.focused
        if not isinstance(cell, QuadrantList):
            return
        index = cell.highlighted
        at_edge = not cell.candidates or (index == 0 if step < 0 else index == len(cell.candidates) - 1)
        if at_edge:
            self.action_cell(0, step)
        else:
            (cell.action_cursor_down if step > 0 else cell.action_cursor_up)()

    def action_choose(self) -> None:
        """Choose the highlighted candidate as a quick win, or take the choice back."""
        ranked = self.current
        if ranked is not None:
            self.choose(ranked)

    @on(OptionList.OptionSelected)
    def selected(self) -> None:
        """Enter on a candidate chooses it, as space does."""
        self.action_choose()

    @in_thread(group="grid-save")
    def choose(self, ranked: Ranked) -> None:
        """Store the choice off the UI thread, then place the candidates again."""
        chosen = ranked.innovation.quick_win is QuickWin.SELECTED
        self.reload_after(lambda: quick_wins.choose(self.store, ranked.innovation, not chosen))
