"""The risk register as a table: assessment, treatment and residual risk, one row per risk.

Across the workshop, or one innovation's (``RiskFilter(innovation_id=…)``). ``a`` adds,
Enter or ``e`` edits, Delete removes (after a confirmation), ``p`` sets the risk appetite,
Escape goes back.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Input, Label

from core.agenda import shortened
from core.i18n import _, current_language, translator
from core.models import Risk, Workshop
from core.register import RiskFilter, RiskSnapshot
from core.risk_export import counted, row_values
from core.validation import field_errors
from data.history import Item
from screens.support.base import Workspace
from screens.support.opening import OpensInOneFrame
from screens.support.risk_base import FILTER_BINDINGS, RiskScreen
from tui.keys import Translated
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.whole_columns import WholeColumnTable

TABLE_COLUMNS = ("code", "event", "level", "needs_treatment", "residual_level", "owner",
                 "innovation", "category", "treatment_option")
"""The register columns the table shows, most telling first (the export has them all)."""

TEXT_CELLS = {"event": 34, "innovation": 30}
"""The long texts' widths: past them a cell is cut with ``…`` (Enter shows it whole in the form), so
at 80 columns the code, the event and its level show, and → goes on a whole column at a time."""


def table_cells(values: dict[str, str]) -> list[str]:
    """A row's cells; each level shows with its magnitude, e.g. ``25 Very High (ST)``."""
    shown = dict(values)
    shown["level"] = f"{values['magnitude']} {values['level']}"
    shown["residual_level"] = f"{values['residual_magnitude']} {values['residual_level']}".strip()
    return [shown[name] for name in TABLE_COLUMNS]


class AppetiteScreen(Translated, OpensInOneFrame[int | None], ModalScreen[int | None]):
    """Asks for the risk appetite: the magnitude from which a risk needs treatment (1–25)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "keys.risk_cancel", id="risk_appetite.cancel")]

    DEFAULT_CSS = """
    AppetiteScreen { align: center middle; }
    AppetiteScreen > Vertical {
        width: 60; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    AppetiteScreen #appetite-error { color: $error; text-style: bold; }
    """

    def __init__(self, appetite: int) -> None:
        super().__init__()
        self.appetite = appetite

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_("risk.appetite.question"))
            yield Input(str(self.appetite), id="appetite-input", type="integer")
            yield Label("", id="appetite-error", markup=False)
            yield Label(_("risk.appetite.hint"))

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        """Validate the appetite; dismiss with it, or say why not."""
        try:
            workshop = Workshop.model_validate({"region": "-", "risk_appetite": event.value or None})
        except ValidationError as exc:
            message = field_errors(exc, translator(current_language())).get("risk_appetite", "")
            self.query_one("#appetite-error", Label).update(message)
            return
        self.dismiss(workshop.risk_appetite)


class RiskRegisterScreen(RiskScreen):
    """Every risk (matching the filters) with its levels, treatment and owner."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.risk_back", show=False, id="risk_register.back"),
        Binding("a", "add", "keys.risk_add", id="risk_register.add"),
        Binding("e", "edit", "keys.risk_edit", id="risk_register.edit"),
        Binding("x,delete", "delete_risk", "keys.risk_delete", id="risk_register.delete"),
        *FILTER_BINDINGS,
        Binding("p", "appetite", "keys.risk_appetite", show=False, id="risk_register.appetite"),
    ]

    def __init__(self, workspace: Workspace, filters: RiskFilter | None = None, *,
                 snapshot: RiskSnapshot | None = None) -> None:
        super().__init__(workspace, filters, id="risk-register", snapshot=snapshot)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="register-filters", markup=False)
        # The code stays in view when → shows the columns further right.
        yield WholeColumnTable(id="register-table", cursor_type="row", zebra_stripes=True, fixed_columns=1)
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        table = self.table
        table.add_columns(*[_(f"risk.col.{name}") for name in TABLE_COLUMNS])
        table.focus()
        self.show_fresh()

    @property
    def table(self) -> DataTable:
        """The register table."""
        return self.query_one("#register-table", DataTable)

    def show(self, snapshot: RiskSnapshot) -> None:
        table, tr, lang = self.table, translator(current_language()), current_language()
        keep = table.cursor_row
        table.clear()
        table.add_rows([[shortened(cell, TEXT_CELLS[name]) if name in TEXT_CELLS else cell
                         for name, cell in zip(TABLE_COLUMNS, table_cells(row_values(snapshot, row, tr, lang)),
                                               strict=True)]
                        for row in snapshot.rows])
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))
        count = counted(_, "risk.count", len(snapshot.rows))
        self.query_one("#register-filters", Label).update(f"{count} · {self.filter_text()}")

    def selected_risk(self) -> Risk | None:
        return self.current()

    def history_item(self) -> Item | None:
        """``H`` shows the highlighted risk's history."""
        risk = self.current()
        return None if risk is None else Item("risks", str(risk.id), risk.event)

    def current(self) -> Risk | None:
        """The risk under the cursor."""
        row = self.table.cursor_row
        if self.snapshot is None or not 0 <= row < len(self.snapshot.rows):
            return None
        return self.snapshot.rows[row].risk

    @on(DataTable.RowSelected, "#register-table")
    def open_row(self) -> None:
        """Enter on a row edits that risk."""
        self.action_edit()

    def action_back(self) -> None:
        """Back to where the register was opened from."""
        self.app.pop_screen()

    def action_add(self) -> None:
        """Add a risk (to this innovation, in an innovation's register)."""
        self.open_form()

    def action_edit(self) -> None:
        """Edit the risk under the cursor."""
        risk = self.current()
        if risk is not None:
            self.open_form(risk)

    def action_appetite(self) -> None:
        """Ask for the workshop's risk appetite; every "needs treatment" follows it."""
        if self.snapshot is not None:
            self.app.push_screen(AppetiteScreen(self.snapshot.appetite), self._appetite_chosen)

    def _appetite_chosen(self, value: int | None) -> None:
        if value:
            self.save_appetite(value)
