"""The form of one action step: every field of a rencana aksi row, with its reason beside it.

The form dismisses with the step it describes, or None when Escape closes it. A refused field
shows why under itself and takes the focus; nothing else typed is lost.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select

from core.i18n import _, current_language, translator
from core.labels import enum_label
from core.models import ActionStep, Agency, StepStatus
from core.rupiah import group
from core.step_input import budget_field, read_step
from screens.forms.kept_form import KeptForm
from tui.keys import Translated

TEXT_FIELDS = ("activity", "sub_activity", "output", "indicator", "target")


class ActionStepForm(Translated, KeptForm, ModalScreen[ActionStep | None]):
    """Add or edit one step. Enter in a field or F10 saves; Escape closes without saving."""

    CSS_PATH = Path(__file__).with_suffix(".tcss")

    BINDINGS = [
        Binding("escape", "cancel", "keys.close", id="step_form.cancel"),
        Binding("f10", "save", "keys.step_save", id="step_form.save"),
    ]

    def __init__(self, step: ActionStep, years: range, agencies: list[Agency],
                 funding_sources: list[str], focus_field: str = "activity",
                 priorities: list[str] | None = None) -> None:
        super().__init__()
        self.step = step
        self.years = years
        self.agencies = agencies
        self.funding_sources = funding_sources
        self.focus_field = focus_field
        self.priorities = priorities or []

    # -- layout ------------------------------------------------------------------------------

    def kept_item(self) -> ActionStep:
        return self.step

    def compose(self) -> ComposeResult:
        title = _("actions.form.edit") if self.step.id else _("actions.form.new")
        with Vertical(id="step-form-panel") as panel:
            panel.border_title = title
            with VerticalScroll(id="step-form-fields"):
                for name in TEXT_FIELDS:
                    yield from self._field(name, self._input(name, getattr(self.step, name)))
                yield from self._field("lead_agency_id", self._lead())
                yield from self._field("supporting", self._input("supporting", self._supporting()))
                yield from self._years()
                for year in self.years:
                    amount = self.step.budget.get(year)
                    yield from self._field(budget_field(year), self._input(
                        budget_field(year), group(amount) if amount else "", "Rp"), _("actions.field.budget", year=year))
                yield from self._field("location", self._input("location", self.step.location))
                yield from self._field("funding_source", self._input(
                    "funding_source", self.step.funding_source, suggest=self.funding_sources))
                yield from self._field("priority", self._input(
                    "priority", self.step.priority, suggest=self.priorities))
                yield from self._field("programme", self._input("programme", self.step.programme))
                yield from self._field("status", self._status())
            yield Label(_("actions.form.hint"), id="step-form-hint")

    def _field(self, name: str, widget: Widget, label: str | None = None) -> ComposeResult:
        with Horizontal(classes="step-field"):
            yield Label(label or _(f"actions.field.{name}"), classes="step-field-label")
            yield widget
        yield Label("", id=f"error-{name}", classes="step-field-error", markup=False)

    def _input(self, name: str, value: str, placeholder: str = "", suggest: list[str] | None = None) -> Input:
        suggester = SuggestFromList(suggest, case_sensitive=False) if suggest else None
        return Input(value, placeholder=placeholder, id=f"field-{name}", compact=True, suggester=suggester)

    def _years(self) -> ComposeResult:
        for edge in ("start", "end"):
            with Horizontal(classes="step-field"):
                yield Label(_(f"actions.field.{edge}_year"), classes="step-field-label")
                yield self._input(f"{edge}_year", str(getattr(self.step, f"{edge}_year") or ""))
                yield Label(_("actions.field.quarter"), classes="step-field-quarter")
                quarter = getattr(self.step, f"{edge}_quarter")
                yield self._input(f"{edge}_quarter", str(quarter or ""), "1–4")
            for part in ("year", "quarter"):
                yield Label("", id=f"error-{edge}_{part}", classes="step-field-error", markup=False)

    def _supporting(self) -> str:
        names = {a.id: a.abbreviation for a in self.agencies}
        return ", ".join(names[i] for i in self.step.supporting_agency_ids if i in names)

    def _lead(self) -> Select:
        options = [(a.abbreviation, a.id) for a in self.agencies]
        return Select(options, value=self.step.lead_agency_id or Select.NULL, id="field-lead_agency_id",
                      prompt=_("actions.form.no_agency"), compact=True)

    def _status(self) -> Select:
        tr = translator(current_language())
        options = [(enum_label(tr, s), s) for s in StepStatus]
        return Select(options, value=self.step.status, id="field-status", allow_blank=False, compact=True)

    def on_mount(self) -> None:
        found = self.query(f"#field-{self.focus_field}")
        (found.first() if found else self.query_one("#field-activity")).focus()

    # -- saving ------------------------------------------------------------------------------

    @on(Input.Submitted)
    def action_save(self) -> None:
        """Check every field; dismiss with the step, or show each refused field's reason."""
        agencies = {a.abbreviation: a.id for a in self.agencies}
        step, errors = read_step(self._values(), self.step, self.years, agencies)
        for label in self.query(".step-field-error").results(Label):
            label.update(errors.get(label.id.removeprefix("error-"), ""))
            label.set_class(bool(label.id and errors.get(label.id.removeprefix("error-"))), "-shown")
        if step is not None:
            self.dismiss(step)
            return
        self.query_one(f"#field-{next(iter(errors))}").focus()

    def _values(self) -> dict[str, object]:
        values: dict[str, object] = {i.id.removeprefix("field-"): i.value for i in self.query(Input) if i.id}
        for select in self.query(Select):
            value = select.value
            values[select.id.removeprefix("field-")] = None if value is Select.NULL else value
        return values

    @on(Input.Changed)
    def forget_error(self, event: Input.Changed) -> None:
        """Typing in a refused field takes its old reason away."""
        if event.input.id:
            found = self.query(f"#error-{event.input.id.removeprefix('field-')}")
            for label in found.results(Label):
                label.update("")
                label.remove_class("-shown")
