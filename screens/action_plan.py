"""One innovation's action plan (rencana aksi): its steps in a table, edited by keys.

Arrows and Tab move between cells; Enter edits the step in its form, starting at the field of
the cell; ``a`` adds a step at the end, ``i`` inserts one above the cursor, ``d`` duplicates,
``x`` deletes (the app's Ctrl+Z brings it back, under the cursor), ``K``/``J`` move the step up or down. Totals per year
and overall are under the table. Every write runs in a thread worker, one transaction each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Header, Static

from core.i18n import _, current_language, translator
from core.labels import enum_label
from core.models import ActionStep, TargetType
from core.rupiah import format_rupiah, short
from data.actions import (
    Plan,
    delete_step,
    duplicate_step,
    insert_step,
    move_step,
    plan,
    update_step,
)
from data.errors import Gone, StaleEdit, StoreError
from data.history import Item
from data.store import WorkshopStore
from screens.forms.action_step_form import ActionStepForm
from screens.support.base import WorkshopScreen, Workspace
from tui.messages import CaptureContext, about_innovation
from tui.widgets.steady_footer import SteadyFooter
from tui.widgets.whole_columns import WholeColumnTable
from tui.workers import in_thread

TEXT_COLUMNS = ("source", "sub_activity", "output", "indicator", "target", "location", "priority", "programme",
                "status")
FORM_FIELD = {"activity": "activity", "lead": "lead_agency_id", "years": "start_year",
              "total": "activity", "source": "funding_source", "status": "status", "no": "activity"}
"""Which form field an Enter on a column's cell starts at (years: their budget field)."""


