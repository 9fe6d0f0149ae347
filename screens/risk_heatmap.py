"""The risk heatmap screen: the 5×5 grid, inherent or residual, and the risks of one cell.

Arrow keys walk the grid and the list beside it follows the cursor; Enter moves into the list
and Enter on a risk opens its form. ``t`` toggles inherent/residual, ``s`` switches between
the official and the variant bands (every level is recomputed), ``d``/``o``/``c`` filter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label

from core.heatmap import Cell, heatmap, moved_down
from core.i18n import _, current_language
from core.models import Risk
from core.register import RegisterRow, RiskFilter, RiskSnapshot, rows_by_cell
from core.risk import assess
from core.risk_export import counted, level_text
from data.risks import snapshot as read_risks
from data.risks import toggle_risk_scale
from screens.support.base import Workspace
from screens.support.paint_hold import open_when_read, push_held
from screens.support.risk_base import FILTER_BINDINGS, RiskScreen
from tui.widgets.risk_heatmap import RiskHeatmap
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.whole_columns import WholeColumnTable
from tui.workers import in_thread


class RiskHeatmapScreen(RiskScreen):
    """Where the workshop's risks fall on the SPBE matrix."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]
    """A large terminal (a projector at low zoom) gets a larger grid; see the .tcss."""

    BINDINGS = [
        Binding("escape", "back", "keys.risk_back", show=False, id="risk_heatmap.back"),
        Binding("t", "toggle_view", "keys.risk_toggle", id="risk_heatmap.toggle"),
        *FILTER_BINDINGS,
        Binding("a", "add", "keys.risk_add", id="risk_heatmap.add"),
        Binding("r", "register", "keys.risk_register", id="risk_heatmap.register"),
        Binding("s", "switch_scale", "keys.risk_scale", show=False, id="risk_heatmap.scale"),
        Binding("x,delete", "delete_risk", "keys.risk_delete", show=False, id="risk_heatmap.delete"),
    ]

    residual: reactive[bool] = reactive(False, init=False)
    """Whether the grid shows risks after treatment (residual) rather than before (inherent)."""

    def __init__(self, workspace: Workspace, filters: RiskFilter | None = None, *,
                 snapshot: RiskSnapshot | None = None) -> None:
        super().__init__(workspace, filters, id="risk-heatmap", snapshot=snapshot)
        self._by_cell: dict[Cell, list[RegisterRow]] = {}
        self._listed: list[RegisterRow] = []
        """The rows in the cell list, in its order."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="risk-summary", markup=False)
        yield Label("", id="risk-filters", markup=False)
        with Horizontal(id="risk-body"):
            with Vertical(id="risk-grid-panel"):
                yield Label(_("risk.axes"), id="risk-axes")
                yield RiskHeatmap(id="risk-grid")
            with Vertical(id="risk-cell-panel"):
                yield Label("", id="risk-cell-title", markup=False)
                # A cell holds hundreds of risks on a large workshop: a table that fills in one update.
                yield WholeColumnTable(id="risk-cell-list", cursor_type="row", zebra_stripes=True)
        yield Label("", id="risk-legend", markup=False)
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        table = self.query_one("#risk-cell-list", DataTable)
        table.add_columns(_("risk.col.code"), _("risk.col.event"), _("risk.col.innovation"))
        self.grid.focus()
        self.show_fresh()

    @property
    def grid(self) -> RiskHeatmap:
        """The heatmap widget."""
        return self.query_one(RiskHeatmap)

    # -- showing -----------------------------------------------------------------------------

    def show(self, snapshot: RiskSnapshot) -> None:
        scale = snapshot.reference.risk_scale
        self._by_cell = rows_by_cell(snapshot.rows, self.residual)
        self.grid.cells = heatmap(scale, snapshot.risks, self.residual)
        view = _("risk.view.residual" if self.residual else "risk.view.inherent")
        self.query_one("#risk-summary", Label).update(" · ".join([
            view, counted(_, "risk.count", len(snapshot.rows)),
            counted(_, "risk.moved_down", moved_down(scale, snapshot.risks)),
            _("risk.appetite", appetite=snapshot.appetite)]))
        self.query_one("#risk-filters", Label).update(self.filter_text())
        lang = current_language()
        self.query_one("#risk-legend", Label).update(
            " · ".join(f"{b.letter} {b.name(lang)}" for b in sorted(scale.bands, key=lambda b: b.low)))
        self.list_cell(self.grid.cursor)

    def watch_residual(self) -> None:
        if self.snapshot is not None:
            self.show(self.snapshot)

    def list_cell(self, cell: Cell) -> None:
        """Fill the list beside the grid with the risks in ``cell``."""
        snapshot = self.snapshot
        if snapshot is None:
            return
        rows = self._listed = self._by_cell.get(cell, [])
        table = self.query_one("#risk-cell-list", DataTable)
        table.clear()
        table.add_rows([(r.risk.code, r.risk.event, r.innovation) for r in rows])
        self.query_one("#risk-cell-title", Label).update(self._cell_title(snapshot, cell, len(rows)))

    def _cell_title(self, snapshot: RiskSnapshot, cell: Cell, count: int) -> str:
        found = assess(snapshot.reference.risk_scale, *cell)
        return _("risk.cell.title", likelihood=cell[0], impact=cell[1], magnitude=found.magnitude,
                 level=level_text(found.band, current_language()), count=count)

    def selected_risk(self) -> Risk | None:
        table = self.query_one("#risk-cell-list", DataTable)
        if self.focused is not table or not 0 <= table.cursor_row < len(self._listed):
            return None
        return self._listed[table.cursor_row].risk

    @on(RiskHeatmap.Moved)
    def follow_cursor(self, message: RiskHeatmap.Moved) -> None:
        """The list beside the grid follows the cursor."""
        self.list_cell(message.cell)

    @on(RiskHeatmap.Selected)
    def enter_cell(self, message: RiskHeatmap.Selected) -> None:
        """Enter on a cell: move into its list of risks."""
        self.list_cell(message.cell)
        table = self.query_one("#risk-cell-list", DataTable)
        if table.row_count:
            table.focus()
        else:
            self.notify(_("risk.notify.empty_cell"))

    @on(DataTable.RowSelected, "#risk-cell-list")
    def open_risk(self) -> None:
        """Enter on a risk in the list: open its form."""
        found = self.selected_risk()
        if found is not None:
            self.open_form(found)

    # -- actions -----------------------------------------------------------------------------

    def action_back(self) -> None:
        """Leave the list for the grid, or the screen for the overview."""
        if self.focused is self.query_one("#risk-cell-list"):
            self.grid.focus()
        else:
            self.app.pop_screen()

    def action_toggle_view(self) -> None:
        """Show inherent risk, or residual risk (after treatment)."""
        self.residual = not self.residual

    def action_add(self) -> None:
        """Add a risk, starting in the cell under the cursor (inherent view)."""
        likelihood, impact = self.grid.cursor
        preset: dict[str, int] = {} if self.residual else {"likelihood": likelihood, "impact": impact}
        self.open_form(None, **preset)

    def action_register(self) -> None:
        """Open the register table with the same filters."""
        from screens.risk_register import RiskRegisterScreen

        push_held(self, RiskRegisterScreen(self.workspace, self.filters, snapshot=self.snapshot))

    def action_switch_scale(self) -> None:
        """Switch between the official and the variant risk bands."""
        self.switch_scale()

    @in_thread(group="risk-write")
    def switch_scale(self) -> None:
        """Store the other shipped risk scale; levels follow on the next read."""
        variant = toggle_risk_scale(self.store)
        self.post_message(self.Written(_(f"risk.notify.scale_{variant}")))



def open_heatmap(opener: Screen[Any], workspace: Workspace) -> None:
    """Open the heatmap once the register has been read, so that its first frame has its counts."""
    open_when_read(opener, lambda: read_risks(workspace.store, RiskFilter()),
                   lambda fresh: RiskHeatmapScreen(workspace, snapshot=fresh))