class ActionPlanScreen(WorkshopScreen):
    """The steps of one innovation, with totals per year and overall."""
    reads = frozenset({"action_steps", "innovations", "agencies", "reference", "workshop"})

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "back", "keys.plan_back", show=False, id="plan.back"),
        Binding("a", "add", "keys.step_add", id="plan.add"),
        Binding("i", "insert", "keys.step_insert", show=False, id="plan.insert"),
        Binding("e,enter", "edit", "keys.step_edit", show=False, id="plan.edit"),
        Binding("d", "duplicate", "keys.step_duplicate", show=False, id="plan.duplicate"),
        Binding("x,delete", "delete", "keys.step_delete", id="plan.delete"),
        Binding("K", "move(-1)", "keys.step_up", show=False, id="plan.up"),
        Binding("J", "move(1)", "keys.step_down", show=False, id="plan.down"),
        Binding("tab", "next_cell(1)", "keys.plan_next_cell", show=False, id="plan.next_cell"),
        Binding("shift+tab", "next_cell(-1)", "keys.plan_previous_cell", show=False, id="plan.previous_cell"),
    ]

    @dataclass
    class Loaded(Message):
        """The plan, read in a worker; ``focus`` is the step to put the cursor on."""

        plan: Plan
        focus: int | None = None

    @dataclass
    class InnovationGone(Message):
        """The plan's innovation was deleted (by another terminal)."""

    @dataclass
    class Edited(Message):
        """An edit is in the file: show the plan again with the cursor on ``focus``."""

        focus: int | None
        deleted: ActionStep | None = None
        """The step an edit deleted (the line says Ctrl+Z brings it back)."""

    @dataclass
    class Stale(Message):
        """Someone changed the plan first (a step's own edits are the form's to settle)."""

    @dataclass
    class Refused(Message):
        """The file refused the edit (the failure line says why): show what it holds."""

    def __init__(self, workspace: Workspace, innovation_id: int) -> None:
        super().__init__(workspace, id=f"action-plan-{innovation_id}")
        self.innovation_id = innovation_id
        self.plan: Plan | None = None
        self._highlight: int | None = None
        """The step to put the cursor on at the next reading (one an undo brought back)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="plan-title", markup=False)
        yield WholeColumnTable(id="plan-table", cursor_type="cell", zebra_stripes=True, fixed_columns=2)
        yield Static(id="plan-totals", markup=False)
        yield SteadyFooter(compact=True)

    @property
    def table(self) -> DataTable:
        """The steps' table."""
        return self.query_one(DataTable)

    def reload(self) -> None:
        focus, self._highlight = self._highlight or self._current_step_id(), None
        self.load(focus)

    def highlight(self, item: Item) -> None:
        """A step an undo brought back (or changed) is under the cursor at the next reading."""
        if item.table == "action_steps" and item.row_key.isdigit():
            self._highlight = int(item.row_key)

    @in_thread(exclusive=True, group="plan-load")
    def load(self, focus: int | None = None) -> None:
        """Read the innovation and its steps off the UI thread."""
        try:
            self.post_message(self.Loaded(plan(self.store, self.innovation_id), focus))
        except Gone:
            self.post_message(self.InnovationGone())

    @on(InnovationGone)
    def gone(self) -> None:
        """The innovation was deleted (by another terminal): say so and go back."""
        self.notify(_("actions.innovation_gone"), severity="warning")
        if self.is_current:
            self.dismiss()

    # -- showing -----------------------------------------------------------------------------

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        """Show the plan just read: title, table (cursor on the step to focus), totals."""
        self.plan = message.plan
        innovation = message.plan.innovation
        lead = self._agency(innovation.lead_agency_id)
        self.query_one("#plan-title", Static).update(
            _("actions.title", title=innovation.title, element=innovation.element, lead=lead or "—"))
        self._fill_table(message.plan, message.focus)
        self.query_one("#plan-totals", Static).update(self._totals(message.plan))
        self.refresh_bindings()  # the footer's keys that need a step (x) follow the plan just read

    def _fill_table(self, shown: Plan, focus: int | None) -> None:
        table, column = self.table, self.table.cursor_column
        table.clear(columns=True)
        table.add_column("#", key="no")
        table.add_column(_("actions.column.activity"), key="activity", width=28)
        table.add_column(_("actions.column.lead"), key="lead")
        table.add_column(_("actions.column.years"), key="years")
        for year in shown.workshop.years:
            table.add_column(str(year), key=str(year))
        table.add_column(_("actions.column.total"), key="total")
        for name in TEXT_COLUMNS:
            table.add_column(_(f"actions.column.{name}"), key=name, width=None if name == "status" else 24)
        for number, step in enumerate(shown.steps, 1):
            table.add_row(*self._cells(number, step, shown.workshop.years), key=str(step.id))
        row = next((n for n, s in enumerate(shown.steps) if s.id == focus), table.cursor_row)
        table.move_cursor(row=min(row, max(0, len(shown.steps) - 1)), column=column)

    def _cells(self, number: int, step: ActionStep, years: range) -> list[str]:
        amounts = [short(step.budget[y]) if y in step.budget else ("·" if step.start_year <= y <= step.end_year else "")
                   for y in years]
        status = enum_label(translator(current_language()), step.status)
        return [str(number), step.activity, self._agency(step.lead_agency_id), _span(step), *amounts,
                short(step.total) if step.total else "", step.funding_source, step.sub_activity, step.output,
                step.indicator, step.target, step.location, step.priority, step.programme, status]

    def _agency(self, agency_id: int | None) -> str:
        names = {a.id: a.abbreviation for a in self.plan.agencies} if self.plan else {}
        return names.get(agency_id, "") if agency_id else ""

    def _totals(self, shown: Plan) -> str:
        per_year = {y: sum(s.budget.get(y, 0) for s in shown.steps) for y in shown.workshop.years}
        years = " · ".join(f"{y} {short(t)}" for y, t in per_year.items() if t)
        overall = sum(per_year.values())
        return _("actions.totals", years=years or "—", overall=format_rupiah(overall), steps=len(shown.steps))

    # -- keys --------------------------------------------------------------------------------

    def _current_step_id(self) -> int | None:
        if self.plan is None or not self.plan.steps:
            return None
        return self.plan.steps[min(self.table.cursor_row, len(self.plan.steps) - 1)].id

    def history_item(self) -> Item | None:
        """``H`` shows the history of the step under the cursor."""
        if self.plan is None or not self.plan.steps:
            return None
        step = self.plan.steps[min(self.table.cursor_row, len(self.plan.steps) - 1)]
        return Item("action_steps", str(step.id), step.activity)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need a step under the cursor wait for it."""
        if action in {"edit", "duplicate", "delete", "move"}:
            return self._current_step_id() is not None
        if action in {"add", "insert"}:
            return self.plan is not None
        return True

    def action_back(self) -> None:
        """Back to the screen this plan was opened from."""
        self.dismiss()

    def action_next_cell(self, step: int) -> None:
        """Tab: the next cell, on to the next row at the end of one (Shift+Tab: back)."""
        table = self.table
        if not table.row_count:
            return
        width = len(table.columns)
        flat = (table.cursor_row * width + table.cursor_column + step) % (table.row_count * width)
        table.move_cursor(row=flat // width, column=flat % width)

    def action_add(self) -> None:
        """A new step at the end of the plan."""
        if self.plan is not None:
            self._open_form(self._new_step(self.plan), None)

    def action_insert(self) -> None:
        """A new step above the cursor."""
        if self.plan is not None:
            self._open_form(self._new_step(self.plan), self.table.cursor_row if self.plan.steps else None)

    def _new_step(self, shown: Plan) -> ActionStep:
        last = shown.steps[-1] if shown.steps else None
        year = last.end_year if last else shown.workshop.horizon_start
        return ActionStep(innovation_id=self.innovation_id, activity="-", start_year=year, end_year=year,
                          lead_agency_id=shown.innovation.lead_agency_id,
                          funding_source=last.funding_source if last else "")

    @on(DataTable.CellSelected)
    def action_edit(self) -> None:
        """Edit the step under the cursor, starting at the field of the cell."""
        step = next((s for s in self.plan.steps if s.id == self._current_step_id()), None) if self.plan else None
        if step is None:
            return
        column = self.table.ordered_columns[self.table.cursor_column].key.value or "activity"
        field = f"budget_{column}" if column.isdigit() else FORM_FIELD.get(column, column)
        self._open_form(step, None, field)

    def _open_form(self, step: ActionStep, index: int | None, field: str = "activity") -> None:
        shown = self.plan
        if shown is None:
            return
        form_step = step.model_copy(update={"activity": ""}) if step.id is None else step
        save: Callable[[WorkshopStore, ActionStep], ActionStep] = (
            update_step if step.id is not None else lambda store, new: insert_step(store, new, index))
        form = ActionStepForm(self.store, form_step, shown.workshop.years, shown.agencies, shown.funding_sources,
                              field, shown.priorities, save)
        self.app.push_screen(form, self._form_closed)

    def _form_closed(self, saved: ActionStep | None) -> None:
        """The form saved the step: show the plan again, on it."""
        if saved is not None:
            self.load(saved.id)

    def action_duplicate(self) -> None:
        """A copy of the step under the cursor, right below it."""
        self.run_edit(duplicate_step, self._current_step_id())

    def action_delete(self) -> None:
        """Delete the step under the cursor; the app's Ctrl+Z brings it back."""
        self.run_edit(delete_step, self._current_step_id())

    def action_move(self, delta: int) -> None:
        """Move the step under the cursor up (-1) or down (+1)."""
        self.run_edit(move_step, self._current_step_id(), delta)

    @in_thread(group="plan-edit")
    def run_edit(self, edit: Callable[..., object], *args: object) -> None:
        """Run one edit of ``data.actions`` off the UI thread, then show the plan again."""
        try:
            result = edit(self.store, *args)
        except StaleEdit:
            self.post_message(self.Stale())
            return
        except StoreError:
            self.post_message(self.Refused())
            raise
        self.post_message(self._edited(edit, result, args))

    @staticmethod
    def _edited(edit: Callable[..., object], result: object, args: tuple[object, ...]) -> Edited:
        if edit is delete_step and isinstance(result, ActionStep):
            return ActionPlanScreen.Edited(None, deleted=result)
        focus = result.id if isinstance(result, ActionStep) else args[0]
        return ActionPlanScreen.Edited(focus if isinstance(focus, int) else None)

    @on(Edited)
    def edited(self, message: Edited) -> None:
        if message.deleted is not None:
            self.notify(_("actions.deleted", activity=message.deleted.activity))
        self.load(message.focus)

    @on(Stale)
    def stale(self) -> None:
        self.notify(_("actions.stale"), severity="warning")
        self.reload()

    @on(Refused)
    def refused(self) -> None:
        self.reload()

    # -- notes -------------------------------------------------------------------------------

    def capture_context(self) -> CaptureContext:
        """A note here is about the step under the cursor, or the innovation when it has none."""
        if self.plan is None:
            return super().capture_context()
        innovation = self.plan.innovation
        step_id = self._current_step_id()
        if step_id is None:
            return about_innovation(innovation)
        number = self.table.cursor_row + 1
        label = _("actions.note_target", title=innovation.title, number=number)
        return CaptureContext(label, innovation.dimension, TargetType.STEP, step_id)


def _span(step: ActionStep) -> str:
    """``2025``, ``2025–2027``, ``2025 Q1–Q2``, ``2025 Q2–2026 Q1``."""
    start = f"{step.start_year}" + (f" Q{step.start_quarter}" if step.start_quarter else "")
    end = f" Q{step.end_quarter}" if step.end_quarter else ""
    if step.end_year != step.start_year:
        return f"{start}–{step.end_year}{end}"
    return start if end in ("", f" Q{step.start_quarter}") else f"{start}–{end.strip()}"
